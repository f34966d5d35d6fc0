import fs from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { HISTORIES_DIR } from '../support/record-history';

const recorded = fs.readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.json'));

beforeAll(() => Runtime.install({ logger: new DefaultLogger('WARN') }));

/**
 * Histories of real runs (recorded with IBY_RECORD_HISTORIES=1 by the integration tests) must replay on the current
 * workflow code: a change that would break runs already in flight fails here, not in production.
 */
describe('recorded workflow histories replay deterministically', () => {
  it('has recorded histories to replay', () => {
    expect(recorded.length).toBeGreaterThanOrEqual(3);
  });

  it('replays every recorded history without a nondeterminism error', async () => {
    const workflowBundle = await bundleWorkflowCode({
      workflowsPath: require.resolve('../../workflows'),
      logger: new DefaultLogger('WARN'),
    });
    const histories = recorded.map((file) => {
      const { workflowId, history } = JSON.parse(fs.readFileSync(path.join(HISTORIES_DIR, file), 'utf8')) as {
        workflowId: string;
        history: unknown;
      };
      return { workflowId, history: historyFromJSON(history) };
    });
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle }, histories)) {
      if (result.error) failures.push(`${result.workflowId}: ${String(result.error)}`);
    }
    expect(failures).toEqual([]);
  });
});
