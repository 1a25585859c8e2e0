import { actorFromClaims } from './actor-claims';
import { AuthException } from './auth.exception';

describe('actorFromClaims', () => {
  const base = { sub: 'u-1', name: '李委员', role: 'township_committee', scope: { level: 'township', county: '示范县', township: '青山镇' } };

  it('builds the actor from sub, name, role and scope', () => {
    expect(actorFromClaims(base)).toEqual({ userId: 'u-1', name: '李委员', role: 'township_committee', scope: base.scope });
    expect(actorFromClaims({ ...base, scope: { level: 'organization', county: '示范县', orgCode: 'o-1', extra: 1 } }).scope).toEqual({
      level: 'organization',
      county: '示范县',
      orgCode: 'o-1',
    });
  });

  it('takes any well-formed text, emoji included', () => {
    expect(actorFromClaims({ ...base, name: '李委员 😀 (第一)' }).name).toBe('李委员 😀 (第一)');
  });

  it.each([
    ['sub', { ...base, sub: '' }],
    ['name', { ...base, name: undefined }],
    ['role', { ...base, role: 'admin' }],
    ['scope', { ...base, scope: 'everything' }],
    ['scope', { ...base, scope: { level: 'township', county: '示范县' } }],
    ['scope', { ...base, scope: { level: 'province', county: '示范县' } }],
    ['scope', { ...base, scope: { level: 'county', county: 'x'.repeat(200) } }],
    ['sub', { ...base, sub: 'u-1\u0000' }],
    ['name', { ...base, name: '李\u0000委员' }],
    ['name', { ...base, name: '李委员\uD83D' }],
    ['name', { ...base, name: '\uDE00李委员' }],
    ['name', { ...base, name: '李委员\u0007' }],
    ['name', { ...base, name: '李委员\u202E' }],
    ['name', { ...base, name: '李委员\u2028' }],
    ['scope', { ...base, scope: { level: 'township', county: '示范县', township: '青山镇\u001b[31m' } }],
    ['scope', { ...base, scope: { level: 'organization', county: '示范县\uDBFF', orgCode: 'o-1' } }],
  ])('refuses a token without a valid %s claim', (claim, payload) => {
    expect(() => actorFromClaims(payload as Record<string, unknown>)).toThrow(AuthException);
    try {
      actorFromClaims(payload as Record<string, unknown>);
    } catch (error) {
      expect((error as AuthException).details).toEqual({ claim });
    }
  });
});
