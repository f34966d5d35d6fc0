import type { FastifyInstance } from 'fastify';
import { withTimeout } from '../../../infra/cache';

export interface CheckResult {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

export type Readiness = 'ready' | 'degraded' | 'unavailable';

/** A dependency that does not answer within this time counts as down; /ready must answer quickly itself. */
export const CHECK_TIMEOUT_MS = 2000;

async function check(probe: () => Promise<unknown>): Promise<CheckResult> {
  const started = performance.now();
  try {
    await withTimeout(probe(), CHECK_TIMEOUT_MS);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    return {
      ok: false,
      latencyMs: Math.round(performance.now() - started),
      error: (err as Error).message || String(err),
    };
  }
}

/** Each backing service, probed in parallel with the cheapest call that proves it answers. */
export async function checkDependencies(app: Pick<FastifyInstance, 'temporal' | 'db' | 'redis' | 's3'>) {
  const [temporal, postgres, redis, s3] = await Promise.all([
    check(() => app.temporal.workflowService.getSystemInfo({})),
    check(() => app.db.query('SELECT 1')),
    check(() => app.redis.ping()),
    check(async () => {
      if (!(await app.s3.client.bucketExists(app.s3.bucket))) throw new Error(`bucket ${app.s3.bucket} does not exist`);
    }),
  ]);
  const checks = { temporal, postgres, redis, s3 };
  // Redis is only a cache: without it every read still works, just slower.
  const status: Readiness = !temporal.ok || !postgres.ok || !s3.ok ? 'unavailable' : redis.ok ? 'ready' : 'degraded';
  return { status, checks };
}
