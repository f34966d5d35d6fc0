import type { SearchAttributePair } from '@temporalio/common';
import { Value } from 'typebox/value';
import { RUN_KINDS, SEARCH_ATTRIBUTES } from '../../contracts';
import { normalizePricesRequest } from '../runs/normalize-prices-request';
import { StartPricesBody } from '../runs/prices-request-schema';
import { pricesRunSummary } from '../../workflows/prices-summary';
import type { ingestPrices } from '../../workflows/ingest-prices';
import { ScheduleRequestError } from './errors';
import type { PreparedRun, ScheduleContext } from './scheduled-workflow';

/** A stored price request, checked like `POST /v1/runs/prices` checks it, as the arguments of `ingestPrices`. */
export async function preparePricesRun(
  request: unknown,
  context: ScheduleContext,
): Promise<PreparedRun<typeof ingestPrices>> {
  const [error] = Value.Errors(StartPricesBody, request);
  if (error) {
    const where = error.instancePath ? `body/action/request${error.instancePath}` : 'body/action/request';
    throw new ScheduleRequestError(where, error.message);
  }
  const input = await normalizePricesRequest(request as StartPricesBody, context.importRoots);
  const searchAttributes: SearchAttributePair[] = [
    { key: SEARCH_ATTRIBUTES.runKind, value: RUN_KINDS.prices },
    { key: SEARCH_ATTRIBUTES.source, value: input.source },
  ];
  return { args: [input], summary: pricesRunSummary(input), searchAttributes };
}
