import type { Pool } from 'pg';
import type { MacroObservation } from '../../contracts';

export interface MacroSeriesRow {
  seriesId: string;
  units: string | null;
}

export async function readMacroSeries(db: Pick<Pool, 'query'>, seriesId: string): Promise<MacroSeriesRow | null> {
  const { rows } = await db.query<MacroSeriesRow>(
    'SELECT series_id AS "seriesId", units FROM macro_series WHERE series_id = $1',
    [seriesId],
  );
  return rows[0] ?? null;
}

/**
 * Every stored vintage in force on `asOf` for dates in [from, to]: several per date where vintages overlap, so the
 * caller picks with `observationsAsOf` (domain/macro), the one rule of what was known when.
 */
export async function readVintagesInForce(
  db: Pick<Pool, 'query'>,
  seriesId: string,
  asOf: string,
  range: { from?: string; to?: string } = {},
): Promise<MacroObservation[]> {
  const { rows } = await db.query<{ date: string; value: string | null; realtimeStart: string; realtimeEnd: string }>(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, value::text AS value,
            to_char(realtime_start, 'YYYY-MM-DD') AS "realtimeStart", to_char(realtime_end, 'YYYY-MM-DD') AS "realtimeEnd"
       FROM macro_observations
      WHERE series_id = $1 AND realtime_start <= $2::date AND realtime_end >= $2::date
        AND ($3::date IS NULL OR date >= $3::date) AND ($4::date IS NULL OR date <= $4::date)
      ORDER BY date, realtime_start`,
    [seriesId, asOf, range.from ?? null, range.to ?? null],
  );
  return rows.map((row) => ({ ...row, value: row.value === null ? null : Number(row.value) }));
}
