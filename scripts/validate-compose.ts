import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import YAML from 'yaml';
import { PROJECT_ROOT } from '../config';

/**
 * No machine here runs a Docker engine, so the compose files are checked two ways: each file and each merged
 * stack against the Compose Specification schema (ajv), and the merged stacks with `docker-compose config` when
 * it is installed (it resolves merges, anchors and variables the way Docker will).
 *   node dist/scripts/validate-compose.js [path/to/compose-spec.json]
 */
const COMPOSE_DIR = path.join(PROJECT_ROOT, 'compose');
const STACKS: string[][] = [
  ['compose.yaml'],
  ['compose.yaml', 'compose.dev.yaml'],
  ['compose.yaml', 'compose.prod.yaml'],
];
const FILES = ['compose.yaml', 'compose.dev.yaml', 'compose.prod.yaml'];

function main(schemaFile = path.resolve(PROJECT_ROOT, '..', 'shared', 'schemas', 'compose-spec.json')): number {
  // The schema names its draft by an https URL ajv does not know; the draft-07 rules are what it uses.
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, validateSchema: false });
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as object);
  let failures = 0;
  const check = (label: string, document: unknown): void => {
    if (validate(document)) {
      console.log(`ok      schema   ${label}`);
    } else {
      failures++;
      console.log(`FAILED  schema   ${label}\n${ajv.errorsText(validate.errors, { separator: '\n  ' })}`);
    }
  };

  for (const file of FILES) {
    check(file, YAML.parse(fs.readFileSync(path.join(COMPOSE_DIR, file), 'utf8'), { merge: true }));
  }
  for (const stack of STACKS) {
    const label = stack.join(' + ');
    const merged = dockerComposeConfig(stack);
    if (merged === undefined) {
      console.log(`skipped docker-compose ${label}: docker-compose is not installed (apt-get install docker-compose)`);
      continue;
    }
    if (merged.ok) {
      console.log(`ok      docker-compose config ${label}`);
      check(`${label} (merged)`, YAML.parse(merged.output));
    } else {
      failures++;
      console.log(`FAILED  docker-compose config ${label}\n${merged.output}`);
    }
  }
  return failures ? 1 : 0;
}

function dockerComposeConfig(files: string[]): { ok: boolean; output: string } | undefined {
  const result = spawnSync('docker-compose', [...files.flatMap((f) => ['-f', f]), 'config'], {
    cwd: COMPOSE_DIR,
    encoding: 'utf8',
  });
  if (result.error) return undefined;
  return { ok: result.status === 0, output: result.status === 0 ? result.stdout : result.stderr };
}

process.exitCode = main(process.argv[2]);
