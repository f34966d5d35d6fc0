"""TA-Lib side of bench/finance-indicators.ts.

Reads the same OHLCV CSV into per-symbol float64 arrays (empty fields -> NaN), computes the TA-Lib equivalents of
DEFAULT_INDICATORS over every symbol, best of 3, and prints one JSON line:
{"bars": n, "seconds": s, "barsPerSecond": x}. Usage: talib-bench.py <csv> [repeats]
"""

import csv
import json
import sys
import time
from collections import defaultdict

import numpy as np
import talib


def load(path):
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
        symbols.append(tuple(np.ascontiguousarray(col) for col in columns))
    return symbols


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


def main():
    path = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    symbols = load(path)
    bars = sum(len(s[4]) for s in symbols)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for o, h, l, c, v in symbols:
            compute(o, h, l, c, v)
        best = min(best, time.perf_counter() - start)
    print(json.dumps({"bars": bars, "seconds": best, "barsPerSecond": bars / best}))


if __name__ == "__main__":
    main()
