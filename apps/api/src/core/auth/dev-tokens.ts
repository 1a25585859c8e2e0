/**
 * Development tokens, signed HS256 with the configured secret (JWT_SECRET, or the data directory's
 * generated one under `npm start`): one per role, for `npm start`, the tests and the web UI's development
 * sign-in. Worthless where JWKS_URL points at a real identity provider.
 */
import { SignJWT } from 'jose';
import type { AppConfig } from '@zhengdun/config';
import { USER_ROLES, type Actor, type UserRole } from '@zhengdun/domain';
import { claimsFor } from './actor-claims';

export const DEV_COUNTY = '示范县';
export const DEV_TOWNSHIP = '青山镇';
export const DEV_ORG_CODE = 'demo-org';

/** One sample user per role, in the development county. */
export const DEV_ACTORS: Record<UserRole, Actor> = {
  county_department: { userId: 'dev-county', name: '县委组织部（开发）', role: 'county_department', scope: { level: 'county', county: DEV_COUNTY } },
  township_committee: {
    userId: 'dev-township',
    name: '青山镇党委（开发）',
    role: 'township_committee',
    scope: { level: 'township', county: DEV_COUNTY, township: DEV_TOWNSHIP },
  },
  assigned_leader: {
    userId: 'dev-leader',
    name: '包抓责任人（开发）',
    role: 'assigned_leader',
    scope: { level: 'organization', county: DEV_COUNTY, orgCode: DEV_ORG_CODE },
  },
  branch_secretary: {
    userId: 'dev-secretary',
    name: '支部书记（开发）',
    role: 'branch_secretary',
    scope: { level: 'organization', county: DEV_COUNTY, orgCode: DEV_ORG_CODE },
  },
  auditor: { userId: 'dev-auditor', name: '审计员（开发）', role: 'auditor', scope: { level: 'county', county: DEV_COUNTY } },
};

export async function mintDevToken(auth: AppConfig['auth'], actor: Actor, expiresIn: string | number = '12h'): Promise<string> {
  if (!auth.jwtSecret) throw new Error('no JWT secret to sign development tokens with (set JWT_SECRET, or run npm start once)');
  return new SignJWT(claimsFor(actor))
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(actor.userId)
    .setIssuer(auth.issuer)
    .setAudience(auth.audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(auth.jwtSecret));
}

export async function mintDevTokens(
  auth: AppConfig['auth'],
  actors: Record<UserRole, Actor> = DEV_ACTORS,
): Promise<Record<UserRole, { actor: Actor; token: string }>> {
  const entries = await Promise.all(USER_ROLES.map(async (role) => [role, { actor: actors[role], token: await mintDevToken(auth, actors[role]) }] as const));
  return Object.fromEntries(entries) as Record<UserRole, { actor: Actor; token: string }>;
}
