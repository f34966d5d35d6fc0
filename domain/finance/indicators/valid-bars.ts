/**
 * Missing values (NaN, e.g. an empty open/high/low in a CSV) are handled once, here, instead of in every kernel:
 * an indicator is computed over the bars whose inputs are all finite, as if the missing bars did not exist, and
 * NaN is written at the missing bars. So a missing bar yields NaN at that bar only, and the windows around it
 * reach one bar further back, instead of the NaN poisoning every later value of a recursive indicator such as
 * EMA or ATR (as it does in TA-Lib).
 *
 * Kernels therefore only ever see finite Float64Arrays; series without gaps (the common case) take the fast path
 * with no copy when they already are Float64Arrays.
 */
export type Series = ArrayLike<number>;
export type IndicatorOutput = Float64Array | Record<string, Float64Array>;

export function onValidBars<R extends IndicatorOutput>(
  inputs: readonly Series[],
  compute: (valid: Float64Array[]) => R,
): R {
  const length = inputs.length === 0 ? 0 : inputs[0].length;
  const validIndex = findValidBars(inputs, length);
  if (validIndex === null) return compute(inputs.map(asFloat64));
  const compressed = inputs.map((input) => {
    const out = new Float64Array(validIndex.length);
    for (let j = 0; j < validIndex.length; j++) out[j] = input[validIndex[j]];
    return out;
  });
  const result = compute(compressed);
  if (result instanceof Float64Array) return expand(result, validIndex, length) as R;
  const expanded: Record<string, Float64Array> = {};
  for (const [part, values] of Object.entries(result)) expanded[part] = expand(values, validIndex, length);
  return expanded as R;
}

/** Indices of the bars where every input is finite, or null when all of them are (no gaps to skip). */
function findValidBars(inputs: readonly Series[], length: number): Int32Array | null {
  if (!inputs.some((input) => hasGap(input, length))) return null;
  const index = new Int32Array(length);
  let count = 0;
  for (let i = 0; i < length; i++) {
    if (inputs.every((input) => isFiniteValue(input[i]))) index[count++] = i;
  }
  return index.subarray(0, count);
}

/**
 * The check every call pays, so it is branch-free: x*0 is 0 for finite x and NaN for NaN and +-Infinity, and
 * four independent sums keep the CPU's adders busy. (A branch per value was twice as slow.)
 */
function hasGap(input: Series, length: number): boolean {
  let z0 = 0;
  let z1 = 0;
  let z2 = 0;
  let z3 = 0;
  let i = 0;
  for (; i + 3 < length; i += 4) {
    z0 += input[i] * 0;
    z1 += input[i + 1] * 0;
    z2 += input[i + 2] * 0;
    z3 += input[i + 3] * 0;
  }
  for (; i < length; i++) z0 += input[i] * 0;
  return z0 + z1 + z2 + z3 !== 0;
}

const isFiniteValue = (x: number): boolean => x - x === 0;

function expand(values: Float64Array, validIndex: Int32Array, length: number): Float64Array {
  const out = nanArray(length);
  for (let j = 0; j < validIndex.length; j++) out[validIndex[j]] = values[j];
  return out;
}

function asFloat64(input: Series): Float64Array {
  return input instanceof Float64Array ? input : Float64Array.from(input);
}

/**
 * A fresh output array with NaN on the warm-up bars [0, warmUp) (all of them by default); the kernel writes
 * every later bar, so filling only the warm-up saves a pass over each output.
 */
export function nanArray(length: number, warmUp = length): Float64Array {
  return new Float64Array(length).fill(NaN, 0, Math.min(warmUp, length));
}

/**
 * Several outputs of one indicator (MACD, Bollinger, ADX, stochastic) as views on ONE buffer, each with its
 * warm-up NaN: allocating a typed array costs far more than filling it (about 0.8 us for 1,300 bars, mostly
 * fixed), and one buffer for three outputs costs about half of three. The views do not overlap; `.buffer` is
 * shared between them.
 */
export function nanArrays<N extends number>(
  length: number,
  warmUps: readonly number[] & { length: N },
): Float64Array[] {
  const buffer = new ArrayBuffer(warmUps.length * length * Float64Array.BYTES_PER_ELEMENT);
  return warmUps.map((warmUp, k) => {
    const view = new Float64Array(buffer, k * length * Float64Array.BYTES_PER_ELEMENT, length);
    return view.fill(NaN, 0, Math.min(warmUp, length));
  });
}
