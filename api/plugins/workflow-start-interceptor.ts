import type { WorkflowClientInterceptor } from '@temporalio/client';
import { SEARCH_ATTRIBUTES } from '../../contracts';
import { REQUEST_ID_MEMO_KEY, requestContext } from '../../infra/telemetry/request-context';

/** The run kind search attribute when the start sets one (every run route does), else the workflow type. */
function kindOf(options: { typedSearchAttributes?: unknown }, workflowType: string): string {
  const pairs = Array.isArray(options.typedSearchAttributes) ? (options.typedSearchAttributes as unknown[]) : [];
  for (const pair of pairs) {
    const { key, value } = pair as { key?: { name?: string }; value?: unknown };
    if (key?.name === SEARCH_ATTRIBUTES.runKind.name && typeof value === 'string') return value;
  }
  return workflowType;
}

/**
 * Every workflow the API starts carries the id of the request that started it in its memo (the workers put it
 * on their log lines), and is counted by kind. No route has to remember either.
 */
export const workflowStartInterceptor: WorkflowClientInterceptor = {
  async startWithDetails(input, next) {
    const context = requestContext.getStore();
    if (!context) return next(input);
    const memo = { ...input.options.memo, [REQUEST_ID_MEMO_KEY]: context.requestId };
    const output = await next({ ...input, options: { ...input.options, memo } });
    context.onWorkflowStarted?.(kindOf(input.options, input.workflowType));
    return output;
  },
};
