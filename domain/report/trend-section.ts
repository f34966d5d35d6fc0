/** The trend label with what it rests on: slope, fit, moving averages and the 52-week range. */
import { DASH, escapeHtml, fmtNumber, fmtPercent, signClass, text } from './format';
import { field } from './read-field';

function lastCross(trend: object): string {
  const cross = field(trend, 'last_cross');
  if (cross === null || typeof cross !== 'object') return DASH;
  const kind = text(field(cross, 'kind')) ?? '';
  const date = text(field(cross, 'date')) ?? '';
  return [kind.replace(/_/g, ' '), date].filter(Boolean).join(' on ') || DASH;
}

export function trendSection(trend: object): string {
  const row = (label: string, value: string, cls = ''): string =>
    `<tr><th scope="row">${escapeHtml(label)}</th><td class="num ${cls}">${escapeHtml(value)}</td></tr>`;
  const slope = field(trend, 'annualized_log_slope');
  const fromHigh = field(trend, 'from_52w_high');
  const rows = [
    row('Annualised log slope (1 y)', fmtPercent(slope, 1), signClass(slope)),
    row('R² of the fit', fmtNumber(field(trend, 'r_squared'), 2)),
    row('SMA 50', fmtNumber(field(trend, 'sma_50'), 2)),
    row('SMA 200', fmtNumber(field(trend, 'sma_200'), 2)),
    row(
      'Close vs SMA 50 / 200',
      `${text(field(trend, 'close_vs_sma_50')) ?? DASH} / ${text(field(trend, 'close_vs_sma_200')) ?? DASH}`,
    ),
    row('SMA regime', (text(field(trend, 'sma_regime')) ?? DASH).replace(/_/g, ' ')),
    row('Last SMA cross', lastCross(trend)),
    row('52-week high / low', `${fmtNumber(field(trend, 'high_52w'), 2)} / ${fmtNumber(field(trend, 'low_52w'), 2)}`),
    row('From 52-week high', fmtPercent(fromHigh, 1), signClass(fromHigh)),
  ];
  const rule = text(field(trend, 'rule'));
  return (
    `<section class="trend"><h2>Trend</h2><table class="data">${rows.join('')}</table>` +
    (rule ? `<p class="note">${escapeHtml(rule)}</p>` : '') +
    '</section>'
  );
}
