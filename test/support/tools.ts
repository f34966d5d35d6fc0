import { requireTools } from '../../infra/local-stack/tools';

/**
 * The binaries workflow tests hand to `TestWorkflowEnvironment` (`server.executable`:
 * `{ type: 'existing-path', path }`), so no test downloads a server.
 */
export function testServerBinaries(): { temporal: string; temporalTestServer: string } {
  const { temporal, temporalTestServer } = requireTools();
  return { temporal, temporalTestServer };
}
