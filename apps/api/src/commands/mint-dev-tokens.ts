/**
 * Prints a development token for each role, HS256 with JWT_SECRET, or else with the secret `npm start`
 * generated in its data directory (ZHENGDUN_DATA_DIR, default .data/dev-jwt-secret):
 *   node -r @swc-node/register apps/api/src/commands/mint-dev-tokens.ts
 * Use one as `Authorization: Bearer <token>`, or in Swagger UI's "Authorize" at /docs.
 */
import path from 'node:path';
import { ConfigError, dataDirectory, DEV_JWT_SECRET_FILE, loadConfig, readDevJwtSecret } from '@zhengdun/config';
import { describeScope, USER_ROLE_LABELS } from '@zhengdun/domain';
import { DEV_ACTORS, mintDevToken, mintDevTokens } from '../core/auth/dev-tokens';

export { DEV_ACTORS, mintDevToken, mintDevTokens };

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.auth.jwksUrl) {
    process.stderr.write('JWKS_URL is set: tokens come from the identity provider, not from this command.\n');
    process.exit(1);
  }
  const dataDir = dataDirectory(path.resolve(__dirname, '../../../..'), config);
  const jwtSecret = config.auth.jwtSecret ?? readDevJwtSecret(dataDir);
  if (!jwtSecret) {
    process.stderr.write(`No secret to sign with: set JWT_SECRET, or run npm start once (it creates ${path.join(dataDir, DEV_JWT_SECRET_FILE)}).\n`);
    process.exit(1);
  }
  const tokens = await mintDevTokens({ ...config.auth, jwtSecret });
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
