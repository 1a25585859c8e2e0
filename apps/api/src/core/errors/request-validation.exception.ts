import { CodedError, type StatusTable } from '@zhengdun/domain';

export interface FieldError {
  /** Path in the request: `measures[0].dueAt`, a query parameter, a path parameter or a header. */
  field: string;
  detail: string;
  detail_en: string;
}

export const REQUEST_VALIDATION_EXCEPTION_STATUS: StatusTable<'invalid_request'> = { invalid_request: 400 };

/** A request whose body, query, path or headers do not have the expected shape (400). */
export class RequestValidationException extends CodedError<'invalid_request'> {
  override readonly name = 'RequestValidationException';
  constructor(readonly fields: FieldError[]) {
    const names = [...new Set(fields.map((field) => field.field))];
    super(
      'invalid_request',
      `请求内容有误，请检查：${names.join('、')}。${fields.map((f) => `${f.field}${f.detail}`).join('；')}`,
      `invalid request: ${fields.map((f) => `${f.field}: ${f.detail_en}`).join('; ')}`,
      { fields: names },
    );
  }

  static field(field: string, detail: string, detailEn: string): RequestValidationException {
    return new RequestValidationException([{ field, detail, detail_en: detailEn }]);
  }
}
