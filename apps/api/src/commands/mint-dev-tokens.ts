/**
 * Prints a development token for each role (HS256, JWT_SECRET or the development secret):
 *   node -r @swc-node/register apps/api/src/commands/mint-dev-tokens.ts
 * Use one as `Authorization: Bearer <token>`, or in Swagger UI's "Authorize" at /docs.
 */
import { ConfigError, loadConfig } from '@zhengdun/config';
import { describeScope, USER_ROLE_LABELS } from '@zhengdun/domain';
import { DEV_ACTORS, mintDevToken, mintDevTokens } from '../core/auth/dev-tokens';

export { DEV_ACTORS, mintDevToken, mintDevTokens };

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.auth.jwksUrl) {
    process.stderr.write('JWKS_URL is set: tokens come from the identity provider, not from this command.\n');
    process.exit(1);
  }
  const tokens = await mintDevTokens(config.auth);
  for (const { actor, token } of Object.values(tokens)) {
    process.stdout.write(`# ${USER_ROLE_LABELS[actor.role]} (${actor.role}) ${actor.name}, ${describeScope(actor.scope)}\n${token}\n\n`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
