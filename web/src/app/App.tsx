/**
 * The application shell: skip link, header (organisation, user, language, jobs, sign out),
 * role-aware navigation built from the page routes, the main landmark with the current page,
 * focus moved to the page heading after every navigation.
 */
import { Component, useEffect, useMemo, useRef, useState, type ErrorInfo, type ReactNode, type RefObject } from 'react';
import { allRoutes } from '../routes/index.ts';
import { LoginPagina } from '../routes/overzicht/Login.tsx';
import { useI18n, useT } from './i18n.tsx';
import {
  findRoute,
  Link,
  mayOpen,
  NAV_SECTIONS,
  ParamsProvider,
  Redirect,
  useLocation,
  type NavContext,
  type PageRoute,
} from './router.tsx';
import { useSession } from './session.tsx';
import { TakenPaneel } from './jobs.tsx';
import { Loading, PageHeader, ProblemAlert } from '../ui/components.tsx';
import type { Taal } from '../ui/format.ts';
import './messages.ts';

interface NavItem {
  to: string;
  labelKey: string;
  order: number;
}

function buildNav(routes: PageRoute[], c: NavContext) {
  return NAV_SECTIONS.map((section) => {
    const items: NavItem[] = routes
      .filter(
        (r) =>
          r.nav?.section === section &&
          mayOpen(r, c) &&
          (!r.nav.organisaties || r.nav.organisaties.includes(c.organisatieSoort)),
      )
      .map((r) => ({
        to: typeof r.nav!.to === 'function' ? r.nav!.to(c) : (r.nav!.to ?? r.path),
        labelKey: r.nav!.labelKey,
        order: r.nav!.order,
      }))
      .sort((a, b) => a.order - b.order);
    return { section, items };
  }).filter((s) => s.items.length > 0);
}

function TaalKeuze() {
  const t = useT();
  const { taal } = useI18n();
  const { kiesTaal } = useSession();
  return (
    <div className="taalkeuze" role="group" aria-label={t('app.taal.label')}>
      {(['nl', 'en'] as Taal[]).map((x) => (
        <button
          key={x}
          type="button"
          lang={x}
          className="btn btn-header"
          aria-pressed={taal === x}
          onClick={() => kiesTaal(x)}
        >
          {t(`app.taal.${x}`)}
        </button>
      ))}
    </div>
  );
}

function Header() {
  const t = useT();
  const { gebruiker, logout, logoutOveral } = useSession();
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            Wlz
          </span>
          <span className="brand-text">
            <span className="brand-name">{t('app.naam')}</span>
            <span className="brand-sub">{t('app.ondertitel')}</span>
          </span>
        </Link>
        <div className="header-tools">
          {gebruiker && (
            <div className="user">
              <span className="user-org">
                {gebruiker.organisatieNaam}{' '}
                <span className="user-soort">· {t(`app.organisatie.${gebruiker.organisatieSoort}`)}</span>
              </span>
              <span className="user-name">
                {gebruiker.naam}{' '}
                <span className="user-rollen">({gebruiker.rollen.map((r) => t(`app.rol.${r}`)).join(', ')})</span>
              </span>
            </div>
          )}
          <TaalKeuze />
          {gebruiker && <TakenPaneel />}
          {gebruiker && (
            <button
              type="button"
              className="btn btn-header"
              onClick={() => {
                logout().catch(() => undefined);
              }}
            >
              {t('app.uitloggen')}
            </button>
          )}
          {gebruiker && (
            <button
              type="button"
              className="btn btn-header"
              title={t('app.uitloggen.overal.uitleg')}
              onClick={() => {
                logoutOveral().catch(() => undefined);
              }}
            >
              {t('app.uitloggen.overal')}
            </button>
          )}
        </div>
      </div>
    </header>
  );
}

