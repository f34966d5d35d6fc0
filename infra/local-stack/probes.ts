import net from 'node:net';

/** True when something accepts a TCP connection at host:port within `timeoutMs`. */
export function canConnect(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** The HTTP status a GET gets, or undefined when nothing answers. */
export async function httpStatus(url: string, timeoutMs = 2000): Promise<number | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.status;
  } catch {
    return undefined;
  }
}

/** Splits `host:port` (TEMPORAL_ADDRESS) or a URL into what canConnect needs. */
export function hostAndPort(addressOrUrl: string): { host: string; port: number } {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(addressOrUrl)) {
    const url = new URL(addressOrUrl);
    const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
    return { host: url.hostname.replace(/^\[|\]$/g, ''), port };
  }
  const at = addressOrUrl.lastIndexOf(':');
  return { host: addressOrUrl.slice(0, at), port: Number(addressOrUrl.slice(at + 1)) };
}

/** A URL fit to print: the password, if any, replaced. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
