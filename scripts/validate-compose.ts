import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import YAML from 'yaml';
import { PROJECT_ROOT } from '../config';
import { loadComposeStack } from './compose-files';

/**
 * No machine here runs a Docker engine, so the compose files are checked three ways: each file and each merged
 * stack (interpolated and merged as Compose does, scripts/compose-files.ts) against the Compose Specification
 * schema (ajv); the project's rules on each merged stack (pinned images, loopback-only Temporal gRPC, worker grace,
 * required secrets in prod); and `docker-compose config` when it is installed.
 *   node dist/scripts/validate-compose.js [path/to/compose-spec.json]
 */
const COMPOSE_DIR = path.join(PROJECT_ROOT, 'compose');
const STACKS: string[][] = [
  ['compose.yaml'],
  ['compose.yaml', 'compose.dev.yaml'],
  ['compose.yaml', 'compose.prod.yaml'],
  ['compose.yaml', 'compose.dev.yaml', 'compose.prod.yaml'],
];
const FILES = ['compose.yaml', 'compose.dev.yaml', 'compose.prod.yaml'];
/** Stand-ins for the secrets the prod file requires, so its merged stack can be checked. */
const PROD_SECRETS = Object.fromEntries(
  [
    'POSTGRES_PASSWORD',
    'IBY_MIGRATOR_PASSWORD',
    'IBY_WRITER_PASSWORD',
    'IBY_READER_PASSWORD',
    'TEMPORAL_DB_PASSWORD',
    'REDIS_PASSWORD',
    'S3_ACCESS_KEY',
    'S3_SECRET_KEY',
    'API_KEYS',
    'GRAFANA_ADMIN_PASSWORD',
  ].map((name) => [name, `validate-${name.toLowerCase()}`]),
);

interface Service {
  image?: string;
  ports?: (string | { target?: number; host_ip?: string })[];
  stop_grace_period?: string;
  environment?: Record<string, string>;
}

/** The project's own rules; each broken one is a message. */
export function policyProblems(stack: { services?: Record<string, Service> }): string[] {
  const problems: string[] = [];
  for (const [name, service] of Object.entries(stack.services ?? {})) {
    if (!service.image || /:latest$/.test(service.image) || !/[:@]/.test(service.image))
      problems.push(`${name}: image "${service.image}" is not pinned`);
    for (const port of service.ports ?? []) {
      const text = typeof port === 'string' ? port : `${port.host_ip ?? ''}:${port.target}`;
      if (/:7233$/.test(text) && !text.startsWith('127.0.0.1:'))
        problems.push(`${name}: Temporal gRPC ${text} published beyond loopback`);
    }
    const grace = Number(service.environment?.WORKER_SHUTDOWN_GRACE_SECONDS);
    if (/worker$/.test(name)) {
      const stopSeconds = Number(/^(\d+)s$/.exec(service.stop_grace_period ?? '')?.[1]);
      if (!(stopSeconds > grace)) problems.push(`${name}: stop_grace_period must exceed its ${grace} s shutdown grace`);
    }
  }
  return problems;
}

function main(schemaFile = path.resolve(PROJECT_ROOT, '..', 'shared', 'schemas', 'compose-spec.json')): number {
  // The schema names its draft by an https URL ajv does not know; the draft-07 rules are what it uses.
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, validateSchema: false });
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as object);
  let failures = 0;
  const report = (ok: boolean, label: string, detail = ''): void => {
    if (!ok) failures++;
    console.log(`${ok ? 'ok     ' : 'FAILED '} ${label}${ok || !detail ? '' : `\n  ${detail}`}`);
  };
  const check = (label: string, document: unknown): void =>
    report(validate(document), `schema   ${label}`, ajv.errorsText(validate.errors, { separator: '\n  ' }));

  for (const file of FILES) {
    check(file, YAML.parse(fs.readFileSync(path.join(COMPOSE_DIR, file), 'utf8'), { merge: true }));
  }
  for (const stack of STACKS) {
    const label = stack.join(' + ');
    const prod = stack.includes('compose.prod.yaml');
    const env = { ...process.env, ...(prod ? PROD_SECRETS : {}) };
    if (prod) {
      let refused = '';
      try {
        loadComposeStack(COMPOSE_DIR, stack, {
          ...process.env,
          ...Object.fromEntries(Object.keys(PROD_SECRETS).map((k) => [k, ''])),
        });
      } catch (err) {
        refused = (err as Error).message;
      }
      report(/required variable/.test(refused), `secrets  ${label} refuses to start without its secrets`, refused);
    }
    const merged = loadComposeStack(COMPOSE_DIR, stack, env) as { services?: Record<string, Service> };
    check(`${label} (merged)`, merged);
    const problems = policyProblems(merged);
    report(problems.length === 0, `policy   ${label}`, problems.join('\n  '));
    const docker = dockerComposeConfig(stack, env);
    if (docker === undefined) continue;
    report(docker.ok, `docker-compose config ${label}`, docker.output);
  }
  if (!dockerComposeAvailable)
    console.log('skipped docker-compose config: not installed (apt-get install docker-compose)');
  return failures ? 1 : 0;
}

let dockerComposeAvailable = true;

function dockerComposeConfig(files: string[], env: NodeJS.ProcessEnv): { ok: boolean; output: string } | undefined {
  const result = spawnSync('docker-compose', [...files.flatMap((f) => ['-f', f]), 'config'], {
    cwd: COMPOSE_DIR,
    encoding: 'utf8',
    env,
  });
  if (result.error) {
    dockerComposeAvailable = false;
    return undefined;
  }
  return { ok: result.status === 0, output: result.status === 0 ? result.stdout : result.stderr };
}

if (require.main === module) process.exitCode = main(process.argv[2]);
