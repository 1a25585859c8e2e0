import { CodedError, type StatusTable } from '@zhengdun/domain';

export type IdempotencyExceptionCode = 'key_reused' | 'in_progress' | 'invalid_key';

export const IDEMPOTENCY_EXCEPTION_STATUS: StatusTable<IdempotencyExceptionCode> = {
  key_reused: 422,
  in_progress: 409,
  invalid_key: 400,
};

export class IdempotencyException extends CodedError<IdempotencyExceptionCode> {
  override readonly name = 'IdempotencyException';

  static reused(): IdempotencyException {
    return new IdempotencyException(
      'key_reused',
      '该 Idempotency-Key 已用于内容不同的请求，请为新请求使用新的键',
      'this Idempotency-Key was already used with a different request',
      { field: 'Idempotency-Key' },
    );
  }

  static inProgress(): IdempotencyException {
    return new IdempotencyException('in_progress', '相同的请求正在处理中，请稍后重试', 'a request with this Idempotency-Key is still being processed', {
      field: 'Idempotency-Key',
    });
  }
}
