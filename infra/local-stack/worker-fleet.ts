import type { Config, WorkerService } from '../../config';
import { planNodeServices, startNodeService, type NodeService } from './node-services';
import { supervise, type RestartPolicy, type Supervised } from './supervisor';

export interface WorkerFleet {
  services: NodeService[];
  /** One per replica, in the order of `services`. */
  supervised: Supervised[];
  stop(): Promise<void>;
}

export interface WorkerFleetOptions {
  config: Config;
  replicas: Record<WorkerService, number>;
  logDir: string;
  /** Environment of every replica (each adds its own port and WORKER_INSTANCE). */
  env?: NodeJS.ProcessEnv;
  policy?: Partial<RestartPolicy>;
  say?: (line: string) => void;
}

/**
 * The worker replicas exactly as `npm start` runs them (compiled entries, ports, instance names), each under a
 * supervisor; started side by side. For tests and benchmarks that need worker processes without the rest.
 */
export async function startWorkerFleet(options: WorkerFleetOptions): Promise<WorkerFleet> {
  const say = options.say ?? (() => undefined);
  const services = (await planNodeServices(options.config, options.replicas)).filter((s) => s.worker);
  const start = (service: NodeService) => () =>
    startNodeService(service, options.logDir, {
      env: options.env,
      shutdownGraceSeconds: options.config.worker.shutdownGraceSeconds,
    });
  const supervised: Supervised[] = [];
  const stop = async () => {
    supervised.forEach((s) => s.halt());
    await Promise.all(supervised.map((s) => s.stop()));
    await Promise.all(supervised.map((s) => s.finished()));
  };
  const started = await Promise.allSettled(services.map((service) => start(service)()));
  const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await Promise.all(started.map((r) => (r.status === 'fulfilled' ? r.value.stop() : Promise.resolve())));
    throw failed.reason;
  }
  started.forEach((r, i) => {
    if (r.status === 'fulfilled')
      supervised.push(supervise(r.value, { start: start(services[i]), say, policy: options.policy }));
  });
  return { services, supervised, stop };
}
