import { CodedError, type StatusTable } from '@zhengdun/domain';

export type AuthExceptionCode = 'missing_token' | 'invalid_token' | 'token_expired' | 'invalid_claims';

export const AUTH_EXCEPTION_STATUS: StatusTable<AuthExceptionCode> = {
  missing_token: 401,
  invalid_token: 401,
  token_expired: 401,
  invalid_claims: 401,
};

/** No token, or one that cannot be trusted (401). */
export class AuthException extends CodedError<AuthExceptionCode> {
  override readonly name = 'AuthException';

  static missing(): AuthException {
    return new AuthException('missing_token', '请先登录（缺少访问令牌）', 'a bearer token is required');
  }

  static invalid(reason: string): AuthException {
    return new AuthException('invalid_token', '登录凭证无效，请重新登录', `the bearer token is invalid: ${reason}`);
  }

  static expired(): AuthException {
    return new AuthException('token_expired', '登录已过期，请重新登录', 'the bearer token has expired');
  }

  static claims(claim: string): AuthException {
    return new AuthException('invalid_claims', `登录凭证缺少或含有无效的身份信息（${claim}）`, `the token's ${claim} claim is missing or invalid`, { claim });
  }
}
