/**
 * Server-side rendering of chart options to standalone SVG with ECharts' SSR renderer (no DOM, no canvas).
 *
 * `require('echarts')` resolves to the prebuilt CommonJS bundle: one ~1 MB file read once per process (~0.1 s),
 * where the tree-shakeable `echarts/core` entry is ES modules that Jest and the CommonJS build cannot load as is.
 */
import * as echarts from 'echarts';
import { CHART_NAMES, type ChartName, type ChartSeries } from './chart-series';
import { chartSpec, type ChartSpec } from './options';

/**
 * zrender numbers its clip paths and CSS classes from process-wide counters (`zr7-c0`, `zr7-cls-21`): the same
 * chart would differ between renders, and two charts inlined in one page could share a name. Each one becomes
 * `<prefix>-<n>` in order of first appearance, so the output depends on the input only.
 */
function renameIds(svg: string, prefix: string): string {
  const names = new Map<string, string>();
  return svg.replace(/\bzr\d+-(?:cls-)?[a-z]*\d+\b/g, (id) => {
    let name = names.get(id);
    if (name === undefined) {
      name = `${prefix}-${names.size}`;
      names.set(id, name);
    }
    return name;
  });
}

/** Renders one chart; `idPrefix` must differ between charts inlined in the same HTML page. */
export function renderSpecToSvg(spec: ChartSpec, idPrefix: string): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: spec.width, height: spec.height });
  try {
    chart.setOption(spec.option);
    return renameIds(chart.renderToSVGString(), idPrefix);
  } finally {
    chart.dispose();
  }
}

/** One chart of a symbol as an SVG document. */
export function renderChartSvg(name: ChartName, series: ChartSeries): string {
  return renderSpecToSvg(chartSpec(name, series), `iby-${name}`);
}

/** The five charts of a symbol, by name. */
export function renderChartSvgs(series: ChartSeries): Record<ChartName, string> {
  const out = {} as Record<ChartName, string>;
  for (const name of CHART_NAMES) out[name] = renderChartSvg(name, series);
  return out;
}
