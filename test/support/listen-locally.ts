import type http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A test server on a free port of the loopback interface. */
export interface LocalServer {
  url: string;
  /** Idempotent, so a test can stop the server to simulate an outage and still clean up in afterEach. */
  close: () => Promise<void>;
}

/** Starts `server` on 127.0.0.1 and a port the system picks (tests never share ports). */
export async function listenLocally(server: http.Server): Promise<LocalServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve();
        server.close((error) => (error ? reject(error) : resolve()));
        // Hung requests would otherwise keep close() waiting forever.
        server.closeAllConnections();
      }),
  };
}
