"""TA-Lib + numpy side of bench/finance-indicators.ts.

Reads the same OHLCV CSV into per-symbol float64 arrays (empty fields -> NaN), computes the TA-Lib equivalents of
DEFAULT_INDICATORS over every symbol (best of `repeats`), then the risk metrics of computeRisk that numpy expresses
directly, against the benchmark's closes (best of `repeats`), and prints one JSON line:
{"bars": n, "seconds": s, "barsPerSecond": x, "riskSeconds": s2, "riskBarsPerSecond": y}.
Usage: talib-bench.py <csv> [repeats] [benchmark-csv]
"""

import csv
import json
import sys
import time
from collections import defaultdict

import numpy as np
import talib

PERIODS_PER_YEAR = 252
ROLLING_WINDOW = 126  # computeRisk's default: half a year of periods


def load(path):
    """Per symbol: (open, high, low, close, volume) float64 arrays and the dates (datetime64[D]), by date."""
    rows = defaultdict(list)
    with open(path, newline="") as f:
        reader = csv.reader(f)
        next(reader)
        for date, o, h, l, c, v, name in reader:
            rows[name].append((date, o, h, l, c, v))
    symbols = []
    for name in sorted(rows):
        bars = sorted(rows[name])
        columns = np.array([[float(x) if x else np.nan for x in bar[1:]] for bar in bars], dtype=np.float64).T
        dates = np.array([bar[0] for bar in bars], dtype="datetime64[D]")
        symbols.append((tuple(np.ascontiguousarray(col) for col in columns), dates))
    return symbols


def load_benchmark(path):
    """The benchmark's closes and dates (Yahoo layout: Date,Open,High,Low,Close,Adj Close,Volume)."""
    with open(path, newline="") as f:
        reader = csv.reader(f)
        next(reader)
        rows = sorted((row[0], float(row[4])) for row in reader)
    return np.array([r[1] for r in rows]), np.array([r[0] for r in rows], dtype="datetime64[D]")


def compute(o, h, l, c, v):
    talib.SMA(c, 20)
    talib.EMA(c, 10)
    talib.WMA(c, 30)
    talib.RSI(c, 14)
    talib.MACD(c, 12, 26, 9)
    talib.BBANDS(c, 20, 2, 2)
    talib.TRANGE(h, l, c)
    talib.ATR(h, l, c, 14)
    talib.OBV(c, v)
    talib.STOCH(h, l, c, 14, 3, 0, 3, 0)
    talib.WILLR(h, l, c, 14)
    talib.ADX(h, l, c, 14)
    talib.PLUS_DI(h, l, c, 14)
    talib.MINUS_DI(h, l, c, 14)
    talib.ROC(c, 10)
    # Rolling volatility: sample std of simple returns over 20 bars, annualised (as the TS side).
    returns = talib.ROCP(c, 1)
    talib.STDDEV(returns, 20, 1) * np.sqrt(252 * 20 / 19)


def trailing_sums(values, window):
    """Sum of each trailing window, one per full window, from a cumulative sum: O(n) like the TS running sums."""
    cumulative = np.concatenate(([0.0], np.cumsum(values)))
    return cumulative[window:] - cumulative[:-window]


def rolling_metrics(r, b, window):
    """Rolling annualised volatility, Sharpe and beta; NaN returns (and pairs) are skipped, as in computeRisk."""
    present = ~np.isnan(r)
    x = np.where(present, r, 0.0)
    n = trailing_sums(present.astype(np.float64), window)
    s1 = trailing_sums(x, window)
    s2 = trailing_sums(x * x, window)
    mean = s1 / n
    std = np.sqrt(np.maximum(s2 - s1 * mean, 0.0) / (n - 1))
    volatility = std * np.sqrt(PERIODS_PER_YEAR)
    sharpe = mean / std * np.sqrt(PERIODS_PER_YEAR)
    pairs = present & ~np.isnan(b)
    px = np.where(pairs, r, 0.0)
    py = np.where(pairs, b, 0.0)
    pn = trailing_sums(pairs.astype(np.float64), window)
    sx = trailing_sums(px, window)
    sy = trailing_sums(py, window)
    sxy = trailing_sums(px * py, window)
    syy = trailing_sums(py * py, window)
    beta = (sxy - sx * sy / pn) / (syy - sy * sy / pn)
    return volatility, sharpe, beta


def risk_metrics(close, dates, bench_close, bench_dates, window=ROLLING_WINDOW):
    """The risk set of computeRisk that numpy states directly, vectorised; NaN returns are skipped."""
    # Join prices on date first, so each return spans the same two dates on both sides.
    _, own_at, bench_at = np.intersect1d(dates, bench_dates, assume_unique=True, return_indices=True)
    prices, bench = close[own_at], bench_close[bench_at]
    r = prices[1:] / prices[:-1] - 1
    b = bench[1:] / bench[:-1] - 1
    present = ~np.isnan(r)
    values = r[present]
    annualise = np.sqrt(PERIODS_PER_YEAR)

    total_return = np.prod(1 + values) - 1
    cagr = (1 + total_return) ** (PERIODS_PER_YEAR / len(r)) - 1
    mean = values.mean()
    std = values.std(ddof=1)
    volatility = std * annualise
    sharpe = mean / std * annualise
    downside = np.sqrt(np.mean(np.minimum(values, 0.0) ** 2)) * annualise
    sortino = mean * PERIODS_PER_YEAR / downside

    wealth = np.cumprod(np.where(present, 1 + r, 1.0))
    max_drawdown = np.min(wealth / np.maximum.accumulate(np.maximum(wealth, 1.0)) - 1)

    pairs = present & ~np.isnan(b)
    x, y = r[pairs], b[pairs]
    dx, dy = x - x.mean(), y - y.mean()
    beta = (dx @ dy) / (dy @ dy)
    alpha = (1 + np.mean(x - beta * y)) ** PERIODS_PER_YEAR - 1
    correlation = (dx @ dy) / np.sqrt((dx @ dx) * (dy @ dy))

    ordered = np.sort(values)
    var95 = np.percentile(ordered, 5)
    cvar95 = ordered[: int((len(ordered) - 1) * 0.05) + 1].mean()
    deviations = values - mean
    m2 = np.mean(deviations**2)
    skew = np.mean(deviations**3) / m2**1.5
    kurtosis = np.mean(deviations**4) / m2**2 - 3

    rolling = rolling_metrics(r, b, window)
    return (total_return, cagr, volatility, sharpe, downside, sortino, max_drawdown, beta, alpha, correlation,
            var95, cvar95, skew, kurtosis, rolling)


def best_of(repeats, work):
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main():
    path = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    benchmark = load_benchmark(sys.argv[3]) if len(sys.argv) > 3 else None
    symbols = load(path)
    bars = sum(len(columns[3]) for columns, _ in symbols)

    def indicators():
        for columns, _ in symbols:
            compute(*columns)

    seconds = best_of(repeats, indicators)
    result = {"bars": bars, "seconds": seconds, "barsPerSecond": bars / seconds}
    if benchmark is not None:
        bench_close, bench_dates = benchmark

        def risk():
            for columns, dates in symbols:
                if len(columns[3]) > 2:
                    risk_metrics(columns[3], dates, bench_close, bench_dates)

        risk()  # numpy's first calls pay for imports and caches; the TS side warms up too.
        risk_seconds = best_of(repeats, risk)
        result.update({"riskSeconds": risk_seconds, "riskBarsPerSecond": bars / risk_seconds})
    print(json.dumps(result))


if __name__ == "__main__":
    main()
