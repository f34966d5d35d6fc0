/**
 * One chart from the shared option builders (domain/charts/options, the modules the server renders SVG from),
 * made interactive here: tooltips, zoom on the time axis, and range presets.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChartName, ChartSeries } from '../../../domain/charts/chart-series';
import { chartSpec, type EChartsOption } from '../../../domain/charts/options';

export const RANGES = [
  ['1M', 1],
  ['6M', 6],
  ['1Y', 12],
  ['5Y', 60],
  ['Max', 0],
] as const;
export type RangeLabel = (typeof RANGES)[number][0];

/** The first date inside a preset range ending at the last date; `Max` is the first date. */
export function rangeStart(dates: readonly string[], label: RangeLabel): number {
  const months = RANGES.find(([l]) => l === label)?.[1] ?? 0;
  if (!months || dates.length === 0) return 0;
  const end = new Date(`${dates[dates.length - 1]}T00:00:00Z`);
  end.setUTCMonth(end.getUTCMonth() - months);
  const from = end.toISOString().slice(0, 10);
  const index = dates.findIndex((d) => d >= from);
  return index < 0 ? 0 : index;
}

/** Charts on a date axis get tooltips and zoom (wheel/drag inside, a slider below); the heatmap stays as is. */
export function interactive(name: ChartName, option: EChartsOption, startIndex: number): EChartsOption {
  if (name === 'monthly-returns') return { ...option, tooltip: { trigger: 'item' } };
  const axes = Array.isArray(option.xAxis) ? option.xAxis.map((_, i) => i) : [0];
  return {
    ...option,
    tooltip: { trigger: 'axis', axisPointer: { type: 'cross', link: [{ xAxisIndex: 'all' }] } },
    dataZoom: [
      { type: 'inside', xAxisIndex: axes, startValue: startIndex },
      { type: 'slider', xAxisIndex: axes, startValue: startIndex, height: 18, bottom: 4 },
    ],
  };
}

let echartsChunk: Promise<typeof import('./echarts')> | undefined;

/** The ECharts chunk, fetched once; a chart page starts it while its data is still on the way. */
export const loadEcharts = (): Promise<typeof import('./echarts')> => (echartsChunk ??= import('./echarts'));

let turn: Promise<void> = Promise.resolve();

/**
 * Draws one chart per task, in the order they were asked for (the page's order: price first): five charts drawn in
 * one go would hold the main thread for their sum, and a click on a range preset would wait for all of them.
 */
export function inTurn(draw: () => void): Promise<void> {
  const next = turn.then(
    () =>
      new Promise<void>((resolve, reject) =>
        setTimeout(() => {
          try {
            draw();
            resolve();
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        }, 0),
      ),
  );
  turn = next.catch(() => undefined);
  return next;
}

interface ChartProps {
  name: ChartName;
  series: ChartSeries;
  range: RangeLabel;
  label: string;
}

/**
 * Resolves when the element comes within a screen of the viewport: a chart far down the page is drawn when it is
 * about to be seen, so the charts at the top, and clicks, do not wait for it. Without IntersectionObserver, at once.
 */
function nearViewport(el: Element): { ready: Promise<void>; cancel: () => void } {
  if (typeof IntersectionObserver === 'undefined') return { ready: Promise.resolve(), cancel: () => {} };
  let observer: IntersectionObserver | undefined;
  const ready = new Promise<void>((resolve) => {
    observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer?.disconnect();
        resolve();
      },
      { rootMargin: '100% 0px' },
    );
    observer.observe(el);
  });
  return { ready, cancel: () => observer?.disconnect() };
}

type EChartsInstance = ReturnType<(typeof import('./echarts'))['echarts']['init']>;

export function Chart({ name, series, range, label }: ChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsInstance | null>(null);
  const [error, setError] = useState<string>('');
  const spec = chartSpec(name, series);
  const zoomable = name !== 'monthly-returns';
  const height = spec.height + (zoomable ? 28 : 0);
  // The range at the time of drawing; later changes move the zoom of the chart already drawn.
  const rangeRef = useRef(range);
  rangeRef.current = range;

  useEffect(() => {
    let disposed = false;
    let dispose = () => {};
    const near = el.current ? nearViewport(el.current) : { ready: Promise.resolve(), cancel: () => {} };
    Promise.all([loadEcharts(), near.ready])
      .then(([{ echarts }]) =>
        inTurn(() => {
          if (disposed || !el.current) return;
          const instance = echarts.init(el.current, null, { renderer: 'canvas' });
          instance.setOption(interactive(name, spec.option, rangeStart(series.dates, rangeRef.current)));
          chart.current = instance;
          const observer = new ResizeObserver(() => instance.resize());
          observer.observe(el.current);
          dispose = () => {
            observer.disconnect();
            instance.dispose();
            chart.current = null;
          };
        }),
      )
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    return () => {
      disposed = true;
      near.cancel();
      dispose();
    };
    // A new series redraws the chart from the shared options.
  }, [name, series]);

  // A range preset moves the zoom of the chart as drawn: no new chart, so the click answers at once.
  useEffect(() => {
    if (!zoomable) return;
    const startValue = rangeStart(series.dates, range);
    chart.current?.dispatchAction({ type: 'dataZoom', startValue, endValue: series.dates.length - 1 });
  }, [range]);

  if (error) return <p class="error">The chart could not be drawn: {error}</p>;
  return (
    <figure class="chart">
      <div
        ref={el}
        role="img"
        aria-label={label}
        data-chart={name}
        data-points={series.dates.length}
        style={{ height: `${height}px` }}
      />
    </figure>
  );
}
