import type { WorkerService } from '../../config';
import { WORKER_SERVICES } from './node-services';

/**
 * Parses `etl=3,data=2,analysis=2` (the `--replicas` flag) over the configured counts. Unknown services and
 * counts outside 0…32 are errors that name what is accepted.
 */
export function parseReplicas(text: string, base: Record<WorkerService, number>): Record<WorkerService, number> {
  const known = WORKER_SERVICES.map((spec) => spec.service);
  const result = { ...base };
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([a-z]+)=(\d+)$/.exec(part);
    if (!match) throw new Error(`--replicas: expected service=count, got "${part}" (e.g. etl=3,data=2)`);
    const service = match[1] as WorkerService;
    if (!known.includes(service))
      throw new Error(`--replicas: unknown service "${match[1]}"; known: ${known.join(', ')}`);
    const count = Number(match[2]);
    if (count > 32) throw new Error(`--replicas: ${service}=${count} is more than 32`);
    result[service] = count;
  }
  return result;
}
