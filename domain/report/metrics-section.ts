/** Key risk and performance metrics of the symbol beside the benchmark's own. */
import { DASH, escapeHtml, fmtInteger, fmtNumber, fmtPercent, signClass, text } from './format';
import { field } from './read-field';

interface MetricRow {
  label: string;
  key: string;
  format: (value: unknown) => string;
  /** Signed metrics are coloured: a gain green, a loss red. */
  signed?: boolean;
  /** Relative to the benchmark, so the benchmark's own column has nothing to show. */
  relative?: boolean;
  hint?: string;
}

const pct = (v: unknown): string => fmtPercent(v, 1);
const ratio = (v: unknown): string => fmtNumber(v, 2);

const ROWS: MetricRow[] = [
  { label: 'Total return', key: 'total_return', format: pct, signed: true },
  { label: 'CAGR', key: 'cagr', format: pct, signed: true },
  { label: 'Annual volatility', key: 'annual_volatility', format: pct },
  { label: 'Sharpe ratio', key: 'sharpe', format: ratio, signed: true, hint: 'risk-free rate 0' },
  { label: 'Sortino ratio', key: 'sortino', format: ratio, signed: true },
  { label: 'Calmar ratio', key: 'calmar', format: ratio, signed: true },
  { label: 'Max drawdown', key: 'max_drawdown', format: pct, signed: true },
  { label: 'Max drawdown length', key: 'max_drawdown_duration_days', format: (v) => `${fmtInteger(v)} days` },
  { label: 'Daily VaR 95%', key: 'var_95', format: pct, signed: true },
  { label: 'Daily CVaR 95%', key: 'cvar_95', format: pct, signed: true },
  { label: 'Win rate', key: 'win_rate', format: pct },
  { label: 'Skew', key: 'skew', format: ratio },
  { label: 'Excess kurtosis', key: 'kurtosis', format: ratio },
  { label: 'Stability (R² of log wealth)', key: 'stability', format: ratio },
  { label: 'Beta', key: 'beta', format: ratio, relative: true },
  { label: 'Alpha (annual)', key: 'alpha', format: pct, signed: true, relative: true },
  { label: 'Correlation', key: 'correlation', format: ratio, relative: true },
  { label: 'R²', key: 'r_squared', format: ratio, relative: true },
  { label: 'Information ratio', key: 'information_ratio', format: ratio, signed: true, relative: true },
  { label: 'Tracking error', key: 'tracking_error', format: pct, relative: true },
];

function cell(row: MetricRow, risk: object | null): string {
  if (risk === null) return `<td class="num muted">${DASH}</td>`;
  const value = field(risk, row.key);
  const cls = ['num', row.signed ? signClass(value) : ''].filter(Boolean).join(' ');
  return `<td class="${cls}">${escapeHtml(row.format(value))}</td>`;
}

/** `2020-02-19 → 2020-03-23, recovered 2020-08-18` under the max drawdown. */
function drawdownDates(risk: object | null): string {
  const peak = text(field(risk, 'max_drawdown_peak'));
  const trough = text(field(risk, 'max_drawdown_trough'));
  if (peak === null || trough === null) return '';
  const recovery = text(field(risk, 'max_drawdown_recovery'));
  return `${peak} → ${trough}, ${recovery === null ? 'not recovered' : `recovered ${recovery}`}`;
}

function periodCell(risk: object | null, key: string): string {
  const p = field(risk, key);
  if (p === null || typeof p !== 'object') return `<td class="num muted">${DASH}</td>`;
  const value = field(p, 'return');
  const period = text(field(p, 'period')) ?? '';
  return `<td class="num ${signClass(value)}">${escapeHtml(fmtPercent(value, 1))} <span class="muted">${escapeHtml(period)}</span></td>`;
}

const PERIOD_ROWS: Array<[string, string]> = [
  ['Best month', 'best_month'],
  ['Worst month', 'worst_month'],
  ['Best year', 'best_year'],
  ['Worst year', 'worst_year'],
];

export function metricsSection(
  symbol: string,
  risk: object,
  benchmark: { symbol: string; risk: object } | null,
): string {
  const benchRisk = benchmark?.risk ?? null;
  const rows: string[] = [];
  for (const row of ROWS) {
    if (row.relative && benchmark === null) continue;
    const hint = row.hint ? ` <span class="muted">(${escapeHtml(row.hint)})</span>` : '';
    const benchCell = row.relative ? `<td class="num muted">${DASH}</td>` : cell(row, benchRisk);
    rows.push(
      `<tr><th scope="row">${escapeHtml(row.label)}${hint}</th>${cell(row, risk)}${benchmark ? benchCell : ''}</tr>`,
    );
    if (row.key === 'max_drawdown') {
      const own = drawdownDates(risk);
      const other = drawdownDates(benchRisk);
      rows.push(
        `<tr class="sub"><th scope="row">Peak → trough</th><td>${escapeHtml(own || DASH)}</td>` +
          `${benchmark ? `<td>${escapeHtml(other || DASH)}</td>` : ''}</tr>`,
      );
    }
  }
  for (const [label, key] of PERIOD_ROWS) {
    rows.push(
      `<tr><th scope="row">${label}</th>${periodCell(risk, key)}${benchmark ? periodCell(benchRisk, key) : ''}</tr>`,
    );
  }
  const head = `<tr><th scope="col">Metric</th><th scope="col" class="num">${escapeHtml(symbol)}</th>${
    benchmark ? `<th scope="col" class="num">${escapeHtml(benchmark.symbol)}</th>` : ''
  }</tr>`;
  const from = text(field(risk, 'from'));
  const to = text(field(risk, 'to'));
  const caption = `Risk and performance${from && to ? `, ${from} – ${to}` : ''}${benchmark ? '' : ' (no benchmark)'}`;
  return (
    `<section class="metrics"><h2>${escapeHtml(caption)}</h2>` +
    `<table class="data" id="metrics"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></section>`
  );
}
