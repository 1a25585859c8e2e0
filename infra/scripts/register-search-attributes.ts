/**
 * Registers the custom search attributes of a case (ZdStage, ZdDomain, … — see
 * workflows/src/search-attributes.ts) on the Temporal namespace the apps use.
 *
 *   node -r @swc-node/register infra/scripts/register-search-attributes.ts [--wait <seconds>]
 *
 * Idempotent: it lists what the namespace already has and adds only the missing attributes, so a
 * second run changes nothing and says so. An attribute that exists with another type is an error
 * (Temporal cannot change the type of a search attribute).
 *
 * Connection settings are the apps' environment variables, read and validated by libs/config and
 * used by the same connection code as the apps (libs/temporal): TEMPORAL_ADDRESS (default
 * localhost:7233), TEMPORAL_NAMESPACE (default `default`), TEMPORAL_TLS, TEMPORAL_TLS_CERT_PATH +
 * TEMPORAL_TLS_KEY_PATH (mTLS), TEMPORAL_API_KEY. `--wait` keeps retrying while the server is not
 * reachable yet or the namespace does not exist yet (a cluster that is still starting).
 *
 * Temporal Cloud refuses the operator API (PERMISSION_DENIED): the command then prints the
 * `tcld namespace search-attributes add` command to run instead and exits 0.
 *
 * Exit codes: 0 registered / nothing to do / refused with PERMISSION_DENIED (instructions printed);
 * 1 failure or a type conflict; 2 usage or configuration error.
 */
import { Connection, isGrpcServiceError } from '@temporalio/client';
import type { ConnectionOptions } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { ConfigError, loadConfig, type AppConfig } from '@zhengdun/config';
import { describeTemporalAuth, temporalConnectionOptions } from '@zhengdun/temporal';
import { SEARCH_ATTRIBUTE_FLAGS } from '@zhengdun/workflows';

/** Where a local dev server listens; the apps themselves require TEMPORAL_ADDRESS. */
const DEFAULT_TEMPORAL_ADDRESS = 'localhost:7233';

type IndexedValueType = temporal.api.enums.v1.IndexedValueType;
const { IndexedValueType } = temporal.api.enums.v1;

type FlagType = (typeof SEARCH_ATTRIBUTE_FLAGS)[string];

const INDEXED_VALUE_TYPE: Record<FlagType, IndexedValueType> = {
  Keyword: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Bool: IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  Int: IndexedValueType.INDEXED_VALUE_TYPE_INT,
};

/** gRPC status codes this command reacts to (values from the gRPC spec). */
const GrpcStatus = {
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  UNAVAILABLE: 14,
} as const;

const LOG_PREFIX = '[search-attributes]';
const log = (message: string) => console.log(`${LOG_PREFIX} ${message}`);
const warn = (message: string) => console.error(`${LOG_PREFIX} ${message}`);

class UsageError extends Error {}

interface Settings {
  address: string;
  namespace: string;
  connection: ConnectionOptions;
  waitMs: number;
  describeAuth: string;
}

function parseWaitSeconds(argv: string[]): number {
  let wait = 0;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      console.log('usage: node -r @swc-node/register infra/scripts/register-search-attributes.ts [--wait <seconds>]');
      process.exit(0);
    }
    let value: string | undefined;
    if (arg === '--wait') value = argv[++i];
    else if (arg.startsWith('--wait=')) value = arg.slice('--wait='.length);
    else throw new UsageError(`unknown argument ${JSON.stringify(arg)} (usage: [--wait <seconds>])`);
    if (value === undefined || !/^\d+$/.test(value)) throw new UsageError('--wait needs a whole number of seconds');
    wait = Number(value);
  }
  return wait * 1000;
}

