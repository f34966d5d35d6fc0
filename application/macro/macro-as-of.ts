import type { Pool } from 'pg';
import type { MacroObservation } from '../../contracts';
import { observationsAsOf } from '../../domain/macro';
import { readMacroSeries, readVintagesInForce } from '../../infra/repositories/macro-read';

export interface MacroSeriesAsOf {
  seriesId: string;
  units: string | null;
  asOf: string;
  observations: MacroObservation[];
}

/**
 * A stored series as it was known on `asOf` (the vintage in force for each date), over [from, to]; null when the
 * series was never loaded.
 */
export async function macroSeriesAsOf(
  db: Pick<Pool, 'query'>,
  seriesId: string,
  asOf: string,
  range: { from?: string; to?: string } = {},
): Promise<MacroSeriesAsOf | null> {
  const series = await readMacroSeries(db, seriesId);
  if (!series) return null;
  const vintages = await readVintagesInForce(db, seriesId, asOf, range);
  return { seriesId, units: series.units, asOf, observations: observationsAsOf(vintages, asOf) };
}
