/**
 * Parameter checks shared by every indicator. Bad parameters are programmer errors, so they throw; bad or short
 * data never throws (it yields NaN).
 */
export function assertPeriod(indicator: string, param: string, value: number, min = 1): void {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`${indicator}: ${param} must be an integer >= ${min}, got ${String(value)}`);
  }
}

export function assertPositive(indicator: string, param: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new RangeError(`${indicator}: ${param} must be a finite number > 0, got ${String(value)}`);
  }
}

export function assertSameLength(indicator: string, series: Record<string, ArrayLike<number>>): void {
  const entries = Object.entries(series);
  const expected = entries[0][1].length;
  for (const [name, values] of entries) {
    if (values.length !== expected) {
      const lengths = entries.map(([n, v]) => `${n}=${v.length}`).join(', ');
      throw new RangeError(`${indicator}: inputs must have the same length (${lengths}); ${name} differs`);
    }
  }
}
