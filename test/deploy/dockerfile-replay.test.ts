import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import dotenv from 'dotenv';
import { PROJECT_ROOT } from '../../config';
import { findFreePorts } from '../../infra/local-stack/free-port';
import { spawnLogged, waitForHttp, type ManagedProcess } from '../../infra/local-stack/processes';
import { contextFiles, parseDockerfile, parseDockerignore, type DockerInstruction } from '../support/docker-context';
import { dropDatabases, TEST_DATABASE_PREFIX } from '../support/test-database';

// No Docker engine runs here: the image's build stage is replayed in a clean folder that holds only what the
// build context sends (.dockerignore applied), with the Dockerfile's own COPY and RUN steps (npm ci from the local
// npm cache, offline). Then each compose service's command runs from the result against the test stack.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'iby-docker-replay-'));
const buildDir = path.join(work, 'build');
const runtimeDir = path.join(work, 'runtime');
const steps = parseDockerfile(fs.readFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8'));
const compose = YAML.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'compose', 'compose.yaml'), 'utf8'), {
  merge: true,
}) as { services: Record<string, { command?: string[]; healthcheck?: { test: string[] } }> };
const started: ManagedProcess[] = [];
const databaseName = `${TEST_DATABASE_PREFIX}${process.env.IBY_TEST_RUN_ID ?? 'adhoc'}_${randomBytes(4).toString('hex')}`;

afterAll(async () => {
  for (const proc of started.reverse()) await proc.stop(3000);
  await dropDatabases(process.env.IBY_TEST_DATABASE_URL_BASE ?? 'postgres://postgres@127.0.0.1:5432', [databaseName]);
  fs.rmSync(work, { recursive: true, force: true });
});

/** COPY <sources…> <dest> of the build stage, from the filtered context. */
function copy(step: DockerInstruction, files: string[]): void {
  const parts = step.args.split(/\s+/);
  const dest = path.join(buildDir, parts.pop() ?? '.');
  for (const source of parts) {
    const chosen = source === '.' ? files : files.filter((f) => f === source);
    if (!chosen.length) throw new Error(`COPY ${source}: not in the build context`);
    for (const file of chosen) {
      const target = path.join(dest, file);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(path.join(PROJECT_ROOT, file), target);
    }
  }
}

function run(step: DockerInstruction): void {
  // The image has no network restrictions; here npm must use its cache, and nothing may reach the internet.
  execFileSync('sh', ['-c', step.args], {
    cwd: buildDir,
    stdio: 'pipe',
    env: { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' },
  });
}

describe('the Dockerfile, replayed without Docker', () => {
  it('pins Node 22 in one place: the Dockerfile default equals compose/.env', () => {
    const images = dotenv.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'compose', '.env')));
    const arg = steps.find((s) => s.op === 'ARG' && s.args.startsWith('NODE_IMAGE='));
    expect(arg?.args).toBe(`NODE_IMAGE=${images.NODE_IMAGE}`);
    expect(images.NODE_IMAGE).toMatch(/^node:22\.\d+\.\d+-/);
  });

  it('installs without running the build, then builds and prunes, from the build context alone', () => {
    const rules = parseDockerignore(fs.readFileSync(path.join(PROJECT_ROOT, '.dockerignore'), 'utf8'));
    const files = contextFiles(PROJECT_ROOT, rules);
    expect(files).toContain('package-lock.json');
    expect(files.some((f) => f.startsWith('node_modules/') || f.startsWith('dist/') || f === '.env')).toBe(false);

    const build = steps.filter((s) => s.stage === 0 && (s.op === 'COPY' || s.op === 'RUN'));
    expect(build.map((s) => s.op)).toEqual(['COPY', 'RUN', 'COPY', 'RUN', 'RUN']);
    // The install runs before the sources are there: it must not run lifecycle scripts (prepare → build).
    expect(build[1].args).toMatch(/^npm ci\b.*--ignore-scripts/);
    fs.mkdirSync(buildDir, { recursive: true });
    for (const step of build) {
      if (step.op === 'COPY') copy(step, files);
      else run(step);
    }
    expect(fs.existsSync(path.join(buildDir, 'dist', 'workflow-bundle.js'))).toBe(true);
    // Pruned: development tools are gone, what runs is there.
    expect(fs.existsSync(path.join(buildDir, 'node_modules', 'typescript'))).toBe(false);
    expect(fs.existsSync(path.join(buildDir, 'node_modules', '@temporalio', 'worker'))).toBe(true);

    // The runtime stage copies these from the build stage.
    const runtime = steps.filter((s) => s.stage === 1 && s.op === 'COPY').map((s) => s.args.split(/\s+/).at(-2) ?? '');
    expect(runtime).toEqual(['/app/package.json', '/app/node_modules', '/app/dist', '/app/migrations']);
    for (const source of runtime) {
      fs.cpSync(path.join(buildDir, source.replace('/app/', '')), path.join(runtimeDir, path.basename(source)), {
        recursive: true,
      });
    }
  }, 600_000);

  it('runs the setup job and every service of compose.yaml from the result, healthy', async () => {
    expect(fs.existsSync(path.join(runtimeDir, 'dist'))).toBe(true);
    const [etl, data, analysis, api] = await findFreePorts(4);
    const base = process.env.IBY_TEST_DATABASE_URL_BASE ?? 'postgres://postgres@127.0.0.1:5432';
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: `${base}/${databaseName}`,
      REDIS_URL: 'redis://127.0.0.1:6379/12',
      ETL_WORKER_PORT: String(etl),
      DATA_WORKER_PORT: String(data),
      ANALYSIS_WORKER_PORT: String(analysis),
      API_PORT: String(api),
      API_HOST: '127.0.0.1',
      DB_MIGRATE_ON_START: 'false',
      WORKER_SHUTDOWN_GRACE_SECONDS: '2',
      LOG_LEVEL: 'warn',
      DATA_DIR: path.join(work, 'data'),
    };
    const command = (service: string): string[] => {
      const cmd = compose.services[service]?.command;
      if (!cmd?.length) throw new Error(`compose.yaml: ${service} has no command`);
      return cmd;
    };
    const start = (service: string) => {
      const [bin, ...args] = command(service);
      expect(bin).toBe('node');
      const proc = spawnLogged({
        name: service,
        command: process.execPath,
        args,
        cwd: runtimeDir,
        env,
        logDir: path.join(work, 'logs'),
        graceMs: 5000,
      });
      started.push(proc);
      return proc;
    };

    const setup = start('setup');
    const exit = await setup.exited;
    expect(exit).toEqual({ code: 0, signal: null });

    const services: [string, number][] = [
      ['etl-worker', etl],
      ['data-worker', data],
      ['api', api],
    ];
    // The analysis worker's entry lands with the analysis issue; until then its command has nothing to run.
    if (fs.existsSync(path.join(runtimeDir, 'dist', 'workers', 'analysis.js')))
      services.push(['analysis-worker', analysis]);
    for (const [service, port] of services) {
      const proc = start(service);
      await waitForHttp(`http://127.0.0.1:${port}/health`, { timeoutMs: 60_000, process: proc });
      // The compose healthcheck probes the same path on the container's port.
      expect(compose.services[service].healthcheck?.test.join(' ')).toMatch(/\/health/);
    }
  }, 180_000);
});
