import { Type } from 'typebox';
import { MACRO_SERIES_PATTERN } from '../../contracts';
import { IsoDate } from '../schemas/common';

export const MacroSeriesId = Type.String({ pattern: MACRO_SERIES_PATTERN, examples: ['DGS10', 'CPIAUCSL'] });

/** The body of `POST /v1/runs/macro`. */
export const StartMacroBody = Type.Object(
  {
    series: Type.Array(MacroSeriesId, { minItems: 1, maxItems: 500, description: 'FRED series ids' }),
    realtimeStart: Type.Optional({
      ...IsoDate,
      description: "First day of the real-time period (FRED's realtime_start): the vintages known from then on",
    }),
    realtimeEnd: Type.Optional({ ...IsoDate, description: "Last day of the real-time period (FRED's realtime_end)" }),
    observationStart: Type.Optional({ ...IsoDate, description: 'First observation date to fetch' }),
    observationEnd: Type.Optional({ ...IsoDate, description: 'Last observation date to fetch' }),
  },
  { additionalProperties: false },
);
