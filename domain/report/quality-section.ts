/** What the numbers rest on: bars used, flags, rejected rows and gaps in the dates. */
import { escapeHtml, fmtInteger } from './format';
import { priceFieldLabel } from './price-field';
import type { DataQualitySummary } from './quality';

const MAX_GAPS_SHOWN = 12;

const counts = (byKey: Record<string, number>): string =>
  Object.entries(byKey)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, n]) => `${key.replace(/_/g, ' ')}: ${fmtInteger(n)}`)
    .join(', ');

export function qualitySection(q: DataQualitySummary, priceField: string | null): string {
  const flaggedTotal = Object.values(q.flagged).reduce((a, b) => a + b, 0);
  const rows: Array<[string, string]> = [
    ['Bars used', `${fmtInteger(q.bars)}${q.from && q.to ? ` (${q.from} – ${q.to})` : ''}`],
    ['Price for returns', priceFieldLabel(priceField)],
    ['Flagged bars', flaggedTotal === 0 ? 'none' : `${fmtInteger(flaggedTotal)} (${counts(q.flagged)})`],
    [
      'Rejected rows',
      q.rejected === null
        ? 'not known for this input'
        : q.rejected.total === 0
          ? 'none'
          : `${fmtInteger(q.rejected.total)}${Object.keys(q.rejected.byReason).length ? ` (${counts(q.rejected.byReason)})` : ''}`,
    ],
    ['Gaps in the dates', q.gaps.length === 0 ? 'none' : `${q.gaps.length}`],
  ];
  const table = rows.map(([k, v]) => `<tr><th scope="row">${k}</th><td>${escapeHtml(v)}</td></tr>`).join('');
  const gaps = q.gaps
    .slice(0, MAX_GAPS_SHOWN)
    .map((g) => `<li>${escapeHtml(g.from)} → ${escapeHtml(g.to)} (${g.calendarDays} days)</li>`)
    .join('');
  const more = q.gaps.length > MAX_GAPS_SHOWN ? `<li>… and ${q.gaps.length - MAX_GAPS_SHOWN} more</li>` : '';
  const notes = q.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('');
  return (
    `<section class="quality"><h2>Data quality</h2><table class="data">${table}</table>` +
    (gaps ? `<ul class="gaps">${gaps}${more}</ul>` : '') +
    (notes ? `<ul class="notes">${notes}</ul>` : '') +
    '</section>'
  );
}
