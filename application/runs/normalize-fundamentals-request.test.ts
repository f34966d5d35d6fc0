import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InvalidRunRequest } from './invalid-request';
import { normalizeFundamentalsRequest } from './normalize-fundamentals-request';
import { derivedWorkflowId } from './workflow-id';

let root: string;
beforeAll(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'iby-fundamentals-request-')));
  fs.mkdirSync(path.join(root, 'facts'));
  fs.writeFileSync(path.join(root, 'company_tickers.json'), '{}');
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function problemOf(body: Parameters<typeof normalizeFundamentalsRequest>[0]): Promise<string> {
  const error = await normalizeFundamentalsRequest(body, [root]).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidRunRequest);
  return (error as InvalidRunRequest).message;
}

describe('normalizeFundamentalsRequest', () => {
  it('makes equal sec requests equal: upper-cased sorted unique symbols, sorted unique CIKs, a batch size', async () => {
    const a = await normalizeFundamentalsRequest(
      { source: 'sec', symbols: ['nvda', 'AAPL', 'NVDA'], ciks: [2, 1, 2] },
      [root],
    );
    const b = await normalizeFundamentalsRequest({ source: 'sec', symbols: ['AAPL', 'nvda'], ciks: [1, 2] }, [root]);
    expect(a).toEqual({ source: 'sec', symbols: ['AAPL', 'NVDA'], ciks: [1, 2], batchSize: 10 });
    expect(derivedWorkflowId('fundamentals', a)).toBe(derivedWorkflowId('fundamentals', b));
  });

  it('resolves a file request’s path and tickers to real paths inside an import root (relative paths too)', async () => {
    const request = await normalizeFundamentalsRequest(
      { source: 'file', path: 'facts', tickers: path.join(root, 'facts', '..', 'company_tickers.json'), batchSize: 3 },
      [root],
    );
    expect(request).toEqual({
      source: 'file',
      path: path.join(root, 'facts'),
      tickers: path.join(root, 'company_tickers.json'),
      batchSize: 3,
    });
  });

  it('names the field that breaks a rule', async () => {
    expect(await problemOf({ source: 'file' })).toMatch(/^body\/path /);
    expect(await problemOf({ source: 'file', path: '../..' })).toMatch(/^body\/path /);
    expect(await problemOf({ source: 'file', path: 'facts', tickers: '/etc/hostname' })).toMatch(/^body\/tickers /);
    expect(await problemOf({ source: 'file', path: 'facts', ciks: [1] })).toMatch(/^body\/ciks /);
    expect(await problemOf({ source: 'sec', symbols: [] })).toMatch(/^body\/symbols /);
    expect(await problemOf({ source: 'sec', symbols: ['AAPL'], tickers: 'company_tickers.json' })).toMatch(
      /^body\/tickers /,
    );
  });
});
