/** The shell: navigation, the page for the current path, and the API key dialog. */
import { useEffect } from 'preact/hooks';
import { KeyDialog } from './components/key-dialog';
import { ImportPage } from './pages/import';
import { OverviewPage } from './pages/overview';
import { RunPage } from './pages/run';
import { RunsPage } from './pages/runs';
import { SchedulesPage } from './pages/schedules';
import { SecuritiesPage } from './pages/securities';
import { SecurityPage } from './pages/security';
import { onLinkClick, routeOf, useLocation, type Route } from './router';

const NAV: [string, string, Route['page'][]][] = [
  ['/', 'Overview', ['overview']],
  ['/runs', 'Runs', ['runs', 'run']],
  ['/securities', 'Securities', ['securities', 'security']],
  ['/schedules', 'Schedules', ['schedules']],
  ['/import', 'Import', ['import']],
];

function Page({ route, search }: { route: Route; search: string }) {
  switch (route.page) {
    case 'overview':
      return <OverviewPage />;
    case 'runs':
      return <RunsPage search={search} />;
    case 'run':
      return <RunPage workflowId={route.workflowId} />;
    case 'securities':
      return <SecuritiesPage />;
    case 'security':
      return <SecurityPage symbol={route.symbol} />;
    case 'schedules':
      return <SchedulesPage />;
    case 'import':
      return <ImportPage />;
    case 'missing':
      return (
        <>
          <h1>Page not found</h1>
          <p>
            There is no page at <code>{route.path}</code>. <a href="/">Go to the overview</a>.
          </p>
        </>
      );
  }
}

export function App() {
  const { pathname, search } = useLocation();
  const route = routeOf(pathname);
  useEffect(() => {
    document.addEventListener('click', onLinkClick);
    return () => document.removeEventListener('click', onLinkClick);
  }, []);
  useEffect(() => window.scrollTo?.(0, 0), [pathname]);
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header>
        <span class="brand">InvestByYourself</span>
        <nav aria-label="Main">
          {NAV.map(([href, label, pages]) => (
            <a key={href} href={href} aria-current={pages.includes(route.page) ? 'page' : undefined}>
              {label}
            </a>
          ))}
          <a href="/docs">API docs</a>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Page route={route} search={search} />
      </main>
      <KeyDialog />
    </>
  );
}
