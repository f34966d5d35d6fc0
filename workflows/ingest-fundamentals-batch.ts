import { ApplicationFailure, proxyActivities, setCurrentDetails } from '@temporalio/workflow';
import {
  ACTIVITY_OPTIONS,
  FAILURE_TYPES,
  TASK_QUEUES,
  paddedCik,
  type CompanyFactsPart,
  type IngestFundamentalsBatchResult,
  type IngestFundamentalsRequest,
  type PlannedFundamentalsBatch,
} from '../contracts';
import type { createEtlActivities } from '../activities/etl';
import type { createDataActivities } from '../activities/data';

export interface IngestFundamentalsBatchInput {
  request: IngestFundamentalsRequest;
  batch: PlannedFundamentalsBatch;
  /** The parent run, recorded in the ledger and on every loaded fact. */
  parentWorkflowId: string;
  /** The parent's first execution id: one ledger per run of a request, stable across continue-as-new. */
  parentRunId: string;
  runDate: string;
}

const etl = proxyActivities<ReturnType<typeof createEtlActivities>>(ACTIVITY_OPTIONS.etl);
// One request per activity on SEC's own queue: the queue's rate limit holds across every etl replica. A
// Retry-After from SEC becomes the next retry's delay (the adapter sets it on the failure).
const sec = proxyActivities<ReturnType<typeof createEtlActivities>>(ACTIVITY_OPTIONS.collect(TASK_QUEUES.etlSec));
const data = proxyActivities<ReturnType<typeof createDataActivities>>(ACTIVITY_OPTIONS.data);

/** One batch of companies: collect their companyfacts (unless planning archived them), validate, load. */
export async function ingestFundamentalsBatch(
  input: IngestFundamentalsBatchInput,
): Promise<IngestFundamentalsBatchResult> {
  const { request, batch, runDate } = input;
  const label = describeBatch(batch);
  if (batch.unknownSymbols?.length) {
    throw ApplicationFailure.nonRetryable(
      `SEC's company_tickers.json has no CIK for ${batch.unknownSymbols.join(', ')}`,
      FAILURE_TYPES.unknownSymbol,
      { symbols: batch.unknownSymbols },
    );
  }

  const parts: CompanyFactsPart[] =
    batch.parts ??
    (await Promise.all(
      batch.ciks.map((cik) =>
        sec.collectCompanyFacts.executeWithOptions({ summary: `Collect ${paddedCik(cik)} from SEC` }, [
          { cik, runDate },
        ]),
      ),
    ));

  setCurrentDetails(`Validating ${label}`);
  const transformed = await etl.transformFundamentalsBatch.executeWithOptions({ summary: `Validate ${label}` }, [
    {
      parentWorkflowId: input.parentWorkflowId,
      batchKey: batch.batchKey,
      parts,
      tickers: batch.tickers,
      symbols: request.source === 'sec' ? request.symbols : undefined,
    },
  ]);

  const staged = transformed.counts.factsStaged;
  setCurrentDetails(`Loading ${staged} facts of ${label}`);
  const loaded = await data.loadFundamentalsBatch.executeWithOptions({ summary: `Load ${staged} facts of ${label}` }, [
    {
      workflowId: input.parentWorkflowId,
      runId: input.parentRunId,
      batchKey: batch.batchKey,
      source: request.source,
      parts,
      staged: transformed.staged,
      rejected: transformed.rejected,
      counts: transformed.counts,
      companies: transformed.companies,
    },
  ]);

  setCurrentDetails(
    `Loaded ${label}: ${loaded.factsInserted} new facts, ${loaded.factsUpdated} changed, ${loaded.factsUnchanged} unchanged; rejected ${transformed.counts.factsRejected}`,
  );
  return {
    batchKey: batch.batchKey,
    ciks: transformed.companies.map((company) => company.cik),
    ...transformed.counts,
    ...loaded,
  };
}

function describeBatch(batch: PlannedFundamentalsBatch): string {
  const n = batch.parts?.length ?? batch.ciks.length;
  const names = batch.symbols.length <= 3 ? `: ${batch.symbols.join(', ')}` : '';
  return `batch ${batch.batchKey} (${n} compan${n === 1 ? 'y' : 'ies'}${names})`;
}
