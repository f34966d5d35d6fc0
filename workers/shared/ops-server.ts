import http from 'node:http';
import type { Registry } from 'prom-client';

export interface OpsServer {
  close(): Promise<void>;
}

/** `/health` and `/metrics` on the worker's own port, for orchestrators and Prometheus. */
export async function startOpsServer(
  port: number,
  registry: Registry,
  health: () => Record<string, unknown>,
): Promise<OpsServer> {
  const server = http.createServer((req, res) => {
    const reply = (status: number, body: string, type: string) => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    if (req.url === '/health') {
      reply(200, JSON.stringify({ status: 'ok', ...health() }), 'application/json');
    } else if (req.url === '/metrics') {
      registry.metrics().then(
        (text) => reply(200, text, registry.contentType),
        () => reply(500, 'metrics unavailable', 'text/plain'),
      );
    } else {
      reply(404, JSON.stringify({ error: 'not_found' }), 'application/json');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '0.0.0.0', resolve);
  });
  return { close: () => new Promise((resolve) => server.close(() => resolve())) };
}
