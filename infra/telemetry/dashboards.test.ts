import fs from 'node:fs';
import path from 'node:path';
import { Registry } from 'prom-client';
import { buildTestApp } from '../../api/test-support/test-app';
import { createDomainMetrics } from '../../workers/shared/domain-metrics';

const DIR = path.join(__dirname, '..', '..', 'compose', 'grafana', 'dashboards');

interface Dashboard {
  uid: string;
  panels: { targets: { expr: string }[] }[];
}
const dashboards = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')) as Dashboard);

/** Every metric family the code registers, by its exposed names (histograms as _bucket/_count/_sum). */
async function exportedNames(): Promise<Set<string>> {
  const worker = new Registry();
  createDomainMetrics(worker);
  const { app } = await buildTestApp();
  try {
    const families = [...(await worker.getMetricsAsJSON()), ...(await app.metrics.getMetricsAsJSON())];
    return new Set(
      families.flatMap((m) =>
        String(m.type) === 'histogram' ? [`${m.name}_bucket`, `${m.name}_count`, `${m.name}_sum`] : [m.name],
      ),
    );
  } finally {
    await app.close();
  }
}

describe('Grafana dashboards', () => {
  it('provision the Temporal SDK dashboard and the system dashboard, with unique uids', () => {
    const uids = dashboards.map((d) => d.uid);
    expect(uids).toEqual(expect.arrayContaining(['temporal-sdk', 'iby-system']));
    expect(new Set(uids).size).toBe(uids.length);
  });

  it('query only iby_ metrics that the API and the workers actually export', async () => {
    const names = await exportedNames();
    const used = dashboards.flatMap((d) =>
      d.panels.flatMap((p) => p.targets.flatMap((t) => t.expr.match(/\biby_[a-z_]+/g) ?? [])),
    );
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((name) => !names.has(name))).toEqual([]);
  });
});
