import { ApplicationFailure } from '@temporalio/workflow';
import { truncateMessage } from '../contracts';

/**
 * The root cause's type and message, the message truncated: a child's or activity's failure arrives wrapped
 * (ChildWorkflowFailure → ActivityFailure → ApplicationFailure), and only the innermost says why.
 */
export function failureOf(err: unknown): { type: string; message: string } {
  let cause: unknown = err;
  for (let depth = 0; depth < 20 && cause instanceof Error && cause.cause instanceof Error; depth++)
    cause = cause.cause;
  if (cause instanceof ApplicationFailure)
    return { type: cause.type ?? 'ApplicationFailure', message: truncateMessage(cause.message) };
  if (cause instanceof Error) return { type: cause.name, message: truncateMessage(cause.message) };
  return { type: 'Error', message: truncateMessage(String(cause)) };
}
