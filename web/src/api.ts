/**
 * The dashboard's one way to the API: same origin, JSON, errors turned into words. The API key is asked once
 * (when a route answers 401) and kept in sessionStorage, so it lives as long as the browser tab.
 */
const KEY_STORAGE = 'iby.apiKey';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
  /** The route does not exist on this server (yet): a feature another release adds. */
  get notAvailable(): boolean {
    return this.status === 404 && this.code === 'not_found' && this.message.startsWith('no route');
  }
}

export const apiKey = {
  get: (): string | null => sessionStorage.getItem(KEY_STORAGE),
  set: (key: string): void => sessionStorage.setItem(KEY_STORAGE, key),
  clear: (): void => sessionStorage.removeItem(KEY_STORAGE),
};

/** Asks the person for the key; the app installs a dialog, tests a stub. Resolves null when they cancel. */
let askForKey: (reason: string) => Promise<string | null> = () => Promise.resolve(null);
export function setKeyPrompt(prompt: (reason: string) => Promise<string | null>): void {
  askForKey = prompt;
}

/** Words for a status when the body has none (a proxy's page, a network failure). */
function describe(status: number): string {
  if (status === 401) return 'The API key is missing or wrong.';
  if (status === 404) return 'Not found.';
  if (status === 429) return 'Too many requests; wait a moment and try again.';
  if (status === 503) return 'A backing service (Temporal, Postgres, Redis or S3) is unavailable right now.';
  if (status >= 500) return 'The server failed; its log has the details.';
  return `The request failed (HTTP ${status}).`;
}

async function errorOf(res: Response): Promise<ApiError> {
  let message = describe(res.status);
  let code: string | undefined;
  try {
    const body = (await res.json()) as { error?: string; message?: string };
    if (body.message) message = body.message;
    code = body.error;
  } catch {
    // Not JSON: the status words stand.
  }
  return new ApiError(res.status, message, code);
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** False: a 401 is an error rather than a prompt (reads a page can do without, like the overview's schedules). */
  ask?: boolean;
}

/** JSON (or text for `as: 'text'`) from the API; a 401 asks for the key once and repeats the request. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    const key = apiKey.get();
    if (key) headers['x-api-key'] = key;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(path, {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
    } catch {
      throw new ApiError(0, 'The API cannot be reached: is the server running?');
    }
    if (res.status === 401 && attempt === 0 && options.ask !== false) {
      if (key) apiKey.clear();
      const entered = await askForKey(key ? 'The API key was not accepted.' : 'This action needs the API key.');
      if (entered) {
        apiKey.set(entered);
        continue;
      }
    }
    if (!res.ok) throw await errorOf(res);
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }
}

/** A message for any thrown value, for the error banners. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
