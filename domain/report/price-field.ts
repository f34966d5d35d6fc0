/** How the report names the prices its returns were measured on (an analysis document's `riskPriceField`). */
const LABELS = new Map<string, string>(
  Object.entries({
    total_return: 'total-return close (recorded splits and dividends)',
    adj_close: 'adjusted close (dividends and splits)',
    split_adjusted: 'split-adjusted close (recorded splits)',
  }),
);

/** `close` and a field the report does not know read as plain closes. */
export const priceFieldLabel = (field: string | null | undefined): string => LABELS.get(field ?? '') ?? 'close';
