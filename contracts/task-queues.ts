/** Task queues: one per service, plus one per rate-limited provider so its limit is enforced server-side. */
export const TASK_QUEUES = {
  etl: 'etl',
  etlStooq: 'etl-stooq',
  etlSec: 'etl-sec',
  etlFred: 'etl-fred',
  data: 'data',
  analysis: 'analysis',
} as const;

export type TaskQueue = (typeof TASK_QUEUES)[keyof typeof TASK_QUEUES];
