/** History-API routing: the server answers every page path with index.html, the app picks the page here. */
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { page: 'overview' }
  | { page: 'runs' }
  | { page: 'run'; workflowId: string }
  | { page: 'securities' }
  | { page: 'security'; symbol: string }
  | { page: 'schedules' }
  | { page: 'import' }
  | { page: 'missing'; path: string };

export function routeOf(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { page: 'overview' };
  const [head, rest] = [parts[0], parts.slice(1).join('/')];
  if (head === 'runs') return rest ? { page: 'run', workflowId: rest } : { page: 'runs' };
  if (head === 'securities') return rest ? { page: 'security', symbol: rest } : { page: 'securities' };
  if (head === 'schedules' && !rest) return { page: 'schedules' };
  if (head === 'import' && !rest) return { page: 'import' };
  return { page: 'missing', path };
}

export function navigate(to: string): void {
  history.pushState(null, '', to);
  dispatchEvent(new PopStateEvent('popstate'));
}

/** The current location, updated on navigation. */
export function useLocation(): { pathname: string; search: string } {
  const read = () => ({ pathname: location.pathname, search: location.search });
  const [loc, setLoc] = useState(read);
  useEffect(() => {
    const onPop = () => setLoc(read());
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  return loc;
}

/** Same-tab clicks on in-app links go through the router; modified clicks keep the browser's behaviour. */
export function onLinkClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  const anchor = (event.target as Element | null)?.closest?.('a');
  const href = anchor?.getAttribute('href');
  if (!anchor || !href || !href.startsWith('/') || anchor.target || anchor.hasAttribute('download')) return;
  if (href.startsWith('/v1/') || href.startsWith('/docs')) return;
  event.preventDefault();
  navigate(href);
}
