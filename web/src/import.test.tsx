import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportPage } from './pages/import';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const status = (state: string, extra: object = {}) => ({
  workflowId: 'prices-1',
  runId: 'r1',
  workflowType: 'ingestPrices',
  kind: 'prices',
  status: state,
  outcome: null,
  startTime: '2026-12-02T18:00:00Z',
  progress: { phase: 'running', batchesTotal: 2, batchesDone: 1, batchesFailed: 0 },
  temporalUiUrl: 'http://temporal/ui',
  ...extra,
});

describe('the import page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('starts a stooq run with the symbols typed, then follows it from progress to result', async () => {
    const calls: { url: string; body?: string }[] = [];
    let polls = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>((input, init) => {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        calls.push({ url, body: init?.body as string | undefined });
        if (init?.method === 'POST') return Promise.resolve(json(202, { workflowId: 'prices-1', runId: 'r1' }));
        polls++;
        return Promise.resolve(
          json(
            200,
            polls < 2
              ? status('RUNNING')
              : status('COMPLETED', { outcome: 'partial', result: { rowsLoaded: 500, rowsRejected: 3 } }),
          ),
        );
      }),
    );
    render(<ImportPage />);
    fireEvent.change(screen.getByLabelText('Source'), { target: { value: 'stooq' } });
    fireEvent.input(screen.getByLabelText(/Symbols/), { target: { value: 'aapl, msft  spy' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start prices run' }));
    await screen.findByText('1 of 2 batches', { exact: false });
    expect(JSON.parse(calls[0].body!)).toEqual({ source: 'stooq', symbols: ['AAPL', 'MSFT', 'SPY'] });
    await waitFor(() => expect(screen.getByText(/^Done \(partial\)/)).toBeTruthy(), { timeout: 3000 });
    expect(screen.getByText(/^Done/).textContent).toBe('Done (partial): 500 rows loaded, 3 rejected.');
  });

  it('offers auto, which sends the symbols without a provider for the server to choose', async () => {
    const bodies: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>((_input, init) => {
        if (init?.method === 'POST') bodies.push(JSON.parse(init.body as string));
        return Promise.resolve(
          init?.method === 'POST' ? json(202, { workflowId: 'prices-1', runId: 'r1' }) : json(200, status('RUNNING')),
        );
      }),
    );
    render(<ImportPage />);
    fireEvent.change(screen.getByLabelText('Source'), { target: { value: 'auto' } });
    expect(screen.queryByLabelText(/File or folder/)).toBeNull();
    fireEvent.input(screen.getByLabelText(/Symbols/), { target: { value: 'ibm aapl' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start prices run' }));
    await waitFor(() => expect(bodies).toEqual([{ source: 'auto', symbols: ['IBM', 'AAPL'] }]));
  });

  it('says in words why a run did not start', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(() =>
        Promise.resolve(json(400, { error: 'bad_request', message: 'path is outside the import roots' })),
      ),
    );
    render(<ImportPage />);
    fireEvent.input(screen.getByLabelText(/File or folder/), { target: { value: '/etc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start prices run' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The run did not start: path is outside the import roots',
    );
  });
});