function Navigatie({ c }: { c: NavContext }) {
  const t = useT();
  const nav = useMemo(() => buildNav(allRoutes, c), [c]);
  const location = useLocation();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    setOpen(false);
  }, [location.pathname]);
  return (
    <nav className={`app-nav${open ? ' app-nav-open' : ''}`} aria-label={t('app.nav.label')}>
      {/* on narrow screens the menu folds away behind this button */}
      <button
        type="button"
        className="btn btn-secondary nav-toggle"
        aria-expanded={open}
        aria-controls="app-nav-items"
        onClick={() => setOpen(!open)}
      >
        {t('app.nav.menu')}
      </button>
      <div id="app-nav-items" className="nav-items">
        {nav.map((s) => (
          <div key={s.section} className="nav-section">
            <h2 className="nav-heading" id={`nav-${s.section}`}>
              {t(`app.sectie.${s.section}`)}
            </h2>
            <ul aria-labelledby={`nav-${s.section}`}>
              {s.items.map((i) => (
                <li key={i.to}>
                  <Link to={i.to} activeMatch={i.to === '/' ? 'exact' : 'prefix'}>
                    {t(i.labelKey)}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </nav>
  );
}

function NietGevonden() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('app.nietgevonden.titel')} />
      <p>{t('app.nietgevonden.tekst')}</p>
      <p>
        <Link to="/">{t('app.naar.overzicht')}</Link>
      </p>
    </>
  );
}

function GeenToegang() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('app.geentoegang.titel')} />
      <p>{t('app.geentoegang.tekst')}</p>
      <p>
        <Link to="/">{t('app.naar.overzicht')}</Link>
      </p>
    </>
  );
}

/** A page that crashes shows an error instead of taking the whole shell down. */
class PageBoundary extends Component<{ children: ReactNode; titel: string }, { error: unknown }> {
  state = { error: null as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('Pagina-fout', error, info.componentStack);
  }
  render() {
    if (this.state.error) {
      return (
        <>
          <PageHeader title={this.props.titel} />
          <ProblemAlert error={this.state.error} onRetry={() => this.setState({ error: null })} />
        </>
      );
    }
    return this.props.children;
  }
}

/** After a navigation, move focus to the page heading (or main) so screen readers announce it. */
function useFocusOnNavigate(key: string, main: RefObject<HTMLElement | null>) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const id = setTimeout(() => {
      const h = document.getElementById('page-title');
      if (h) h.focus({ preventScroll: false });
      else main.current?.focus();
      window.scrollTo(0, 0);
    }, 0);
    return () => clearTimeout(id);
  }, [key, main]);
}

export function App() {
  const t = useT();
  const session = useSession();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  // also after signing in or out, when the path stays the same but the page changes
  useFocusOnNavigate(`${location.pathname}|${session.gebruiker?.gebruikerId ?? ''}`, main);

  const g = session.gebruiker;
  const c: NavContext | null = useMemo(
    () => (g ? { organisatieId: g.organisatieId, organisatieSoort: g.organisatieSoort, rollen: g.rollen } : null),
    [g],
  );
  const found = findRoute(allRoutes, location.pathname);

  let titel = t('app.naam');
  let page: ReactNode;
  if (session.laden) page = <Loading />;
  else if (!g && !found?.route.publiek) {
    page = <LoginPagina />;
    titel = t('overzicht.login.titel');
  } else if (g && location.pathname === '/inloggen') page = <Redirect to="/" />;
  else if (!found) {
    page = <NietGevonden />;
    titel = t('app.nietgevonden.titel');
  } else if (!mayOpen(found.route, c)) {
    page = <GeenToegang />;
    titel = t('app.geentoegang.titel');
  } else {
    const Page = found.route.component;
    titel = t(found.route.titleKey);
    page = (
      <PageBoundary key={location.pathname} titel={titel}>
        <ParamsProvider params={found.params}>
          <Page key={found.route.path} params={found.params} />
        </ParamsProvider>
      </PageBoundary>
    );
  }
  useEffect(() => {
    document.title = titel === t('app.naam') ? titel : `${titel} — ${t('app.naam')}`;
  }, [titel, t]);

  return (
    <>
      <a className="skip-link" href="#inhoud">
        {t('app.skip')}
      </a>
      <Header />
      <div className={c ? 'app-body' : 'app-body app-body-plain'}>
        {c && <Navigatie c={c} />}
        <main id="inhoud" ref={main} tabIndex={-1} className="app-main">
          {page}
        </main>
      </div>
      <footer className="app-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}
