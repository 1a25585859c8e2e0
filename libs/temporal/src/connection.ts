import fs from 'node:fs';
import { Client, Connection, type ConnectionOptions } from '@temporalio/client';
import { NativeConnection, type NativeConnectionOptions } from '@temporalio/worker';
import { ConfigError, requireSetting, type AppConfig } from '@zhengdun/config';

function readTlsFile(variable: string, file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  ${variable}: ${file} cannot be read (${(error as Error).message})`);
  }
}

function tlsOptions(config: AppConfig['temporal']): ConnectionOptions['tls'] {
  // `false`, not undefined: the SDK would otherwise turn TLS on by itself when an API key is set.
  if (!config.tls) return false;
  if (config.tlsCertPath && config.tlsKeyPath) {
    return { clientCertPair: { crt: readTlsFile('TEMPORAL_TLS_CERT_PATH', config.tlsCertPath), key: readTlsFile('TEMPORAL_TLS_KEY_PATH', config.tlsKeyPath) } };
  }
  return true;
}

/** How every process of ours reaches Temporal: the API's and the scripts' clients, the worker's native connection. */
export function temporalConnectionOptions(config: AppConfig['temporal']): ConnectionOptions & NativeConnectionOptions {
  return {
    address: requireSetting(config.address, 'TEMPORAL_ADDRESS'),
    tls: tlsOptions(config),
    // Temporal Cloud routes API-key requests by the namespace header; a self-hosted frontend ignores it.
    ...(config.apiKey ? { apiKey: config.apiKey, metadata: { 'temporal-namespace': config.namespace } } : {}),
  } as ConnectionOptions & NativeConnectionOptions;
}

/** TLS, mTLS and API key as the connection uses them, for log lines. */
export function describeTemporalAuth(config: AppConfig['temporal']): string {
  return [config.tls ? 'TLS' : 'plaintext', config.tlsCertPath ? 'mTLS client certificate' : '', config.apiKey ? 'API key' : ''].filter(Boolean).join(', ');
}

export async function connectClient(config: AppConfig['temporal']): Promise<Client> {
  const connection = await Connection.connect(temporalConnectionOptions(config));
  return new Client({ connection, namespace: config.namespace });
}

export function connectWorker(config: AppConfig['temporal']): Promise<NativeConnection> {
  return NativeConnection.connect(temporalConnectionOptions(config));
}
