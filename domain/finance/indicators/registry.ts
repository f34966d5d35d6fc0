import { adx } from './adx';
import { bollinger } from './bollinger';
import { ema } from './ema';
import { macd } from './macd';
import { obv } from './obv';
import { roc } from './roc';
import { rsi } from './rsi';
import { sma } from './sma';
import { stochastic } from './stochastic';
import { atr, trueRange } from './true-range';
import type { IndicatorOutput } from './valid-bars';
import { volatility } from './volatility';
import { williamsR } from './williams-r';
import { wma } from './wma';

/**
 * Indicators by name, for the API and the CLI: the function name and its parameters joined by `_` (`sma_20`,
 * `macd_12_26_9`, `bbands_10_1.5`). Multi-part indicators return one array per part.
 */
export interface OhlcvArrays {
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
}

export interface IndicatorOptions {
  /** Bars per year for annualised indicators (volatility); 252 by default. */
  periodsPerYear?: number;
}

interface IndicatorSpec {
  params: string[];
  compute: (p: number[], bars: OhlcvArrays, opts: IndicatorOptions) => IndicatorOutput;
}

const SPECS: Record<string, IndicatorSpec> = {
  sma: { params: ['period'], compute: ([n], b) => sma(b.close, n) },
  ema: { params: ['period'], compute: ([n], b) => ema(b.close, n) },
  wma: { params: ['period'], compute: ([n], b) => wma(b.close, n) },
  rsi: { params: ['period'], compute: ([n], b) => rsi(b.close, n) },
  macd: { params: ['fast', 'slow', 'signal'], compute: ([f, s, g], b) => macd(b.close, f, s, g) },
  bbands: { params: ['period', 'stddevs'], compute: ([n, k], b) => bollinger(b.close, n, k) },
  tr: { params: [], compute: (_, b) => trueRange(b.high, b.low, b.close) },
  atr: { params: ['period'], compute: ([n], b) => atr(b.high, b.low, b.close, n) },
  obv: { params: [], compute: (_, b) => obv(b.close, b.volume) },
  stoch: { params: ['k', 'slowing', 'd'], compute: ([k, s, d], b) => stochastic(b.high, b.low, b.close, k, s, d) },
  willr: { params: ['period'], compute: ([n], b) => williamsR(b.high, b.low, b.close, n) },
  adx: { params: ['period'], compute: ([n], b) => adx(b.high, b.low, b.close, n) },
  roc: { params: ['period'], compute: ([n], b) => roc(b.close, n) },
  volatility: {
    params: ['period'],
    compute: ([n], b, opts) => volatility(b.close, n, { periodsPerYear: opts.periodsPerYear }),
  },
};

export const DEFAULT_INDICATORS: string[] = [
  'sma_20',
  'ema_10',
  'wma_30',
  'rsi_14',
  'macd_12_26_9',
  'bbands_20_2',
  'tr',
  'atr_14',
  'obv',
  'stoch_14_3_3',
  'willr_14',
  'adx_14',
  'roc_10',
  'volatility_20',
];

const KNOWN = Object.entries(SPECS)
  .map(([fn, spec]) => [fn, ...spec.params.map((p) => `<${p}>`)].join('_'))
  .join(', ');

/** Splits `macd_12_26_9` into { fn: 'macd', params: [12, 26, 9] }; throws naming the bad name and the known forms. */
export function parseIndicatorName(name: string): { fn: string; params: number[] } {
  const [fn, ...parts] = name.split('_');
  const spec = Object.hasOwn(SPECS, fn) ? SPECS[fn] : undefined;
  const params = parts.map((part) => (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(part) ? Number(part) : NaN));
  if (!spec || params.length !== spec.params.length || params.some(Number.isNaN)) {
    throw new Error(`Unknown indicator '${name}'; known indicators: ${KNOWN}`);
  }
  return { fn, params };
}

/** Parsed names, so that computing the same indicators over many symbols parses each name once. */
const parsedNames = new Map<string, { fn: string; params: number[] }>();
const MAX_CACHED_NAMES = 256;

function parseCached(name: string): { fn: string; params: number[] } {
  let parsed = parsedNames.get(name);
  if (!parsed) {
    parsed = parseIndicatorName(name);
    if (parsedNames.size >= MAX_CACHED_NAMES) parsedNames.clear();
    parsedNames.set(name, parsed);
  }
  return parsed;
}

/**
 * Computes one named indicator over OHLCV arrays: a Float64Array, or one per part (`macd`/`signal`/`hist`,
 * `upper`/`middle`/`lower`, `k`/`d`, `adx`/`plus_di`/`minus_di`). NaN marks warm-up and missing inputs.
 * Bad parameters (e.g. `sma_0`, `sma_2.5`) throw a RangeError.
 */
export function computeIndicator(name: string, bars: OhlcvArrays, opts: IndicatorOptions = {}): IndicatorOutput {
  const { fn, params } = parseCached(name);
  return SPECS[fn].compute(params, bars, opts);
}
