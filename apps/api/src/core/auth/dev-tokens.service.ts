import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@zhengdun/config';
import { USER_ROLES, type Actor } from '@zhengdun/domain';
import { RequestValidationException } from '../errors/request-validation.exception';
import { API_CONFIG } from '../infrastructure/injection-tokens';
import { actorFromClaims } from './actor-claims';
import { AuthException } from './auth.exception';
import { mintDevToken, mintDevTokens } from './dev-tokens';
import type { DevTokenRequestDto } from './dev-tokens.dto';

const TEXT_RULE_ZH = '不能为空，不超过 128 个字符，且不含控制字符或不成对的代理项';
const TEXT_RULE_EN = 'must be non-blank, at most 128 characters, without control characters or unpaired surrogates';

/** Each claim actorFromClaims checks, as the field of POST /dev/tokens that carries it. */
const FIELDS: Record<string, { field: string; zh: string; en: string }> = {
  sub: { field: 'userId', zh: TEXT_RULE_ZH, en: TEXT_RULE_EN },
  name: { field: 'name', zh: TEXT_RULE_ZH, en: TEXT_RULE_EN },
  role: { field: 'role', zh: `不是有效的角色（${USER_ROLES.join('、')}）`, en: `must be one of ${USER_ROLES.join(', ')}` },
  scope: {
    field: 'scope',
    zh: '与层级不符：county 需 county，township 需 county 与 township，organization 需 county 与 orgCode（均不超过 128 个字符，且不含控制字符）',
    en: 'must be {level:"county",county} | {level:"township",county,township} | {level:"organization",county,orgCode}, each at most 128 characters without control characters',
  },
};

export interface DevToken {
  actor: Actor;
  token: string;
}

/** Development tokens (HS256, the configured secret) for the web UI's sign-in page and for trying the API. */
@Injectable()
export class DevTokensService {
  constructor(@Inject(API_CONFIG) private readonly config: AppConfig) {}

  async samples(): Promise<DevToken[]> {
    return Object.values(await mintDevTokens(this.config.auth));
  }

  /** A token for any identity; refused, naming the field, where a verified token would be refused. */
  async mint(request: DevTokenRequestDto): Promise<DevToken> {
    let actor: Actor;
    try {
      actor = actorFromClaims({ sub: request.userId, name: request.name, role: request.role, scope: request.scope });
    } catch (error) {
      const claim = error instanceof AuthException ? FIELDS[String(error.details.claim)] : undefined;
      if (!claim) throw error;
      throw RequestValidationException.field(claim.field, claim.zh, claim.en);
    }
    return { actor, token: await mintDevToken(this.config.auth, actor) };
  }
}
