/**
 * One symbol's tearsheet: a self-contained HTML page (inline CSS and SVG, no scripts, no network) that reads in a
 * browser and prints. Pure: the same input gives the same bytes.
 */
import { CHART_TITLES, type ChartName } from '../charts/chart-series';
import { fundamentalsSection } from './fundamentals-section';
import { escapeHtml, fmtInteger, fmtNumber, fmtPercent, signClass, text } from './format';
import { metricsSection } from './metrics-section';
import { priceFieldLabel } from './price-field';
import { qualitySection } from './quality-section';
import { field } from './read-field';
import { TEARSHEET_CSS } from './tearsheet-css';
import type { TearsheetInput } from './tearsheet-input';
import { trendSection } from './trend-section';

export type { AnalysisDocumentView, TearsheetInput } from './tearsheet-input';

const KPIS: Array<{ label: string; key: string; format: (v: unknown) => string; signed: boolean }> = [
  { label: 'Total return', key: 'total_return', format: (v) => fmtPercent(v, 0), signed: true },
  { label: 'CAGR', key: 'cagr', format: (v) => fmtPercent(v, 1), signed: true },
  { label: 'Volatility', key: 'annual_volatility', format: (v) => fmtPercent(v, 1), signed: false },
  { label: 'Sharpe', key: 'sharpe', format: (v) => fmtNumber(v, 2), signed: true },
  { label: 'Max drawdown', key: 'max_drawdown', format: (v) => fmtPercent(v, 1), signed: true },
  { label: 'Beta', key: 'beta', format: (v) => fmtNumber(v, 2), signed: false },
];

function kpis(risk: object, benchmark: TearsheetInput['benchmark']): string {
  return (
    '<section class="kpis">' +
    KPIS.map((k) => {
      const value = field(risk, k.key);
      const bench =
        benchmark && k.key !== 'beta'
          ? `<div class="bench">${escapeHtml(benchmark.symbol)} ${escapeHtml(k.format(field(benchmark.risk, k.key)))}</div>`
          : benchmark && k.key === 'beta'
            ? `<div class="bench">vs ${escapeHtml(benchmark.symbol)}</div>`
            : '';
      return (
        `<div class="kpi"><div class="label">${k.label}</div>` +
        `<div class="value ${k.signed ? signClass(value) : ''}">${escapeHtml(k.format(value))}</div>${bench}</div>`
      );
    }).join('') +
    '</section>'
  );
}

function header(input: TearsheetInput): string {
  const { analysis, lastClose, benchmark } = input;
  const label = text(field(analysis.trend, 'label')) ?? 'unknown';
  const from = analysis.from ?? input.quality.from;
  const to = analysis.to ?? input.quality.to;
  const facts = [
    `${fmtInteger(analysis.bars ?? input.quality.bars)} bars${from && to ? `, ${from} – ${to}` : ''}`,
    benchmark ? `benchmark ${benchmark.symbol}` : 'no benchmark',
    ...(analysis.asOf ? [`as of ${analysis.asOf}`] : []),
  ];
  return (
    '<header class="top"><div>' +
    `<h1>${escapeHtml(analysis.symbol)}<span class="badge ${escapeHtml(label)}" title="trend">${escapeHtml(label)}</span></h1>` +
    `<div class="sub">${escapeHtml(facts.join(' · '))}</div></div>` +
    `<div class="price"><div class="close">${escapeHtml(fmtNumber(lastClose.close, 2))}</div>` +
    `<div class="sub">last close, ${escapeHtml(lastClose.date)}</div></div></header>`
  );
}

/** An SVG document without an XML prolog, ready to sit inside HTML. */
const inlineSvg = (svg: string): string => svg.replace(/^\s*<\?xml[^>]*\?>\s*/, '');

function chart(name: ChartName, charts: TearsheetInput['charts']): string {
  const svg = charts[name];
  if (svg === undefined) {
    return `<figure class="chart missing" data-chart="${name}">${escapeHtml(CHART_TITLES[name])}: not rendered.</figure>`;
  }
  return `<figure class="chart" data-chart="${name}" aria-label="${escapeHtml(CHART_TITLES[name])}">${inlineSvg(svg)}</figure>`;
}

export function renderTearsheet(input: TearsheetInput): string {
  const { analysis, charts } = input;
  const benchmark = input.benchmark ?? null;
  const chartsIn = (names: ChartName[]): string => names.map((n) => chart(n, charts)).join('');
  const priceField = analysis.riskPriceField ?? text(field(analysis.risk, 'price_field'));
  const footer = [
    `InvestByYourself tearsheet. Returns and risk from the daily ${priceFieldLabel(priceField)}` +
      '; charts from closes. Past performance says nothing certain about the future.',
    ...(input.generatedAt ? [`Generated ${input.generatedAt}.`] : []),
  ];
  // The price and its comparison first, what an investor looks at; the rest below the numbers.
  const layout: ChartName[][] = [
    ['price', 'relative'],
    ['momentum', 'drawdown', 'monthly-returns'],
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<title>${escapeHtml(analysis.symbol)} tearsheet${analysis.to ? ` · ${escapeHtml(analysis.to)}` : ''}</title>`,
    `<style>${TEARSHEET_CSS}</style></head><body><main>`,
    header(input),
    kpis(analysis.risk, benchmark),
    `<section class="charts">${chartsIn(layout[0])}</section>`,
    '<div class="columns">',
    metricsSection(analysis.symbol, analysis.risk, benchmark),
    `<div>${trendSection(analysis.trend)}${qualitySection(input.quality, priceField)}</div>`,
    '</div>',
    `<section class="charts">${chartsIn(layout[1])}</section>`,
    fundamentalsSection(input.fundamentals, input.fundamentalsMissing),
    `<footer>${footer.map(escapeHtml).join(' ')}</footer>`,
    '</main></body></html>',
    '',
  ].join('\n');
}
