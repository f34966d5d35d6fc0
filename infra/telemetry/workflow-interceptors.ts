/**
 * Workflow interceptors (bundled into the workflow code, so nothing here may touch node or I/O): a run started
 * by an API request carries that request's id in its memo; this passes it to its child workflows (memo), its
 * activities (a header the worker's activity interceptor reads) and its continue-as-new, and puts it on every
 * workflow log line. Registered with `workflowInterceptorModules` where the bundle is built.
 */
import { defaultPayloadConverter, workflowInfo, type WorkflowInterceptorsFactory } from '@temporalio/workflow';
import { REQUEST_ID_HEADER, REQUEST_ID_MEMO_KEY } from './request-id-keys';

function requestId(): string | undefined {
  const value = workflowInfo().memo?.[REQUEST_ID_MEMO_KEY];
  return typeof value === 'string' ? value : undefined;
}

const withMemo = <T extends { memo?: Record<string, unknown> }>(options: T, id: string): T => ({
  ...options,
  memo: { ...options.memo, [REQUEST_ID_MEMO_KEY]: id },
});

export const interceptors: WorkflowInterceptorsFactory = () => ({
  outbound: [
    {
      scheduleActivity(input, next) {
        const id = requestId();
        if (!id) return next(input);
        return next({
          ...input,
          headers: { ...input.headers, [REQUEST_ID_HEADER]: defaultPayloadConverter.toPayload(id) },
        });
      },
      scheduleLocalActivity(input, next) {
        const id = requestId();
        if (!id) return next(input);
        return next({
          ...input,
          headers: { ...input.headers, [REQUEST_ID_HEADER]: defaultPayloadConverter.toPayload(id) },
        });
      },
      startChildWorkflowExecution(input, next) {
        const id = requestId();
        return next(id ? { ...input, options: withMemo(input.options, id) } : input);
      },
      continueAsNew(input, next) {
        const id = requestId();
        return next(id ? { ...input, options: withMemo(input.options, id) } : input);
      },
      getLogAttributes(input, next) {
        const id = requestId();
        return next(id ? { ...input, requestId: id } : input);
      },
    },
  ],
});
