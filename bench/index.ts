/**
 * `npm run bench`: every benchmark in turn, each printing its ratio against a limit measured in the same run and
 * writing JSON to bench-results/. Never part of `npm test`: timings are measurements, not assertions.
 */
import { writeResult } from './support';

interface BenchResult {
  name: string;
  pass: boolean;
  [key: string]: unknown;
}

const benches: [string, () => Promise<{ run: () => Promise<BenchResult> }>][] = [
  ['load path vs raw COPY', () => import('./load-path')],
  ['full pipeline through Temporal vs in-process', () => import('./pipeline')],
  ['indicators vs TA-Lib', () => import('./finance-indicators')],
  ['replicas: kill -9 mid-ingest vs clean', () => import('./replicas')],
  ['analysis alone: bars/s through Temporal vs in-process', () => import('./analysis')],
  ['daily pipeline: whole history then one new day', () => import('./daily-pipeline')],
  ['API cached reads vs a bare Fastify route', () => import('./api-reads')],
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const results: BenchResult[] = [];
  for (const [title, load] of benches) {
    const { run } = await load();
    if (only.length && !only.some((o) => title.includes(o))) continue;
    console.log(`\n== ${title}`);
    results.push(await run());
  }
  writeResult('summary', { results });
  console.log('\nsummary:');
  for (const r of results) console.log(`  ${r.pass ? 'meets target ' : 'BELOW TARGET '} ${r.name}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
