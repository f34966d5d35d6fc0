import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { testServerBinaries } from './tools';

export const HISTORIES_DIR = path.join(__dirname, '..', 'fixtures', 'histories');

/**
 * With IBY_RECORD_HISTORIES=1, saves the history of a real run (as the Temporal CLI exports it) for the replay
 * test. Recording is deliberate: a changed fixture is reviewed like code, because it pins what the workflow did.
 */
export function recordHistory(workflowId: string, name: string): void {
  if (process.env.IBY_RECORD_HISTORIES !== '1') return;
  const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
  const json = execFileSync(
    testServerBinaries().temporal,
    ['workflow', 'show', '--workflow-id', workflowId, '--address', address, '--output', 'json'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  fs.mkdirSync(HISTORIES_DIR, { recursive: true });
  // The workflow id is part of what replays: child workflow ids are derived from it.
  const recorded = { workflowId, history: JSON.parse(json) as unknown };
  fs.writeFileSync(path.join(HISTORIES_DIR, `${name}.json`), JSON.stringify(recorded, null, 1) + '\n');
}
