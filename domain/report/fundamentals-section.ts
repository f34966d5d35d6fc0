/** Fundamentals ratios as of the date, with the filing they come from, or why there are none. */
import type { FundamentalsJson } from '../finance/fundamentals';
import { DASH, escapeHtml, fmtMoney, fmtNumber, fmtPercent } from './format';

type Format = (value: unknown) => string;
const pct: Format = (v) => fmtPercent(v, 1);
const x2: Format = (v) => fmtNumber(v, 2);

/** Groups in reading order; a ratio the document has but no group names is shown under "Other". */
const GROUPS: Array<{ title: string; ratios: Array<[string, string, Format]> }> = [
  {
    title: 'Valuation',
    ratios: [
      ['pe', 'P/E', x2],
      ['pb', 'P/B', x2],
      ['ps', 'P/S', x2],
      ['earnings_yield', 'Earnings yield', pct],
      ['fcf_yield', 'FCF yield', pct],
      ['dividend_yield', 'Dividend yield', pct],
    ],
  },
  {
    title: 'Profitability',
    ratios: [
      ['gross_margin', 'Gross margin', pct],
      ['operating_margin', 'Operating margin', pct],
      ['net_margin', 'Net margin', pct],
      ['roe', 'ROE', pct],
      ['roe_average', 'ROE (average equity)', pct],
      ['roa', 'ROA', pct],
      ['roa_average', 'ROA (average assets)', pct],
      ['roic', 'ROIC', pct],
      ['effective_tax_rate', 'Effective tax rate', pct],
      ['asset_turnover', 'Asset turnover', x2],
    ],
  },
  {
    title: 'Growth and cash',
    ratios: [
      ['revenue_growth', 'Revenue growth', pct],
      ['eps_growth', 'EPS growth', pct],
      ['revenue_cagr_3y', 'Revenue CAGR 3y', pct],
      ['eps_cagr_3y', 'EPS CAGR 3y', pct],
      ['free_cash_flow', 'Free cash flow', fmtMoney],
      ['fcf_margin', 'FCF margin', pct],
    ],
  },
  {
    title: 'Balance sheet and scores',
    ratios: [
      ['current_ratio', 'Current ratio', x2],
      ['quick_ratio', 'Quick ratio', x2],
      ['cash_ratio', 'Cash ratio', x2],
      ['debt_to_equity', 'Debt / equity', x2],
      ['debt_to_assets', 'Debt / assets', x2],
      ['liabilities_to_equity', 'Liabilities / equity', x2],
      ['interest_coverage', 'Interest coverage', x2],
      ['piotroski_f', 'Piotroski F', (v) => fmtNumber(v, 0)],
      ['altman_z', 'Altman Z', x2],
    ],
  },
];

function ratioRow(doc: FundamentalsJson, key: string, label: string, format: Format): string {
  const ratios = doc.ratios as Record<string, number | null>;
  const missing = doc.missing as Record<string, string | undefined>;
  const value = ratios[key];
  const why = value === null || value === undefined ? (missing[key] ?? 'not reported') : null;
  return (
    `<tr><th scope="row">${escapeHtml(label)}</th>` +
    (why === null
      ? `<td class="num">${escapeHtml(format(value))}</td>`
      : `<td class="num muted" title="${escapeHtml(why)}">${DASH}</td>`) +
    '</tr>'
  );
}

export function fundamentalsSection(doc: FundamentalsJson | null, missingReason: string | null | undefined): string {
  if (doc === null) {
    return (
      '<section class="fundamentals"><h2>Fundamentals</h2>' +
      `<p class="empty">No fundamentals: ${escapeHtml(missingReason ?? 'none were given')}.</p></section>`
    );
  }
  const known = new Set(GROUPS.flatMap((g) => g.ratios.map(([key]) => key)));
  const other = Object.keys(doc.ratios).filter((key) => !known.has(key));
  const groups = [
    ...GROUPS,
    ...(other.length ? [{ title: 'Other', ratios: other.map((key): [string, string, Format] => [key, key, x2]) }] : []),
  ];
  const tables = groups
    .map(
      (g) =>
        `<div class="ratio-group"><h3>${escapeHtml(g.title)}</h3><table class="data">` +
        g.ratios.map(([key, label, format]) => ratioRow(doc, key, label, format)).join('') +
        '</table></div>',
    )
    .join('');
  const f = doc.filing;
  const source =
    `${escapeHtml(doc.entityName)} (CIK ${doc.cik}) as of ${escapeHtml(doc.asOf)}: ` +
    `${escapeHtml(f.form)} FY${f.fy ?? '?'} for the period ending ${escapeHtml(f.periodEnd)}, ` +
    `filed ${escapeHtml(f.filed)}, accession ${escapeHtml(f.accn)}`;
  const missingCount = Object.keys(doc.missing).length;
  return (
    '<section class="fundamentals"><h2>Fundamentals</h2>' +
    `<p class="source">${source}</p><div class="ratio-groups">${tables}</div>` +
    (missingCount
      ? `<p class="note">${missingCount} ratio${missingCount === 1 ? '' : 's'} not available (${DASH}); hover for the reason.</p>`
      : '') +
    '</section>'
  );
}
