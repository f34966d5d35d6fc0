import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { ApplicationFailure } from '@temporalio/common';
import {
  FAILURE_TYPES,
  type CompanyFactsPart,
  type CompanyLoaded,
  type CompanyTicker,
  type FactCounts,
  type FactRejectReason,
  type ObjectRef,
} from '../../contracts';
import { CompanyFactsFormatError, parseCompanyFactsJson } from '../../domain/finance/fundamentals';
import type { ParseOptions } from '../../domain/finance/fundamentals/parse-company-facts';
import { ObjectLineWriter } from '../../infra/objects/line-writer';
import { toStagedFactLine } from '../../infra/repositories/fundamentals-staged';
import type { ObjectStore } from '../../infra/s3';
import { parseCompanyTickers, tickersByCik } from '../../sources/sec';
import { factKey, storageRejectReason } from './fundamentals-checks';

export interface TransformFundamentalsBatchInput {
  parentWorkflowId: string;
  batchKey: string;
  parts: CompanyFactsPart[];
  /** The run's archived tickers file; companies get their tickers from it. */
  tickers: ObjectRef | null;
  /** sec: only these symbols are attached to their companies (the request's); file: every ticker of the CIK. */
  symbols?: string[];
}

export interface TransformFundamentalsBatchResult {
  staged: ObjectRef;
  rejected: ObjectRef | null;
  counts: FactCounts;
  companies: CompanyLoaded[];
}

/** `entry` is the position in its unit array for entries the parser skipped, else the period and accession. */
export const REJECTED_FACTS_HEADER = 'origin,taxonomy,concept,unit,entry,reason\n';

interface RejectedAt {
  taxonomy: string;
  concept: string;
  unit: string;
  entry: string;
}

/**
 * Parses each raw companyfacts document of a batch with the finance library's parser, checks every fact for
 * storage, and writes a staged object (COPY-ready facts) and a rejected object (each skipped entry with its
 * reason). Keys are fixed per run and batch, so a retry overwrites its own output.
 */
export async function transformFundamentalsBatch(
  s3: ObjectStore,
  input: TransformFundamentalsBatchInput,
  heartbeat: () => void = () => undefined,
): Promise<TransformFundamentalsBatchResult> {
  const { parentWorkflowId, batchKey } = input;
  const staged = new ObjectLineWriter(s3, `staged/fundamentals/${parentWorkflowId}/${batchKey}.csv`);
  const rejected = new ObjectLineWriter(s3, `rejected/fundamentals/${parentWorkflowId}/${batchKey}.csv`);
  await rejected.write(REJECTED_FACTS_HEADER);
  const counts: FactCounts = { factsRead: 0, factsRejected: 0, rejectedByReason: {}, factsStaged: 0 };
  const tickers = input.tickers
    ? tickersByCik(parseCompanyTickers(await readText(s3, input.tickers)))
    : new Map<number, CompanyTicker[]>();
  const only = input.symbols ? new Set(input.symbols.map((s) => s.toUpperCase())) : undefined;
  const companies = new Map<number, CompanyLoaded>();
  // Shared by every document of the batch: two files of the same company must not stage one fact twice.
  const seen = new Set<string>();

  for (const part of input.parts) {
    const lines: string[] = [];
    const reject = (reason: FactRejectReason, where: RejectedAt) => {
      counts.factsRead++;
      counts.factsRejected++;
      counts.rejectedByReason[reason] = (counts.rejectedByReason[reason] ?? 0) + 1;
      lines.push(rejectedLine(part.origin, where, reason));
    };
    const text = await readVerified(s3, part);
    const document = parseDocument(text, part, (reason, at) => reject(reason, { ...at, entry: String(at.index) }));
    if (part.cik !== undefined && part.cik !== document.cik) {
      throw ApplicationFailure.nonRetryable(
        `${part.origin} holds CIK ${document.cik}, not the requested ${part.cik}`,
        FAILURE_TYPES.invalidInput,
      );
    }
    for (const fact of document.facts) {
      const key = factKey(document.cik, fact);
      const reason = storageRejectReason(fact) ?? (seen.has(key) ? 'duplicate' : undefined);
      if (reason) {
        reject(reason, { ...fact, entry: `${fact.start ?? ''}..${fact.end} ${fact.accn}` });
        continue;
      }
      seen.add(key);
      counts.factsRead++;
      counts.factsStaged++;
      await staged.write(toStagedFactLine(document.cik, fact, part.sha256));
    }
    for (const line of lines) await rejected.write(line);
    const mapped = (tickers.get(document.cik) ?? []).filter((t) => !only || only.has(t.symbol));
    companies.set(document.cik, { cik: document.cik, entityName: document.entityName, tickers: mapped });
    heartbeat();
  }

  const stagedRef = await staged.finish();
  const rejectedRef = await rejected.finish();
  return {
    staged: stagedRef,
    rejected: counts.factsRejected ? rejectedRef : null,
    counts,
    companies: [...companies.values()].sort((a, b) => a.cik - b.cik),
  };
}

function parseDocument(text: string, part: CompanyFactsPart, onSkipped: NonNullable<ParseOptions['onSkipped']>) {
  try {
    return parseCompanyFactsJson(text, { onSkipped });
  } catch (error) {
    if (error instanceof CompanyFactsFormatError) {
      throw ApplicationFailure.nonRetryable(`${part.origin}: ${error.message}`, FAILURE_TYPES.invalidInput);
    }
    throw error;
  }
}

async function readText(s3: ObjectStore, ref: ObjectRef): Promise<string> {
  return (await readBuffer(s3, ref)).toString('utf8');
}

/** The archived bytes, checked against the sha256 their key was made from. */
async function readVerified(s3: ObjectStore, part: CompanyFactsPart): Promise<string> {
  const body = await readBuffer(s3, part);
  const sha256 = createHash('sha256').update(body).digest('hex');
  if (sha256 !== part.sha256) {
    throw ApplicationFailure.nonRetryable(
      `raw object ${part.key} has sha256 ${sha256}, expected ${part.sha256}`,
      FAILURE_TYPES.checksumMismatch,
    );
  }
  return body.toString('utf8');
}

async function readBuffer(s3: ObjectStore, ref: ObjectRef): Promise<Buffer> {
  const stream: Readable = await s3.client.getObject(s3.bucket, ref.key);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function rejectedLine(origin: string, where: RejectedAt, reason: FactRejectReason): string {
  const q = (text: string) => `"${text.replaceAll('"', '""')}"`;
  return `${[q(origin), q(where.taxonomy), q(where.concept), q(where.unit), q(where.entry), reason].join(',')}\n`;
}
