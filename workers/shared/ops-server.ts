import http from 'node:http';
import type { Registry } from 'prom-client';

export interface OpsServer {
  close(): Promise<void>;
}

/** The SDK exporter's text, or nothing when it does not answer (our own metrics are still served). */
async function sdkMetrics(url: string | undefined): Promise<string> {
  if (!url) return '';
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return response.ok ? await response.text() : '';
  } catch {
    return '';
  }
}

/** Ours and the SDK's exposition texts share no metric names (`iby_`/`nodejs_`/`process_` vs `temporal_`). */
export async function workerMetricsText(registry: Registry, sdkMetricsUrl?: string): Promise<string> {
  const [own, sdk] = await Promise.all([registry.metrics(), sdkMetrics(sdkMetricsUrl)]);
  return sdk ? `${own.trimEnd()}\n${sdk}` : own;
}

/** `/health` and `/metrics` on the worker's own port, for orchestrators and Prometheus. */
export async function startOpsServer(
  port: number,
  registry: Registry,
  health: () => Record<string, unknown>,
  sdkMetricsUrl?: string,
): Promise<OpsServer> {
  const server = http.createServer((req, res) => {
    const reply = (status: number, body: string, type: string) => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    if (req.url === '/health') {
      reply(200, JSON.stringify({ status: 'ok', ...health() }), 'application/json');
    } else if (req.url === '/metrics') {
      workerMetricsText(registry, sdkMetricsUrl).then(
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
