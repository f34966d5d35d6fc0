import type { FastifyInstance } from 'fastify';
import {
  objectStoreRenderer,
  renderStoredAnalysis,
  singleFlight,
  type ArtifactReaderDeps,
} from '../../../application/report';
import { readLatestArtifactKeys } from '../../../infra/repositories/analysis-artifacts';
import { ANALYSIS_RUN_METADATA } from '../../../application/report/artifact-keys';
import { objectMetadata, openObject } from '../../../infra/objects/text-objects';

// Keyed by the app's HTTP server: the chart and report routes live in different plugin contexts of one app.
const readers = new WeakMap<object, ArtifactReaderDeps>();

/**
 * How the chart and tearsheet routes read artifacts: keys from Postgres, bytes from S3, and a render on first request
 * for an analysis whose artifacts are not in S3 — one render per analysis at a time for the whole app.
 */
export function artifactReader(fastify: FastifyInstance): ArtifactReaderDeps {
  let reader = readers.get(fastify.server);
  if (!reader) {
    reader = {
      latestKeys: (symbol, asOf) => readLatestArtifactKeys(fastify.db, symbol, asOf),
      open: async (key) => {
        const body = await openObject(fastify.s3, key);
        return body && { body, analysisRunId: objectMetadata(body, ANALYSIS_RUN_METADATA) };
      },
      renderMissing: singleFlight(
        (symbol: string, asOf: string) => `${symbol}|${asOf}`,
        (symbol: string, asOf: string) =>
          renderStoredAnalysis(
            { db: fastify.db, render: objectStoreRenderer({ db: fastify.db, s3: fastify.s3 }) },
            symbol,
            asOf,
          ),
      ),
    };
    readers.set(fastify.server, reader);
  }
  return reader;
}
