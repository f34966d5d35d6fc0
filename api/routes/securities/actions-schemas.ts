import { Type, type Static } from 'typebox';
import { CORPORATE_ACTION_KINDS, CORPORATE_ACTION_STATUSES, SUSPICION_REASONS } from '../../../contracts';
import { IsoDate } from '../../schemas/common';

const nullableNumber = Type.Union([Type.Number(), Type.Null()]);

export const CorporateActionBody = Type.Object({
  exDate: IsoDate,
  kind: Type.Enum([...CORPORATE_ACTION_KINDS], {
    description: 'split and dividend are recorded; unexplained_move and bad_bar are suspected',
  }),
  status: Type.Enum([...CORPORATE_ACTION_STATUSES]),
  ratio: Type.Union([Type.Number(), Type.Null()], {
    description: 'split: new shares per old share; suspected: the observed close-to-close ratio',
  }),
  cashAmount: nullableNumber,
  source: Type.String({ description: "The provider, or 'detector' for a suspected action" }),
  reason: Type.Union([Type.Enum([...SUSPICION_REASONS]), Type.Null()], {
    description: 'The rule that flagged a suspected action (README, "Suspected corporate actions and bad bars")',
  }),
  evidence: Type.Union([Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])), Type.Null()], {
    description: 'The closes behind a suspicion: previousDate, previousClose, close, move (and nextDate, nextClose)',
  }),
  firstSeen: Type.String({ format: 'date-time' }),
  detectedByRun: Type.Union([Type.String(), Type.Null()]),
});

export const CorporateActionsBody = Type.Object({
  symbol: Type.String(),
  actions: Type.Array(CorporateActionBody),
});
export type CorporateActionsBody = Static<typeof CorporateActionsBody>;
