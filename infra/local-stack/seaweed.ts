import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../config';
import { createObjectStore } from '../s3';
import { canConnect, hostAndPort, httpStatus } from './probes';
import { spawnLogged, waitUntil, type ManagedProcess } from './processes';

/** Every port `weed server` opens; its gRPC ports default to port+10000, so each one is given explicitly. */
export interface SeaweedPorts {
  s3: number;
  s3Grpc: number;
  master: number;
  masterGrpc: number;
  volume: number;
  volumeGrpc: number;
  filer: number;
  filerGrpc: number;
}

/** Ports derived from the S3 port alone: S3_ENDPOINT's port P and P+1 … P+7, so stacks on different P coexist. */
export function seaweedPortsFor(s3Port: number): SeaweedPorts {
  if (s3Port + 7 > 65535) throw new Error(`S3 port ${s3Port} leaves no room for SeaweedFS's seven other ports`);
  return {
    s3: s3Port,
    master: s3Port + 1,
    volume: s3Port + 2,
    filer: s3Port + 3,
    s3Grpc: s3Port + 4,
    masterGrpc: s3Port + 5,
    volumeGrpc: s3Port + 6,
    filerGrpc: s3Port + 7,
  };
}

export interface SeaweedOptions {
  /** The `weed` binary. */
  binary: string;
  s3: Config['s3'];
  /** Volumes, filer metadata and identities.json live here. */
  dataDir: string;
  logDir: string;
  /** Defaults to seaweedPortsFor(the S3_ENDPOINT port). */
  ports?: SeaweedPorts;
  timeoutMs?: number;
  /** Its filer waits up to 15 s for gRPC streams on SIGTERM; tests on throw-away data need not wait. */
  stopGraceMs?: number;
}

/** Starts a one-process SeaweedFS with an S3 gateway, unless something already answers at S3_ENDPOINT (then null). */
export async function startSeaweed(options: SeaweedOptions): Promise<ManagedProcess | null> {
  const { host, port } = hostAndPort(options.s3.endpoint);
  if (await canConnect(host, port)) return null;
  const ports = options.ports ?? seaweedPortsFor(port);
  fs.mkdirSync(options.dataDir, { recursive: true });
  const identities = writeIdentities(options.dataDir, options.s3);
  const proc = spawnLogged({
    name: 'seaweedfs',
    command: options.binary,
    args: serverArgs(host, options.dataDir, identities, ports),
    logDir: options.logDir,
    // Its filer gives open gRPC streams up to 15 s to end before it closes the volumes.
    graceMs: options.stopGraceMs ?? 20_000,
  });
  void proc.exited.then(() => removeLocalSockets(ports));
  try {
    await waitUntil(`SeaweedFS to serve S3 at ${options.s3.endpoint}`, () => ready(options.s3, host, ports), {
      timeoutMs: options.timeoutMs ?? 60_000,
      process: proc,
      intervalMs: 300,
    });
  } catch (err) {
    await proc.stop();
    throw err;
  }
  return proc;
}

function serverArgs(host: string, dataDir: string, identities: string, ports: SeaweedPorts): string[] {
  return [
    'server',
    // Without -ip it advertises the machine's address, and clients would be sent there.
    `-ip=${host}`,
    `-ip.bind=${host}`,
    `-dir=${dataDir}`,
    '-s3',
    `-s3.port=${ports.s3}`,
    `-s3.port.grpc=${ports.s3Grpc}`,
    `-s3.config=${identities}`,
    `-master.port=${ports.master}`,
    `-master.port.grpc=${ports.masterGrpc}`,
    `-volume.port=${ports.volume}`,
    `-volume.port.grpc=${ports.volumeGrpc}`,
    `-filer.port=${ports.filer}`,
    `-filer.port.grpc=${ports.filerGrpc}`,
    // Catalog side services we do not use would otherwise take fixed ports and collide between stacks.
    '-s3.port.iceberg=0',
    '-s3.port.lance=0',
    '-master.telemetry=false',
    // A single master otherwise waits the 10 s default for a Raft election on every restart.
    '-master.electionTimeout=1s',
    // Every bucket is its own collection with its own volumes: many small volumes instead of a few 30 GB ones. The
    // master grows 7 volumes for each new collection, so 100 slots ran out at the 15th bucket (the test suite makes
    // one per test file: "No writable volumes", HTTP 500); volumes take disk only as they are written.
    '-master.volumeSizeLimitMB=256',
    '-volume.max=1000',
    // The default waits 10 s before the volume server stops, which makes every Ctrl-C slow.
    '-volume.preStopSeconds=1',
  ];
}

/** Each server also listens on /tmp/seaweedfs-<kind>-<port>.sock and leaves the file behind when killed. */
function removeLocalSockets(ports: SeaweedPorts): void {
  const tmp = os.tmpdir();
  const ours = new Set(Object.values(ports).map(String));
  for (const file of fs.readdirSync(tmp)) {
    const port = /^seaweedfs-[a-z0-9-]+?-(\d+)\.sock$/.exec(file)?.[1];
    if (port && ours.has(port)) fs.rmSync(path.join(tmp, file), { force: true });
  }
}

/** identities.json grants the configured key pair everything the system does with S3. Mode 0600: it holds the secret. */
function writeIdentities(dataDir: string, s3: Config['s3']): string {
  const file = path.join(dataDir, 'identities.json');
  const identities = {
    identities: [
      {
        name: 'iby',
        credentials: [{ accessKey: s3.accessKey, secretKey: s3.secretKey }],
        actions: ['Admin', 'Read', 'Write', 'List', 'Tagging'],
      },
    ],
  };
  fs.writeFileSync(file, `${JSON.stringify(identities, null, 2)}\n`, { mode: 0o600 });
  return file;
}

/**
 * The S3 port opens before the filer and the volume server are usable: wait until the master knows a
 * volume server, then until an authenticated S3 call succeeds.
 */
async function ready(s3: Config['s3'], host: string, ports: SeaweedPorts): Promise<boolean> {
  if (!(await volumeServerRegistered(host, ports.master))) return false;
  if ((await httpStatus(`http://${host}:${ports.filer}/`)) === undefined) return false;
  try {
    await createObjectStore(s3).client.listBuckets();
    return true;
  } catch {
    return false;
  }
}

async function volumeServerRegistered(host: string, masterPort: number): Promise<boolean> {
  try {
    const response = await fetch(`http://${host}:${masterPort}/dir/status`, { signal: AbortSignal.timeout(2000) });
    const status = (await response.json()) as {
      Topology?: { DataCenters?: { Racks?: { DataNodes?: unknown[] }[] }[] };
    };
    return (status.Topology?.DataCenters ?? []).some((dc) =>
      (dc.Racks ?? []).some((rack) => (rack.DataNodes ?? []).length > 0),
    );
  } catch {
    return false;
  }
}
