import { Type } from 'typebox';
import { MacroSeriesId } from '../../../application/runs/macro-request-schema';
import { IsoDate } from '../../schemas/common';

export { StartMacroBody } from '../../../application/runs/macro-request-schema';

export const MacroSeriesParams = Type.Object({ series: MacroSeriesId });

export const MacroSeriesQuery = Type.Object(
  {
    asOf: Type.Optional({
      ...IsoDate,
      description: 'The series as known on this day: the vintage in force for each date (default: today, UTC)',
    }),
    from: Type.Optional({ ...IsoDate, description: 'First observation date' }),
    to: Type.Optional({ ...IsoDate, description: 'Last observation date' }),
  },
  { additionalProperties: false },
);

export const MacroSeriesBody = Type.Object({
  seriesId: Type.String(),
  units: Type.Union([Type.String(), Type.Null()], { description: "FRED's units (lin: the series as published)" }),
  asOf: IsoDate,
  observations: Type.Array(
    Type.Object({
      date: IsoDate,
      value: Type.Union([Type.Number(), Type.Null()], { description: 'Null where FRED reported "." (no value)' }),
      realtimeStart: IsoDate,
      realtimeEnd: IsoDate,
    }),
  ),
});
