/**
 * FRED's `series/observations` answer (file_type=json) as typed vintages. Pure: the data activity parses the archived
 * body with it before loading, and the etl adapter checks an answer with it before archiving, so an HTML error page
 * with a 200 is never stored as a series.
 */

/** One observation as one vintage reported it: valid from `realtimeStart` through `realtimeEnd` (inclusive). */
export interface FredObservation {
  date: string;
  realtimeStart: string;
  realtimeEnd: string;
  /** Null where FRED reports "." (no value for that date in that vintage). */
  value: number | null;
}

export interface FredObservations {
  /** FRED's `units` (the transformation asked for: `lin` unless the request said otherwise). */
  units: string | null;
  /**
   * The real-time period asked for. FRED clips every vintage to it, so a `realtime_end` before the period's end is
   * a vintage FRED has closed, while one equal to it may only be the clip.
   */
  realtimeStart: string | null;
  realtimeEnd: string | null;
  observations: FredObservation[];
  /** Observations whose value is ".". */
  missing: number;
}

/** The body is not the observations JSON FRED documents; the message says what was wrong. */
export class FredFormatError extends Error {
  constructor(message: string) {
    super(`Not a FRED observations answer: ${message}`);
    this.name = 'FredFormatError';
  }
}

/** FRED's end of an open vintage: still current when the answer was given. */
export const OPEN_REALTIME_END = '9999-12-31';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// FRED writes values as decimal strings ("1.92", "-0.05", "259.918"); "." is its missing value.
const DECIMAL = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;
export const FRED_MISSING_VALUE = '.';

export function parseFredObservations(text: string): FredObservations {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new FredFormatError(`invalid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!isRecord(json)) throw new FredFormatError('expected a JSON object');
  const rows = json.observations;
  if (!Array.isArray(rows)) throw new FredFormatError('no "observations" array');
  const { count, offset, limit } = json;
  if (typeof count === 'number' && count > (typeof offset === 'number' ? offset : 0) + rows.length) {
    // FRED pages at `limit` rows: a cut answer loaded as if whole would silently lose vintages.
    throw new FredFormatError(
      `the answer holds ${rows.length} of ${count} observations (limit ${String(limit)}): ask for a narrower observation or real-time range`,
    );
  }
  const seen = new Set<string>();
  let missing = 0;
  const observations = rows.map((row: unknown, i): FredObservation => {
    const observation = observationOf(row, i);
    const key = `${observation.date}/${observation.realtimeStart}`;
    if (seen.has(key)) {
      throw new FredFormatError(
        `observations[${i}] repeats date ${observation.date} of vintage ${observation.realtimeStart}`,
      );
    }
    seen.add(key);
    if (observation.value === null) missing++;
    return observation;
  });
  return {
    units: typeof json.units === 'string' ? json.units : null,
    realtimeStart: optionalDate(json, 'realtime_start'),
    realtimeEnd: optionalDate(json, 'realtime_end'),
    observations,
    missing,
  };
}

function observationOf(row: unknown, i: number): FredObservation {
  if (!isRecord(row)) throw new FredFormatError(`observations[${i}] is not an object`);
  const date = dateField(row, 'date', i);
  const realtimeStart = dateField(row, 'realtime_start', i);
  const realtimeEnd = dateField(row, 'realtime_end', i);
  if (realtimeEnd < realtimeStart) {
    throw new FredFormatError(
      `observations[${i}] ends its vintage (${realtimeEnd}) before it starts (${realtimeStart})`,
    );
  }
  const raw = row.value;
  if (typeof raw !== 'string') throw new FredFormatError(`observations[${i}].value is not a string`);
  if (raw === FRED_MISSING_VALUE) return { date, realtimeStart, realtimeEnd, value: null };
  if (!DECIMAL.test(raw)) throw new FredFormatError(`observations[${i}].value "${raw}" is neither a number nor "."`);
  return { date, realtimeStart, realtimeEnd, value: Number(raw) };
}

function dateField(row: Record<string, unknown>, name: string, i: number): string {
  const value = row[name];
  if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new FredFormatError(`observations[${i}].${name} is not a YYYY-MM-DD date`);
  }
  return value;
}

function optionalDate(json: Record<string, unknown>, name: string): string | null {
  const value = json[name];
  if (value === undefined) return null;
  if (typeof value !== 'string' || !ISO_DATE.test(value)) throw new FredFormatError(`${name} is not a YYYY-MM-DD date`);
  return value;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
