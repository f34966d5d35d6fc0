import { buildChartSeries } from './build-series';
import { CHART_NAMES, type ChartSeries } from './chart-series';
import { COLORS, SAMPLE_ABOVE } from './options/common';
import { renderChartSvg, renderChartSvgs } from './render-svg';
import { findAll, parseXml, pathPoints, textsOf, type XmlElement } from './testing/svg';
import { syntheticBars } from './testing/series';

const BARS = 600;
const bars = syntheticBars('2019-01-02', BARS);
const bench = syntheticBars('2019-01-02', BARS, 0.0002).filter((_, i) => i !== 10);
const series = buildChartSeries('AAPL', bars, { symbol: '^GSPC', bars: bench });
const first = bars[0].date;
const last = bars[BARS - 1].date;

const svgOf = (xml: string): XmlElement => {
  const roots = parseXml(xml);
  expect(roots.map((r) => r.name)).toEqual(['svg']);
  return roots[0];
};
const pathsStroked = (svg: XmlElement, color: string): XmlElement[] =>
  findAll([svg], (e) => e.name === 'path' && e.attributes.stroke === color && e.attributes.fill === 'none');
const pathsFilled = (svg: XmlElement, color: string): XmlElement[] =>
  findAll([svg], (e) => e.name === 'path' && e.attributes.fill === color);

