import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../config';

/** Workflow interceptors every bundle includes (bundleWorkflowCode's `workflowInterceptorModules`). */
export const WORKFLOW_INTERCEPTOR_MODULES = [require.resolve('../../infra/telemetry/workflow-interceptors')];

/** Written by `npm run build` (scripts/bundle-workflows.ts). */
export const WORKFLOW_BUNDLE_PATH = path.join(PROJECT_ROOT, 'dist', 'workflow-bundle.js');

/** The prebuilt bundle when there is one, else the sources (bundled at start, as in development). */
export function workflowCode(): { workflowBundle: { codePath: string } } | { workflowsPath: string } {
  return fs.existsSync(WORKFLOW_BUNDLE_PATH)
    ? { workflowBundle: { codePath: WORKFLOW_BUNDLE_PATH } }
    : { workflowsPath: require.resolve('../../workflows') };
}