/** The apps' own configuration (libs/config) and connection code (libs/temporal): one reading of TEMPORAL_*. */
function readSettings(env: NodeJS.ProcessEnv, argv: string[]): Settings {
  const waitMs = parseWaitSeconds(argv);
  let temporalConfig: AppConfig['temporal'];
  try {
    const { temporal: configured } = loadConfig(env);
    temporalConfig = { ...configured, address: configured.address ?? DEFAULT_TEMPORAL_ADDRESS };
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  let connection: ConnectionOptions;
  try {
    connection = { ...temporalConnectionOptions(temporalConfig), connectTimeout: '10s' };
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  return { address: temporalConfig.address!, namespace: temporalConfig.namespace, waitMs, describeAuth: describeTemporalAuth(temporalConfig), connection };
}

function grpcCode(error: unknown): number | undefined {
  if (isGrpcServiceError(error)) return error.code;
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  return isGrpcServiceError(cause) ? cause.code : undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` until it succeeds, it fails with an error `retryable` rejects, or the wait is over. */
async function withWait<T>(what: string, deadline: number, retryable: (error: unknown) => boolean, attempt: () => Promise<T>): Promise<T> {
  for (let round = 1; ; round += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!retryable(error) || Date.now() + 2000 > deadline) throw error;
      if (round === 1 || round % 5 === 0) warn(`${what}: ${(error as Error).message} — retrying until the --wait time is over`);
      await sleep(2000);
    }
  }
}

type AttributeMap = Record<string, IndexedValueType>;

async function listAttributes(connection: Connection, namespace: string): Promise<{ custom: AttributeMap; system: AttributeMap }> {
  const response = await connection.operatorService.listSearchAttributes({ namespace });
  return { custom: { ...(response.customAttributes ?? {}) }, system: { ...(response.systemAttributes ?? {}) } };
}

/** `KEYWORD` for INDEXED_VALUE_TYPE_KEYWORD (the generated enum object has no reverse mapping). */
function typeName(type: IndexedValueType | undefined): string {
  if (type === undefined) return 'missing';
  const entry = Object.entries(IndexedValueType).find(([, value]) => value === type);
  return entry ? entry[0].replace(/^INDEXED_VALUE_TYPE_/, '') : String(type);
}

function wanted(): Array<{ name: string; flag: FlagType; type: IndexedValueType }> {
  return Object.entries(SEARCH_ATTRIBUTE_FLAGS).map(([name, flag]) => {
    const type = INDEXED_VALUE_TYPE[flag];
    if (type === undefined) throw new Error(`SEARCH_ATTRIBUTE_FLAGS.${name} has an unsupported type ${JSON.stringify(flag)}`);
    return { name, flag, type };
  });
}

function printCloudInstructions(namespace: string, attributes: Array<{ name: string; flag: FlagType }>, reason: string): void {
  const flags = attributes.map(({ name, flag }) => `  --search-attribute "${name}=${flag}"`).join(' \\\n');
  warn(`the operator API refused the request (${reason}).`);
  console.log(
    [
      '',
      'Temporal Cloud does not let SDK clients add search attributes. Add them once per namespace with tcld',
      '(or in the Cloud UI: Namespaces → <namespace> → Search attributes):',
      '',
      `tcld namespace search-attributes add --namespace ${namespace} \\\n${flags}`,
      '',
      'A self-hosted cluster that answers PERMISSION_DENIED needs a caller with the admin role, e.g.:',
      ...attributes.map(({ name, flag }) => `  temporal operator search-attribute create --namespace ${namespace} --name ${name} --type ${flag}`),
      '',
      'Nothing was changed here. Until these attributes exist, workflows that upsert them fail their workflow tasks.',
      '',
    ].join('\n'),
  );
}

async function main(): Promise<number> {
  let settings: Settings;
  try {
    settings = readSettings(process.env, process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      warn(error.message);
      return 2;
    }
    throw error;
  }
  const { address, namespace, waitMs } = settings;
  const deadline = Date.now() + waitMs;
  const desired = wanted();
  log(`namespace ${namespace} at ${address} (${settings.describeAuth}); expecting ${desired.map((a) => `${a.name}=${a.flag}`).join(', ')}`);

  const connection = await withWait('connect', deadline, () => true, () => Connection.connect(settings.connection));
  try {
    const notReadyYet = (error: unknown) => {
      const code = grpcCode(error);
      return code === GrpcStatus.NOT_FOUND || code === GrpcStatus.UNAVAILABLE || code === GrpcStatus.DEADLINE_EXCEEDED;
    };

    let existing: { custom: AttributeMap; system: AttributeMap };
    try {
      existing = await withWait(`list search attributes of ${namespace}`, deadline, notReadyYet, () => listAttributes(connection, namespace));
    } catch (error) {
      if (grpcCode(error) === GrpcStatus.PERMISSION_DENIED) {
        printCloudInstructions(namespace, desired, `listSearchAttributes: ${(error as Error).message}`);
        return 0;
      }
      throw error;
    }

    const conflicts = desired.filter(({ name, type }) => {
      const current = existing.custom[name] ?? existing.system[name];
      return current !== undefined && current !== type;
    });
    if (conflicts.length > 0) {
      for (const { name, flag } of conflicts) {
        const current = existing.custom[name] ?? existing.system[name];
        warn(`${name} already exists in namespace ${namespace} as ${typeName(current)}, the workflows need ${flag}.`);
      }
      warn('Temporal cannot change the type of a search attribute: remove it (on a namespace without cases that use it) and run this again.');
      return 1;
    }

    const missing = desired.filter(({ name }) => existing.custom[name] === undefined && existing.system[name] === undefined);
    if (missing.length === 0) {
      log(`all ${desired.length} search attributes are already registered in namespace ${namespace}; nothing changed.`);
      return 0;
    }
    const present = desired.filter((a) => !missing.includes(a));
    if (present.length > 0) log(`already registered: ${present.map((a) => a.name).join(', ')}`);
    log(`adding: ${missing.map((a) => `${a.name}=${a.flag}`).join(', ')}`);

    const searchAttributes: AttributeMap = Object.fromEntries(missing.map(({ name, type }) => [name, type]));
    try {
      await connection.operatorService.addSearchAttributes({ namespace, searchAttributes });
    } catch (error) {
      const code = grpcCode(error);
      if (code === GrpcStatus.PERMISSION_DENIED) {
        printCloudInstructions(namespace, missing, `addSearchAttributes: ${(error as Error).message}`);
        return 0;
      }
      // Another run (a second replica of this job) got there first: the check below decides.
      if (code !== GrpcStatus.ALREADY_EXISTS) throw error;
      log(`the server reports some already exist (${(error as Error).message}); checking again`);
    }

    const after = await listAttributes(connection, namespace);
    const stillMissing = missing.filter(({ name, type }) => (after.custom[name] ?? after.system[name]) !== type);
    if (stillMissing.length > 0) {
      // The add call succeeded; a listing that lags behind it is a cache, not a failure.
      warn(
        `the server accepted the request but does not list ${stillMissing.map((a) => a.name).join(', ')} yet; ` +
          'run this command again in a minute to confirm (it will say "nothing changed").',
      );
      return 0;
    }
    log(`added ${missing.length} search attribute(s) to namespace ${namespace}: ${missing.map((a) => a.name).join(', ')}`);
    return 0;
  } finally {
    await connection.close().catch(() => undefined);
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const code = grpcCode(error);
    warn(`failed${code !== undefined ? ` (gRPC status ${code})` : ''}: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
