import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What the API knows about the request being served, reachable from code that is not handed the request. */
export interface RequestContext {
  requestId: string;
  /** Called once per workflow the request started, with its run kind. */
  onWorkflowStarted?: (kind: string) => void;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An incoming `x-request-id` is kept when it is a UUID (a proxy's or client's id ties the logs together); else a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && UUID.test(header) ? header.toLowerCase() : randomUUID();
}

export { REQUEST_ID_MEMO_KEY } from './request-id-keys';
