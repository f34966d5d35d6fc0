/** Every security in a table that sorts by any column and filters by symbol or name as you type. */
import { useMemo, useState } from 'preact/hooks';
import { api } from '../api';
import { ErrorBox, Loading, num } from '../components/ui';
import type { Security } from '../types';
import { useData } from '../use-data';

type Column = 'symbol' | 'name' | 'exchange' | 'bars' | 'firstDate' | 'lastDate';
const COLUMNS: [Column, string][] = [
  ['symbol', 'Symbol'],
  ['name', 'Name'],
  ['exchange', 'Exchange'],
  ['bars', 'Bars'],
  ['firstDate', 'First date'],
  ['lastDate', 'Last date'],
];

export function sortSecurities(rows: Security[], column: Column, ascending: boolean): Security[] {
  const sign = ascending ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[column];
    const y = b[column];
    // Missing values go last whichever way the column sorts.
    if (x === null || x === undefined) return y === null || y === undefined ? 0 : 1;
    if (y === null || y === undefined) return -1;
    return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * sign;
  });
}

export function SecuritiesTable({ securities }: { securities: Security[] }) {
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<{ column: Column; ascending: boolean }>({ column: 'symbol', ascending: true });
  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const kept = needle
      ? securities.filter(
          (s) => s.symbol.toLowerCase().includes(needle) || (s.name ?? '').toLowerCase().includes(needle),
        )
      : securities;
    return sortSecurities(kept, sort.column, sort.ascending);
  }, [securities, filter, sort]);
  return (
    <>
      <label class="filter">
        Filter
        <input
          type="search"
          placeholder="symbol or name"
          value={filter}
          onInput={(e) => setFilter(e.currentTarget.value)}
        />
      </label>
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
          <tbody>
            {rows.map((s) => (
              <tr key={s.symbol}>
                <td>
                  <a href={`/securities/${encodeURIComponent(s.symbol)}`}>{s.symbol}</a>
                </td>
                <td>{s.name ?? '—'}</td>
                <td>{s.exchange ?? '—'}</td>
                <td class="num">{num(s.bars, 0)}</td>
                <td>{s.firstDate ?? '—'}</td>
                <td>{s.lastDate ?? '—'}</td>
              </tr>
            ))}
          </tbody>
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
