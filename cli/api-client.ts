import type { CliConfig } from '../config/cli';

/** The API answered with an error: its status, stable code and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Nothing answered at the API's address (or the connection broke). */
export class ApiUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    super(
      `cannot reach the API at ${url} (${cause instanceof Error ? cause.message : String(cause)}); is it running? set IBY_API_URL`,
    );
    this.name = 'ApiUnreachableError';
  }
}

export interface ApiClient {
  request<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
}

/** A small JSON client for the public API, speaking its `{ error, message }` error shape. */
export function createApiClient(config: CliConfig, fetchImpl: typeof fetch = fetch): ApiClient {
  return {
    async request<T>(method: string, path: string, body?: unknown): Promise<T> {
      const headers: Record<string, string> = {};
      if (config.apiKey) headers['x-api-key'] = config.apiKey;
      if (body !== undefined) headers['content-type'] = 'application/json';
      let res: Response;
      try {
        res = await fetchImpl(`${config.apiUrl}${path}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch (err) {
        throw new ApiUnreachableError(config.apiUrl, (err as { cause?: unknown }).cause ?? err);
      }
      const text = await res.text();
      const json: unknown = text ? JSON.parse(text) : undefined;
      if (!res.ok) {
        const error = json as { error?: string; message?: string } | undefined;
        const hint = res.status === 401 ? ' (set IBY_API_KEY)' : '';
        throw new ApiError(res.status, error?.error ?? 'error', `${error?.message ?? res.statusText}${hint}`);
      }
      return json as T;
    },
  };
}
