/** Applies pending migrations to DATABASE_URL and exits (`nx run api:migrate`). */
import 'reflect-metadata';
import { ConfigError, loadConfig, requireSetting } from '@zhengdun/config';
import { migrate } from '@zhengdun/persistence';

async function main(): Promise<void> {
  let url: string;
  try {
    url = requireSetting(loadConfig().databaseUrl, 'DATABASE_URL');
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const applied = await migrate(url);
  process.stdout.write(applied.length > 0 ? `Applied migrations:\n${applied.map((name) => `  ${name}`).join('\n')}\n` : 'Database is up to date.\n');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`Migration failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
