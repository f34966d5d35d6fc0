import fs from 'node:fs';
import type { TLSConfig } from '@temporalio/client';
import type { Config } from '../config';

export interface TemporalConnectionOptions {
  address: string;
  tls?: TLSConfig;
  apiKey?: string;
}

/**
 * The options both the client (API) and the workers' NativeConnection take, from the SDK's standard variables:
 * nothing for the local dev server; TLS with an optional CA, server name and client certificate (mTLS) for a
 * self-hosted cluster; an API key over TLS for Temporal Cloud. Files are read here so a wrong path fails at start.
 */
export function temporalConnectionOptions(temporal: Config['temporal']): TemporalConnectionOptions {
  const options: TemporalConnectionOptions = { address: temporal.address };
  if (temporal.apiKey) options.apiKey = temporal.apiKey;
  if (!temporal.tls) return options;
  const { clientCertPath, clientKeyPath, serverCaCertPath, serverName } = temporal.tls;
  const tls: TLSConfig = {};
  if (serverName) tls.serverNameOverride = serverName;
  if (serverCaCertPath) tls.serverRootCACertificate = readPem('TEMPORAL_TLS_SERVER_CA_CERT_PATH', serverCaCertPath);
  if (clientCertPath && clientKeyPath) {
    tls.clientCertPair = {
      crt: readPem('TEMPORAL_TLS_CLIENT_CERT_PATH', clientCertPath),
      key: readPem('TEMPORAL_TLS_CLIENT_KEY_PATH', clientKeyPath),
    };
  }
  options.tls = tls;
  return options;
}

function readPem(variable: string, file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw new Error(`${variable}: cannot read ${file}: ${(err as Error).message}`, { cause: err });
  }
}
