import { CodedError, type StatusTable } from '@zhengdun/domain';

export interface FieldError {
  /** Path in the request: `measures[0].dueAt`, a query parameter, a path parameter or a header. */
  field: string;
  /** The field's name in Chinese (整顿政策·结果公示期), where its DTO gives one (ApiProperty `title`). */
  label?: string;
  /** What is wrong with it, after its name: 为必填项, 不能为空 … */
  detail: string;
  detail_en: string;
}

export const REQUEST_VALIDATION_EXCEPTION_STATUS: StatusTable<'invalid_request'> = { invalid_request: 400 };

/** A request whose body, query, path or headers do not have the expected shape (400). */
export class RequestValidationException extends CodedError<'invalid_request'> {
  override readonly name = 'RequestValidationException';
  constructor(readonly fields: FieldError[]) {
    const names = [...new Set(fields.map((field) => field.field))];
    // In Chinese where the DTO names the field, with its path beside it for whoever writes the client.
    const named = (f: FieldError) => (f.label ? `${f.label}（${f.field}）` : f.field);
    super(
      'invalid_request',
      `请求内容有误，请检查：${[...new Set(fields.map(named))].join('、')}。${fields.map((f) => `${f.label ?? f.field}${f.detail}`).join('；')}`,
      `invalid request: ${fields.map((f) => `${f.field}: ${f.detail_en}`).join('; ')}`,
      { fields: names },
    );
  }

  static field(field: string, detail: string, detailEn: string): RequestValidationException {
    return new RequestValidationException([{ field, detail, detail_en: detailEn }]);
  }
}
