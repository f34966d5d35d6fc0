import { Type } from 'typebox';
import { CHART_NAMES } from '../../../domain/charts';
import { IsoDate, TickerSymbol } from '../../schemas/common';

export const ChartParams = Type.Object({
  symbol: TickerSymbol,
  name: Type.Enum([...CHART_NAMES], { description: 'Which chart' }),
});

export const ArtifactQuery = Type.Object({
  asOf: Type.Optional({
    ...IsoDate,
    description: 'The latest analysis as of this date or before; default: the latest',
  }),
});

/** A 200 whose body is a document of `mediaType`, streamed as stored. */
export const rawBody = (mediaType: string, description: string) => ({
  description,
  content: { [mediaType]: { schema: { type: 'string' } } },
});
