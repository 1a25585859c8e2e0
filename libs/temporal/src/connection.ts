import fs from 'node:fs';
import { Client, Connection, type ConnectionOptions } from '@temporalio/client';
import { NativeConnection, type NativeConnectionOptions } from '@temporalio/worker';
import { requireSetting, type AppConfig } from '@zhengdun/config';

function tlsOptions(config: AppConfig['temporal']): ConnectionOptions['tls'] {
  if (!config.tls) return undefined;
  if (config.tlsCertPath && config.tlsKeyPath) {
    return { clientCertPair: { crt: fs.readFileSync(config.tlsCertPath), key: fs.readFileSync(config.tlsKeyPath) } };
  }
  return true;
}

function connectionOptions(config: AppConfig['temporal']): ConnectionOptions & NativeConnectionOptions {
  return {
    address: requireSetting(config.address, 'TEMPORAL_ADDRESS'),
    tls: tlsOptions(config),
    ...(config.apiKey ? { apiKey: config.apiKey } : {}),
  } as ConnectionOptions & NativeConnectionOptions;
}

export async function connectClient(config: AppConfig['temporal']): Promise<Client> {
  const connection = await Connection.connect(connectionOptions(config));
  return new Client({ connection, namespace: config.namespace });
}

export function connectWorker(config: AppConfig['temporal']): Promise<NativeConnection> {
  return NativeConnection.connect(connectionOptions(config));
}
