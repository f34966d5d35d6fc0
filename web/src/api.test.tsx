import { render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, apiKey, setKeyPrompt } from './api';
import { ErrorBox } from './components/ui';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the API client', () => {
  let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;
  beforeEach(() => {
    sessionStorage.clear();
    fetchMock = vi.fn<typeof fetch>();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('asks for the key once on a 401, keeps it for the session and repeats the request with it', async () => {
    fetchMock.mockResolvedValueOnce(json(401, { error: 'unauthorized', message: 'missing x-api-key' }));
    fetchMock.mockResolvedValueOnce(json(201, { id: 'daily' }));
    const prompt = vi.fn().mockResolvedValue('secret');
    setKeyPrompt(prompt);
    await expect(api('/v1/schedules', { method: 'POST', body: { id: 'daily' } })).resolves.toEqual({ id: 'daily' });
    expect(prompt).toHaveBeenCalledTimes(1);
    expect(apiKey.get()).toBe('secret');
    const [, init] = fetchMock.mock.calls[1] as [string, RequestInit];
    expect((init.headers as Record<string, string>)['x-api-key']).toBe('secret');
    expect(init.body).toBe('{"id":"daily"}');
  });

  it('turns an error body into its message, and a bodiless failure into words', async () => {
    fetchMock.mockResolvedValueOnce(json(400, { error: 'bad_request', message: 'body/source must be csv or stooq' }));
    await expect(api('/v1/runs/prices', { method: 'POST', body: {} })).rejects.toThrow(
      'body/source must be csv or stooq',
    );
    fetchMock.mockResolvedValueOnce(new Response('<html>bad gateway</html>', { status: 503 }));
    await expect(api('/v1/runs')).rejects.toThrow(/backing service/);
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(api('/v1/runs')).rejects.toThrow(/cannot be reached/);
  });

  it('does not prompt when asked not to, and drops a key the server refused', async () => {
    apiKey.set('old');
    const prompt = vi.fn().mockResolvedValue(null);
    setKeyPrompt(prompt);
    fetchMock.mockImplementation(async () =>
      Promise.resolve(json(401, { error: 'unauthorized', message: 'invalid x-api-key' })),
    );
    await expect(api('/v1/schedules', { ask: false })).rejects.toMatchObject({ status: 401 });
    expect(prompt).not.toHaveBeenCalled();
    await expect(api('/v1/schedules')).rejects.toThrow('invalid x-api-key');
    expect(prompt).toHaveBeenCalledWith('The API key was not accepted.');
    expect(apiKey.get()).toBeNull();
  });
});

describe('error messages', () => {
  it('says a feature is not available yet when the route does not exist', () => {
    render(
      <ErrorBox
        error={new ApiError(404, 'no route for GET /v1/securities/AAPL/analysis', 'not_found')}
        what="The analysis"
      />,
    );
    expect(screen.getByRole('status').textContent).toMatch(/Not available yet on this server \(the analysis\)/);
  });

  it('shows any other error in words', () => {
    render(<ErrorBox error={new ApiError(404, 'unknown symbol NOPE', 'not_found')} what="Prices" />);
    expect(screen.getByRole('alert').textContent).toBe('Prices: unknown symbol NOPE');
  });
});
