import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { PROJECT_ROOT } from '../../config';
import { WORKER_HEAP_FLAGS } from './node-services';

describe('worker heap flags', () => {
  it('are the same for `npm start` and for compose, so a deployed worker collects garbage as the benchmarked one', () => {
    const compose = YAML.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'compose', 'compose.yaml'), 'utf8')) as {
      services: Record<string, { command?: string[] }>;
    };
    for (const service of ['etl-worker', 'data-worker', 'analysis-worker']) {
      const command = compose.services[service]?.command ?? [];
      expect([service, command.slice(1, -1)]).toEqual([service, WORKER_HEAP_FLAGS]);
    }
  });
});
