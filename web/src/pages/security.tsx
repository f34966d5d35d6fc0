/**
 * One symbol: the five charts drawn in the browser from its bars with the shared option builders, range presets
 * and zoom; the analysis, fundamentals and tearsheet where the server has those routes.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { buildChartSeries } from '../../../domain/charts/build-series';
import { CHART_TITLES, type ChartName } from '../../../domain/charts/chart-series';
import { api, ApiError } from '../api';
import { Chart, loadEcharts, RANGES, type RangeLabel } from '../components/chart';
import { ErrorBox, Loading, num, Section } from '../components/ui';
import type { AnalysisDocument, PriceBar } from '../types';
import { useData } from '../use-data';

const BENCHMARK = '^GSPC';
const CHARTS: ChartName[] = ['price', 'momentum', 'drawdown', 'relative', 'monthly-returns'];
const enc = encodeURIComponent;

interface PriceSeries {
  symbol: string;
  bars: PriceBar[];
}

async function benchmarkBars(symbol: string): Promise<PriceBar[] | null> {
  if (symbol === BENCHMARK) return null;
  try {
    return (await api<PriceSeries>(`/v1/securities/${enc(BENCHMARK)}/prices`)).bars;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null; // no benchmark loaded: the symbol alone
    throw error;
  }
}

function Analysis({ symbol }: { symbol: string }) {
  const doc = useData(() => api<AnalysisDocument>(`/v1/securities/${enc(symbol)}/analysis`), [symbol]);
  if (doc.error instanceof ApiError && doc.error.status === 404 && !doc.error.notAvailable)
    return <p class="muted">No analysis for {symbol} yet: run an analysis (or the pipeline) first.</p>;
  if (doc.error) return <ErrorBox error={doc.error} what="The analysis" />;
  if (!doc.data) return <Loading what="the analysis" />;
  const d = doc.data;
  const trend = typeof d.trend === 'string' ? d.trend : d.trend?.label;
  const risk = Object.entries(d.risk ?? {});
  return (
    <>
      <p>
        As of {d.asOf ?? d.to ?? '—'} · {d.bars ?? '—'} bars{trend ? ` · trend: ${trend}` : ''}
        {d.benchmark ? ` · benchmark ${d.benchmark}` : ''}
      </p>
      {risk.length > 0 && (
        <div class="table-wrap">
          <table>
            <caption class="sr-only">Risk and performance metrics</caption>
            <thead>
              <tr>
                <th scope="col">Metric</th>
                <th scope="col">{symbol}</th>
                {d.benchmarkRisk && <th scope="col">{d.benchmark ?? 'Benchmark'}</th>}
              </tr>
            </thead>
            <tbody>
              {risk.map(([key, value]) => (
                <tr key={key}>
                  <th scope="row">{key.replace(/_/g, ' ')}</th>
                  <td class="num">{typeof value === 'number' ? num(value, 4) : (value ?? '—')}</td>
                  {d.benchmarkRisk && (
                    <td class="num">{typeof d.benchmarkRisk[key] === 'number' ? num(d.benchmarkRisk[key], 4) : '—'}</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {d.inputs?.flags && (
        <p>
          Data quality:{' '}
          {Object.entries(d.inputs.flags)
            .map(([flag, count]) => `${flag} ${count}`)
            .join(', ') || 'no flags'}
        </p>
      )}
    </>
  );
}

type Fact = { value?: number | null; filed?: string; accn?: string; form?: string } | number | null;

function Fundamentals({ symbol }: { symbol: string }) {
  const [asOf, setAsOf] = useState(() => new Date().toISOString().slice(0, 10));
  const doc = useData(
    () => api<Record<string, unknown>>(`/v1/securities/${enc(symbol)}/fundamentals?asOf=${asOf}`),
    [symbol, asOf],
  );
  const rows = Object.entries(doc.data ?? {}).flatMap(([group, value]) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.entries(value as Record<string, Fact>).map(([k, v]) => [`${group}.${k}`, v] as const)
      : [],
  );
  return (
    <>
      <label>
        As of{' '}
        <input type="date" value={asOf} onChange={(e) => e.currentTarget.value && setAsOf(e.currentTarget.value)} />
      </label>
      {doc.error instanceof ApiError && doc.error.status === 404 && !doc.error.notAvailable ? (
        <p class="muted">
          No fundamentals for {symbol} as of {asOf}.
        </p>
      ) : doc.error ? (
        <ErrorBox error={doc.error} what="Fundamentals" />
      ) : !doc.data ? (
        <Loading what="fundamentals" />
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="sr-only">Fundamentals as of {asOf}</caption>
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Value</th>
                <th scope="col">Filing</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([key, fact]) => (
                <tr key={key}>
                  <th scope="row">{key}</th>
                  <td class="num">{typeof fact === 'number' ? num(fact, 2) : num(fact?.value ?? null, 2)}</td>
                  <td>
                    {fact && typeof fact === 'object'
                      ? [fact.form, fact.accn, fact.filed].filter(Boolean).join(' · ')
                      : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function SecurityPage({ symbol }: { symbol: string }) {
  const [range, setRange] = useState<RangeLabel>('Max');
  // The charting code loads while the bars are fetched, not after.
  useEffect(() => void loadEcharts().catch(() => undefined), []);
  const prices = useData(async () => {
    const [own, bench] = await Promise.all([
      api<PriceSeries>(`/v1/securities/${enc(symbol)}/prices`),
      benchmarkBars(symbol),
    ]);
    return { bars: own.bars, bench };
  }, [symbol]);
  const series = useMemo(
    () =>
      prices.data
        ? buildChartSeries(
            symbol,
            prices.data.bars,
            prices.data.bench ? { symbol: BENCHMARK, bars: prices.data.bench } : null,
          )
        : null,
    [prices.data, symbol],
  );
  const last = prices.data?.bars[prices.data.bars.length - 1];
  const flagged = prices.data?.bars.filter((b) => b.flags.length).length ?? 0;
  return (
    <>
      <h1>{symbol}</h1>
      {last && (
        <p>
          Last close <strong>{num(last.close)}</strong> on {last.date} · {prices.data!.bars.length} bars · {flagged}{' '}
          flagged · <a href={`/v1/securities/${enc(symbol)}/report`}>Tearsheet</a>
        </p>
      )}
      {prices.error ? (
        prices.error instanceof ApiError && prices.error.status === 404 ? (
          <p class="error" role="alert">
            No security {symbol}: {prices.error.message}
          </p>
        ) : (
          <ErrorBox error={prices.error} what="Prices" />
        )
      ) : !series ? (
        <Loading what="prices" />
      ) : series.dates.length === 0 ? (
        <p class="muted">No bars for {symbol}.</p>
      ) : (
        <>
          <div class="presets" role="group" aria-label="Range">
            {RANGES.map(([label]) => (
              <button key={label} type="button" aria-pressed={range === label} onClick={() => setRange(label)}>
                {label}
              </button>
            ))}
          </div>
          {CHARTS.map((name) => (
            <Section key={name} title={CHART_TITLES[name]}>
              <Chart name={name} series={series} range={range} label={`${symbol}: ${CHART_TITLES[name]}`} />
            </Section>
          ))}
        </>
      )}
      <Section title="Analysis">
        <Analysis symbol={symbol} />
      </Section>
      <Section title="Fundamentals">
        <Fundamentals symbol={symbol} />
      </Section>
    </>
  );
}
