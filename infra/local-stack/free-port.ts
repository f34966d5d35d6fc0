import fs from 'node:fs';
import net from 'node:net';

/** Where Linux says which ports it hands to outgoing connections. */
const EPHEMERAL_RANGE_FILE = '/proc/sys/net/ipv4/ip_local_port_range';

/** The lowest port picked below the ephemeral range: above the registered ports most local services use. */
const LOWEST = 10_000;

/** Candidates tried before giving up: a range of thousands is nearly empty on any machine this runs on. */
const ATTEMPTS = 200;

/** The kernel's ephemeral port range, or null where it cannot be read (not Linux) or leaves no room below it. */
export function ephemeralPortRange(file = EPHEMERAL_RANGE_FILE): [number, number] | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const [low, high] = text.trim().split(/\s+/).map(Number);
  if (!Number.isInteger(low) || !Number.isInteger(high) || low - LOWEST < 1000) return null;
  return [low, high];
}

/**
 * `count` distinct free TCP ports on 127.0.0.1, for servers the caller starts soon after. They are picked below the
 * kernel's ephemeral range: a port from that range (what listening on port 0 gives) can be taken by any outgoing
 * connection before the server binds it, and a stack that starts Temporal and SeaweedFS first opens many (a worker
 * once found its port taken that way). All listeners stay open until every port is known, so the same port is
 * never handed out twice; where the range is unknown, the OS picks.
 */
export async function findFreePorts(count: number, host = '127.0.0.1'): Promise<number[]> {
  const range = ephemeralPortRange();
  const servers: net.Server[] = [];
  try {
    for (let i = 0; i < count; i++) {
      servers.push(range ? await listenBelow(range[0], host) : await listen(host, 0));
    }
    return servers.map((server) => (server.address() as net.AddressInfo).port);
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

export async function findFreePort(host = '127.0.0.1'): Promise<number> {
  const [port] = await findFreePorts(1, host);
  return port;
}

/** A listener on a random free port in [LOWEST, below). */
async function listenBelow(below: number, host: string): Promise<net.Server> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const port = LOWEST + Math.floor(Math.random() * (below - LOWEST));
    try {
      return await listen(host, port);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    }
  }
  throw new Error(`no free port found in ${ATTEMPTS} tries between ${LOWEST} and ${below - 1} on ${host}`);
}

function listen(host: string, port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host, port, exclusive: true }, () => resolve(server));
  });
}
