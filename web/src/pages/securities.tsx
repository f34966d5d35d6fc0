/**
 * Every security with the headline figures of its latest analysis, in a table that sorts by any column and filters
 * as you type (symbol or name), by trend and by data quality. 505 rows re-sort and re-filter in one render.
 */
import { useMemo, useState } from 'preact/hooks';
import { api } from '../api';
import { ErrorBox, Loading, num, pct } from '../components/ui';
import type { Security } from '../types';
import { useData } from '../use-data';

type Column =
  | 'symbol'
  | 'name'
  | 'bars'
  | 'firstDate'
  | 'lastDate'
  | 'lastClose'
  | 'return1y'
  | 'volatility'
  | 'sharpe'
  | 'maxDrawdown'
  | 'trend'
  | 'flags';

const COLUMNS: [Column, string][] = [
  ['symbol', 'Symbol'],
  ['name', 'Name'],
  ['bars', 'Bars'],
  ['firstDate', 'First date'],
  ['lastDate', 'Last date'],
  ['lastClose', 'Last close'],
  ['return1y', '1y return'],
  ['volatility', 'Volatility'],
  ['sharpe', 'Sharpe'],
  ['maxDrawdown', 'Max drawdown'],
  ['trend', 'Trend'],
  ['flags', 'Quality flags'],
];

const NUMERIC = new Set<Column>(['bars', 'lastClose', 'return1y', 'volatility', 'sharpe', 'maxDrawdown']);

const TRENDS = ['up', 'down', 'sideways'] as const;

/** Bars and suspicions behind all of a security's flags: what the flags column sorts by. */
export const flagCount = (s: Pick<Security, 'flags'>): number => Object.values(s.flags).reduce((sum, n) => sum + n, 0);

const sortValue = (s: Security, column: Column): string | number | null =>
  column === 'flags' ? flagCount(s) : s[column];

// One collator for every comparison: creating one per localeCompare call is what makes big sorts slow.
const collator = new Intl.Collator(undefined, { numeric: true });

export function sortSecurities(rows: Security[], column: Column, ascending: boolean): Security[] {
  const sign = ascending ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, column);
    const y = sortValue(b, column);
    // Missing values go last whichever way the column sorts.
    if (x === null) return y === null ? 0 : 1;
    if (y === null) return -1;
    return (typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y))) * sign;
  });
}

export interface SecurityFilter {
  /** Symbol or name contains it, any case. */
  text: string;
  /** A trend label, or '' for any. */
  trend: string;
  /** Only securities with at least one quality flag. */
  flaggedOnly: boolean;
}

export function filterSecurities(rows: Security[], { text, trend, flaggedOnly }: SecurityFilter): Security[] {
  const needle = text.trim().toLowerCase();
  if (!needle && !trend && !flaggedOnly) return rows;
  return rows.filter(
    (s) =>
      (!needle || s.symbol.toLowerCase().includes(needle) || (s.name ?? '').toLowerCase().includes(needle)) &&
      (!trend || s.trend === trend) &&
      (!flaggedOnly || flagCount(s) > 0),
  );
}

const words = (flag: string) => flag.replace(/_/g, ' ');

function Flags({ flags }: { flags: Record<string, number> }) {
  const entries = Object.entries(flags).sort(([a], [b]) => collator.compare(a, b));
  if (entries.length === 0) return <span class="muted">—</span>;
  return (
    <ul class="flags">
      {entries.map(([flag, count]) => (
        <li key={flag}>
          {words(flag)} ×{count}
        </li>
      ))}
    </ul>
  );
}

/** One row; built once per list, so a sort or filter only reorders rows (number formatting is the costly part). */
function securityRow(s: Security) {
  return (
    <tr key={s.symbol}>
      <td>
        <a href={`/securities/${encodeURIComponent(s.symbol)}`}>{s.symbol}</a>
      </td>
      <td>{s.name ?? '—'}</td>
      <td class="num">{num(s.bars, 0)}</td>
      <td>{s.firstDate ?? '—'}</td>
      <td>{s.lastDate ?? '—'}</td>
      <td class="num">{num(s.lastClose)}</td>
      <td class="num">{pct(s.return1y)}</td>
      <td class="num">{pct(s.volatility)}</td>
      <td class="num">{num(s.sharpe)}</td>
      <td class="num">{pct(s.maxDrawdown)}</td>
      <td>{s.trend ?? '—'}</td>
      <td>
        <Flags flags={s.flags} />
      </td>
    </tr>
  );
}

export function SecuritiesTable({ securities }: { securities: Security[] }) {
  const [filter, setFilter] = useState<SecurityFilter>({ text: '', trend: '', flaggedOnly: false });
  const [sort, setSort] = useState<{ column: Column; ascending: boolean }>({ column: 'symbol', ascending: true });
  const rowOf = useMemo(() => new Map(securities.map((s) => [s.symbol, securityRow(s)])), [securities]);
  const rows = useMemo(
    () => sortSecurities(filterSecurities(securities, filter), sort.column, sort.ascending),
    [securities, filter, sort],
  );
  return (
    <>
      <div class="stack">
        <label class="filter">
          Filter{' '}
          <input
            type="search"
            placeholder="symbol or name"
            value={filter.text}
            onInput={(e) => setFilter({ ...filter, text: e.currentTarget.value })}
          />
        </label>
        <label>
          Trend{' '}
          <select value={filter.trend} onChange={(e) => setFilter({ ...filter, trend: e.currentTarget.value })}>
            <option value="">any</option>
            {TRENDS.map((trend) => (
              <option key={trend} value={trend}>
                {trend}
              </option>
            ))}
          </select>
        </label>
        <label class="radio">
          <input
            type="checkbox"
            checked={filter.flaggedOnly}
            onChange={(e) => setFilter({ ...filter, flaggedOnly: e.currentTarget.checked })}
          />
          With quality flags only
        </label>
      </div>
      <p class="muted" role="status">
        {rows.length} of {securities.length} securities
      </p>
      <div class="table-wrap">
        <table>
          <caption class="sr-only">Securities</caption>
          <thead>
            <tr>
              {COLUMNS.map(([column, label]) => {
                const active = sort.column === column;
                return (
                  <th
                    key={column}
                    scope="col"
                    class={NUMERIC.has(column) ? 'num' : undefined}
                    aria-sort={active ? (sort.ascending ? 'ascending' : 'descending') : 'none'}
                  >
                    <button
                      type="button"
                      class="sort"
                      onClick={() => setSort({ column, ascending: active ? !sort.ascending : true })}
                    >
                      {label}
                      {active ? (sort.ascending ? ' ▲' : ' ▼') : ''}
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>{rows.map((s) => rowOf.get(s.symbol))}</tbody>
        </table>
      </div>
    </>
  );
}

export function SecuritiesPage() {
  const securities = useData(() => api<{ securities: Security[] }>('/v1/securities'), []);
  return (
    <>
      <h1>Securities</h1>
      {securities.error ? (
        <ErrorBox error={securities.error} what="Securities" />
      ) : securities.data ? (
        securities.data.securities.length ? (
          <SecuritiesTable securities={securities.data.securities} />
        ) : (
          <p class="muted">
            No securities yet. <a href="/import">Import prices</a>.
          </p>
        )
      ) : (
        <Loading what="securities" />
      )}
    </>
  );
}
