import { LocalCounts } from './rate-limit-store';

describe('LocalCounts, the in-memory count while Redis is away', () => {
  it('counts a client within its window and starts a new window when it has passed', () => {
    let now = 1_000;
    const counts = new LocalCounts(10, () => now);
    expect(counts.incr('a', 60_000)).toEqual({ current: 1, ttl: 60_000 });
    now += 15_000;
    expect(counts.incr('a', 60_000)).toEqual({ current: 2, ttl: 45_000 });
    expect(counts.incr('b', 60_000)).toEqual({ current: 1, ttl: 60_000 });
    now += 45_000;
    expect(counts.incr('a', 60_000)).toEqual({ current: 1, ttl: 60_000 });
  });

  it('forgets the least recently seen client beyond its capacity, never a recent one', () => {
    const counts = new LocalCounts(2, () => 0);
    counts.incr('a', 60_000);
    counts.incr('b', 60_000);
    counts.incr('a', 60_000); // a is now the most recently seen
    counts.incr('c', 60_000); // b goes
    expect(counts.incr('a', 60_000).current).toBe(3);
    expect(counts.incr('b', 60_000).current).toBe(1);
  });
});