describe('chart SVGs', () => {
  const charts = renderChartSvgs(series);

  it.each(CHART_NAMES)('%s is one well-formed SVG that names the symbol and the date range', (name) => {
    const svg = svgOf(charts[name]);
    expect(Number(svg.attributes.width)).toBeGreaterThan(0);
    expect(Number(svg.attributes.height)).toBeGreaterThan(0);
    const texts = textsOf([svg]);
    expect(texts.some((t) => t.startsWith('AAPL · '))).toBe(true);
    // The relative chart starts at the first date both series have, which is the first date here too.
    expect(texts).toContain(`${first} – ${last}`);
    expect(charts[name]).not.toMatch(/https?:\/\/(?!www\.w3\.org\/)/);
  });

  it('draws every close, and the moving averages from the end of their warm-up', () => {
    const svg = svgOf(charts.price);
    const [close] = pathsStroked(svg, COLORS.price);
    expect(pathPoints(close.attributes.d)).toBe(BARS);
    const [sma50] = pathsStroked(svg, COLORS.sma50);
    expect(pathPoints(sma50.attributes.d)).toBe(BARS - 49);
    const [sma200] = pathsStroked(svg, COLORS.sma200);
    expect(pathPoints(sma200.attributes.d)).toBe(BARS - 199);
    // Volume: one path of one rectangle per bar.
    const [volume] = pathsFilled(svg, COLORS.volume).filter((p) => p.attributes.d.length > 200);
    expect(volume.attributes.d.match(/Z/g)).toHaveLength(BARS);
  });

  it('labels the date axis by year over a multi-year series', () => {
    const texts = textsOf([svgOf(charts.price)]);
    expect(texts).toEqual(expect.arrayContaining(['2020', '2021']));
  });

  it('draws RSI and MACD lines and both signs of the histogram', () => {
    const svg = svgOf(charts.momentum);
    expect(pathPoints(pathsStroked(svg, COLORS.rsi)[0].attributes.d)).toBe(BARS - 14);
    // TA-Lib's MACD starts where its signal line does: bar 26 + 9 - 2.
    expect(pathPoints(pathsStroked(svg, COLORS.macd)[0].attributes.d)).toBe(BARS - 33);
    // Each sign's series draws its own bars only: one rectangle per MACD value in all.
    const drawn = [COLORS.up, COLORS.down].map((color) => {
      const bars = pathsFilled(svg, color).filter((p) => (p.attributes.d.match(/Z/g) ?? []).length > 10);
      expect(bars).toHaveLength(1);
      return bars[0].attributes.d.match(/Z/g)?.length ?? 0;
    });
    const hist = series.macdHist.filter((v) => v !== null);
    expect(drawn).toEqual([hist.filter((v) => v >= 0).length, hist.filter((v) => v < 0).length]);
    expect(textsOf([svg])).toEqual(expect.arrayContaining(['70', '30']));
  });

  it('marks the deepest drawdown with its date', () => {
    const svg = svgOf(charts.drawdown);
    expect(pathPoints(pathsStroked(svg, COLORS.down)[0].attributes.d)).toBe(BARS);
    expect(textsOf([svg]).some((t) => /^max -\d+\.\d% on \d{4}-\d{2}-\d{2}$/.test(t))).toBe(true);
  });

  it('compares with the benchmark over the dates both have', () => {
    const svg = svgOf(charts.relative);
    expect(pathPoints(pathsStroked(svg, COLORS.price)[0].attributes.d)).toBe(BARS - 1);
    expect(pathPoints(pathsStroked(svg, COLORS.benchmark)[0].attributes.d)).toBe(BARS - 1);
    expect(textsOf([svg])).toEqual(expect.arrayContaining(['AAPL', '^GSPC', 'AAPL relative to ^GSPC']));
  });

  it('has a heat-map cell with its label for every month with returns, and a total per year', () => {
    const texts = textsOf([svgOf(charts['monthly-returns'])]);
    const cells = texts.filter((t) => /^-?\d+\.\d%$/.test(t));
    const months = new Set(bars.slice(1).map((b) => b.date.slice(0, 7))).size;
    const years = new Set(bars.map((b) => b.date.slice(0, 4))).size;
    expect(cells).toHaveLength(months + years);
    expect(texts).toEqual(expect.arrayContaining(['Jan', 'Dec', 'Year', '2019', '2020', '2021']));
  });

  it('is the same bytes for the same input, with ids that differ between charts', () => {
    expect(renderChartSvg('price', series)).toBe(charts.price);
    expect(charts.price).not.toMatch(/zr\d+-/);
    const ids = (xml: string): string[] => [...xml.matchAll(/id="([^"]+)"/g)].map((m) => m[1]);
    const price = new Set(ids(charts.price));
    expect(price.size).toBeGreaterThan(0);
    for (const name of CHART_NAMES.filter((n) => n !== 'price')) {
      expect(ids(charts[name]).filter((id) => price.has(id))).toEqual([]);
    }
  });

  it('escapes symbols that are not XML-safe', () => {
    const odd: ChartSeries = { ...series, symbol: 'AT&T <B>', benchmark: { ...series.benchmark!, symbol: '^GSPC&"' } };
    for (const name of CHART_NAMES) {
      const texts = textsOf([svgOf(renderChartSvg(name, odd))]);
      expect(texts.some((t) => t.startsWith('AT&T <B> · '))).toBe(true);
    }
  });

  it('thins only lines longer than twice the plot width', () => {
    const long = buildChartSeries('LONG', syntheticBars('2000-01-03', SAMPLE_ABOVE + 500));
    const [close] = pathsStroked(svgOf(renderChartSvg('price', long)), COLORS.price);
    const points = pathPoints(close.attributes.d);
    expect(points).toBeLessThan(SAMPLE_ABOVE);
    expect(points).toBeGreaterThan(500);
  });

  it('draws a chart without a benchmark and says so', () => {
    const alone = buildChartSeries('MSFT', bars);
    const svg = svgOf(renderChartSvg('relative', alone));
    expect(textsOf([svg])).toContain('MSFT · Cumulative return (no benchmark)');
    expect(pathPoints(pathsStroked(svg, COLORS.price)[0].attributes.d)).toBe(BARS);
  });

  it('draws closes without volumes, and a series too short for MACD, with no bars where there are none', () => {
    // Closes only (the demo's monthly stocks.csv), and fewer bars than MACD's warm-up: no bar series has a bar.
    const closesOnly = syntheticBars('2019-01-02', 30).map((bar) => ({ ...bar, volume: null }));
    const charts = renderChartSvgs(buildChartSeries('CLOSE', closesOnly));
    for (const name of CHART_NAMES)
      expect(textsOf([svgOf(charts[name])]).some((t) => t.startsWith('CLOSE · '))).toBe(true);
    const price = svgOf(charts.price);
    expect(pathPoints(pathsStroked(price, COLORS.price)[0].attributes.d)).toBe(30);
    // The legend keeps its swatch; the plot has no bar.
    const plotted = (svg: XmlElement, color: string) =>
      pathsFilled(svg, color).filter((p) => p.attributes.ecmeta_ssr_type !== 'legend');
    expect(plotted(price, COLORS.volume)).toHaveLength(0);
    const momentum = svgOf(charts.momentum);
    for (const color of [COLORS.up, COLORS.down]) expect(plotted(momentum, color)).toHaveLength(0);
  });
});
