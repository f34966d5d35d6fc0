/** US exchanges keep New York time: a bar is "in the future" only after the session's calendar day there. */
const EXCHANGE_TIME_ZONE = 'America/New_York';

const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: EXCHANGE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The ISO calendar date at `now` on the exchange's clock. */
export function exchangeDate(now: Date): string {
  const parts = Object.fromEntries(formatter.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}
