/** Vocabulary of macro series (FRED), shared by the API, the workflows and the activities. */
import type { ObjectRef } from './prices';
import type { BatchedRunTotals } from './runs';
import { TASK_QUEUES } from './task-queues';

/** The `source` of every macro observation and the `IbySource` of a macro run. */
export const MACRO_SOURCE = 'fred';

/**
 * FRED is reached over HTTP like the price providers, but it is not one: its own queue, `etl-fred`, runs one request
 * per activity under `FRED_REQUESTS_PER_SECOND` (FRED documents 120 requests a minute).
 */
export const MACRO_PROVIDERS = { fred: { taskQueue: TASK_QUEUES.etlFred } } as const;

/** A FRED series id: letters, digits and underscores (DGS10, CPIAUCSL, T10Y2Y), at most 50 characters. */
export const MACRO_SERIES_PATTERN = '^[A-Za-z0-9_]{1,50}$';

/** What `POST /v1/runs/macro` accepts (normalised: ids upper-cased, sorted, unique); also the workflow's input. */
export interface IngestMacroRequest {
  series: string[];
  /** FRED's real-time period, ISO dates: the vintages to fetch. FRED's default (today) when absent. */
  realtimeStart?: string;
  realtimeEnd?: string;
  /** Observation dates to fetch, ISO; every date when absent. */
  observationStart?: string;
  observationEnd?: string;
}

/** One series of a run: the fetch of the one request, archived under `raw/fred/macro/{runDate}/{sha256}.json`. */
export interface MacroRawPart extends ObjectRef {
  seriesId: string;
  /** The URL asked, without the API key. */
  origin: string;
}

/**
 * A series' accounting in a run: `observations` rows in FRED's answer, `missing` of them with value "." (stored as
 * null), `newRows` vintages stored for the first time, `revisions` of those new rows that give a date a value other
 * than an older vintage's, `closedVintages` older rows whose realtime_end FRED has since closed, `extendedVintages`
 * stored rows the answer shows still in force later (the same value seen through a later real-time window).
 */
export interface MacroSeriesCounts {
  seriesId: string;
  observations: number;
  missing: number;
  newRows: number;
  revisions: number;
  closedVintages: number;
  extendedVintages: number;
}

export interface IngestMacroResult extends BatchedRunTotals {
  seriesLoaded: number;
  observations: number;
  newRows: number;
  revisions: number;
  /** Per series, in the order they finished. */
  series: MacroSeriesCounts[];
}

/** One stored observation as known on a date: the vintage whose realtime range contains it. */
export interface MacroObservation {
  date: string;
  /** Null where FRED reported "." (no value). */
  value: number | null;
  realtimeStart: string;
  realtimeEnd: string;
}
