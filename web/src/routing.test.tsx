import { describe, expect, it } from 'vitest';
import { rangeStart } from './components/chart';
import { routeOf } from './router';

describe('routes', () => {
  it.each([
    ['/', { page: 'overview' }],
    ['/runs', { page: 'runs' }],
    ['/runs/prices-2024%2F01', { page: 'run', workflowId: 'prices-2024/01' }],
    ['/securities/', { page: 'securities' }],
    ['/securities/%5EGSPC', { page: 'security', symbol: '^GSPC' }],
    ['/schedules', { page: 'schedules' }],
    ['/import', { page: 'import' }],
    ['/nope', { page: 'missing', path: '/nope' }],
  ])('%s', (path, route) => expect(routeOf(path)).toEqual(route));
});

describe('range presets', () => {
  const dates = ['2019-12-31', '2024-01-02', '2024-06-28', '2024-07-01', '2024-12-02', '2024-12-31'];
  it('start at the first date inside the range that ends at the last date', () => {
    expect(rangeStart(dates, '1M')).toBe(4);
    expect(rangeStart(dates, '6M')).toBe(3);
    expect(rangeStart(dates, '1Y')).toBe(1);
    expect(rangeStart(dates, '5Y')).toBe(0);
    expect(rangeStart(dates, 'Max')).toBe(0);
    expect(rangeStart([], '1Y')).toBe(0);
  });
});
