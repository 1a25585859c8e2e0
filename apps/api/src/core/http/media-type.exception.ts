import { CodedError, type StatusTable } from '@zhengdun/domain';

export const MEDIA_TYPE_EXCEPTION_STATUS: StatusTable<'unsupported_media_type'> = { unsupported_media_type: 415 };

/** A request body in a format the endpoint does not take (415): it would be read as empty otherwise. */
export class MediaTypeException extends CodedError<'unsupported_media_type'> {
  override readonly name = 'MediaTypeException';

  constructor(accepted: readonly string[], received: string) {
    const got = received === '' ? '未标明内容类型' : received.slice(0, 100);
    const gotEn = received === '' ? 'no Content-Type' : received.slice(0, 100);
    super(
      'unsupported_media_type',
      `请求内容须为 ${accepted.join(' 或 ')} 格式（收到：${got}），本次请求未作任何改动`,
      `the body must be ${accepted.join(' or ')} (got ${gotEn}); nothing was changed`,
      { accepted: [...accepted] },
    );
  }
}
