/**
 * The two ways an analysis gets its charts and tearsheet: rendered now into the object store (with the rejected rows
 * of its loads counted from the ledger), or deferred — the keys are recorded and the API renders the objects the
 * first time one is asked for (`renderStoredAnalysis`). Either way each object names the analysis run it was drawn
 * for, which is how a reader tells this analysis's pictures from an earlier one's under the same keys.
 */
import type { RenderArtifacts } from '../analysis/analyze-symbols';
import { objectLines, putTextObject } from '../../infra/objects/text-objects';
import type { Queryable } from '../../infra/repositories/analysis-bars';
import { rejectedObjectsOf } from '../../infra/repositories/rejected-batches';
import type { ObjectStore } from '../../infra/s3';
import { ANALYSIS_RUN_METADATA, artifactKeysOf } from './artifact-keys';
import { createRejectedRowsCounter } from './rejected-rows';
import { createArtifactRenderer, type RenderTiming } from './render-artifacts';

export interface ObjectStoreRendererDeps {
  db: Queryable;
  s3: ObjectStore;
  observe?: (timing: RenderTiming) => void;
}

/** Renders now and stores in S3. Keep one per batch: the rejected rows it has counted live as long as it does. */
export function objectStoreRenderer(deps: ObjectStoreRendererDeps): RenderArtifacts {
  return createArtifactRenderer({
    store: {
      put: (key, body, contentType, analysisRunId) =>
        putTextObject(deps.s3, key, body, contentType, { [ANALYSIS_RUN_METADATA]: analysisRunId }),
    },
    rejectedFor: createRejectedRowsCounter({
      rejectedObjects: (lineage) => rejectedObjectsOf(deps.db, lineage),
      readLines: (key) => objectLines(deps.s3, key),
    }),
    observe: deps.observe,
  });
}

/**
 * Renders nothing and writes nothing: records where the objects will be once the API renders them on first request.
 * What an earlier run for the same date left under those keys names that run, so it is drawn again, not served.
 */
export const deferredRenderer: RenderArtifacts = ({ document }) =>
  Promise.resolve(artifactKeysOf(document.symbol, document.asOf));
