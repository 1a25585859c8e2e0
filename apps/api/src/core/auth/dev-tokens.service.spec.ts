import { randomBytes } from 'node:crypto';
import { loadConfig } from '@zhengdun/config';
import { USER_ROLES } from '@zhengdun/domain';
import { RequestValidationException } from '../errors/request-validation.exception';
import { DEV_ACTORS } from './dev-tokens';
import type { DevTokenRequestDto } from './dev-tokens.dto';
import { DevTokensService } from './dev-tokens.service';
import { TokenVerifier } from './token-verifier.service';

describe('DevTokensService', () => {
  const config = loadConfig({ ZHENGDUN_MODE: 'development', JWT_SECRET: randomBytes(48).toString('base64') });
  const service = new DevTokensService(config);
  const verifier = new TokenVerifier(config);
  const request = (overrides: Record<string, unknown> = {}) =>
    ({ userId: 'u-9', name: '某委员', role: 'township_committee', scope: { level: 'township', county: '示范县', township: '青山镇' }, ...overrides }) as DevTokenRequestDto;

  it('mints one verifiable token per role for the development identities', async () => {
    const samples = await service.samples();
    expect(samples.map((sample) => sample.actor)).toEqual(USER_ROLES.map((role) => DEV_ACTORS[role]));
    for (const sample of samples) expect(await verifier.verify(sample.token)).toEqual(sample.actor);
  });

  it('mints a token for any identity the verifier would accept', async () => {
    const { actor, token } = await service.mint(request());
    expect(actor).toEqual({ userId: 'u-9', name: '某委员', role: 'township_committee', scope: { level: 'township', county: '示范县', township: '青山镇' } });
    expect(await verifier.verify(token)).toEqual(actor);
  });

  it.each([
    ['userId', { userId: '' }],
    ['name', { name: 'x'.repeat(129) }],
    ['name', { name: '李\u0000委员' }],
    ['role', { role: 'admin' }],
    ['scope', { scope: { level: 'organization', county: '示范县' } }],
  ])('refuses an identity a token could not carry, naming the field (%s)', async (field, overrides) => {
    const refusal = await service.mint(request(overrides)).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RequestValidationException);
    expect((refusal as RequestValidationException).fields.map((f) => f.field)).toEqual([field]);
  });
});
