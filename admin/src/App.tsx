/**
 * The app shell: the session (login screen until there is one), the header with who is signed
 * in, the language switch and the main navigation, and the screen for the current address.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, del, get, setCsrfToken, setUnauthorizedHandler } from './api.ts';
import { Link } from './components/Link.tsx';
import { ScreenHeading } from './components/ScreenHeading.tsx';
import { useI18n, UI_LOCALES } from './i18n/index.tsx';
import type { UiLocale } from './i18n/index.tsx';
import { parseRoute, useLocation } from './router.ts';
import type { Route } from './router.ts';
import { ArticleList } from './screens/ArticleList.tsx';
import { Login } from './screens/Login.tsx';
import { MediaLibrary } from './screens/MediaLibrary.tsx';
import { NewArticle } from './screens/NewArticle.tsx';
import { Taxonomy } from './screens/Taxonomy.tsx';
import { Tokens } from './screens/Tokens.tsx';
import { Users } from './screens/Users.tsx';
import { mayViewAnalytics } from './analytics/access.ts';
import { mayOpen, ROLE_KEYS, SessionContext, useSession } from './session.tsx';
import type { SessionValue } from './session.tsx';
import type { Session, User } from './types.ts';

// The editor (TipTap and ProseMirror) is most of the code: it loads when first opened. (The
// users and sections screens are a few KB: split off, they saved less than the extra chunks
// cost in requests.)
const ArticleEditor = lazy(() =>
  import('./screens/ArticleEditor.tsx').then((module) => ({ default: module.ArticleEditor })),
);
// The distribution screens (webhooks, Content API keys, ninjs import) are for a few people and
// rarely opened: one chunk for the three, loaded on first use.
const Webhooks = lazy(() =>
  import('./screens/distribution.ts').then((module) => ({ default: module.Webhooks })),
);
const ContentKeys = lazy(() =>
  import('./screens/distribution.ts').then((module) => ({ default: module.ContentKeys })),
);
const NinjsImport = lazy(() =>
  import('./screens/distribution.ts').then((module) => ({ default: module.NinjsImport })),
);
// The corrections and trust screens: the error-report queue, one report, the policy pages.
const ErrorReportQueue = lazy(() =>
  import('./screens/trust.ts').then((module) => ({ default: module.ErrorReportQueue })),
);
const ErrorReportScreen = lazy(() =>
  import('./screens/trust.ts').then((module) => ({ default: module.ErrorReportScreen })),
);
// Policies use the body editor: their own chunk, sharing TipTap's with the article editor.
const Policies = lazy(() =>
  import('./screens/Policies.tsx').then((module) => ({ default: module.Policies })),
);
// The analytics dashboard brings its chart library (uPlot): loaded only when it is opened.
const Analytics = lazy(() =>
  import('./screens/Analytics.tsx').then((module) => ({ default: module.Analytics })),
);

type SessionState =
  { kind: 'checking' } | { kind: 'out'; expired: boolean } | { kind: 'in'; user: User };

export function App() {
  const { t } = useI18n();
  const [session, setSession] = useState<SessionState>({ kind: 'checking' });
  const location = useLocation();
  const route = parseRoute(location.pathname, location.search);

  useEffect(() => {
    setUnauthorizedHandler(() => setSession({ kind: 'out', expired: true }));
    let live = true;
    get<Session>('/session')
      .then((found) => {
        setCsrfToken(found.csrfToken);
        if (live) setSession({ kind: 'in', user: found.user });
      })
      .catch(() => {
        if (live) setSession({ kind: 'out', expired: false });
      });
    return () => {
      live = false;
      setUnauthorizedHandler(null);
    };
  }, []);

  const logOut = useCallback(async () => {
    try {
      await del('/session');
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
    }
    setCsrfToken('');
    setSession({ kind: 'out', expired: false });
  }, []);

  const sessionValue = useMemo<SessionValue | null>(
    () => (session.kind === 'in' ? { user: session.user, logOut } : null),
    [session, logOut],
  );

  if (session.kind === 'checking')
    return (
      <main id="content" className="page narrow">
        <p role="status">{t('loading')}</p>
      </main>
    );

  if (session.kind === 'out' || !sessionValue)
    return (
      <>
        <Header user={null} onLogOut={null} />
        <main id="content" className="page narrow" tabIndex={-1}>
          <Login
            expired={session.kind === 'out' && session.expired}
            onLoggedIn={(found) => {
              setCsrfToken(found.csrfToken);
              setSession({ kind: 'in', user: found.user });
            }}
          />
        </main>
      </>
    );

  return (
    <SessionContext.Provider value={sessionValue}>
      <a className="skip-link" href="#content">
        {t('skipToContent')}
      </a>
      <Header user={session.user} onLogOut={logOut} />
      <main id="content" className="page" tabIndex={-1}>
        <Screen route={route} />
      </main>
    </SessionContext.Provider>
  );
}

function Screen({ route }: { route: Route }) {
  const { t } = useI18n();
  const { user } = useSession();
  switch (route.name) {
    case 'list':
      return <ArticleList params={route.params} />;
    case 'new':
      return <NewArticle />;
    case 'editor':
      return (
        <Suspense fallback={<p role="status">{t('loading')}</p>}>
          <ArticleEditor key={route.id} id={route.id} />
        </Suspense>
      );
    case 'media':
      return <MediaLibrary params={route.params} />;
    case 'tokens':
      return <Tokens />;
    case 'users':
      return mayOpen(user.role, 'users') ? <Users /> : <NotFound />;
    case 'taxonomy':
      return mayOpen(user.role, 'taxonomy') ? <Taxonomy /> : <NotFound />;
    case 'webhooks':
    case 'contentKeys':
    case 'import': {
      if (!mayOpen(user.role, route.name)) return <NotFound />;
      const LazyScreen = { webhooks: Webhooks, contentKeys: ContentKeys, import: NinjsImport }[
        route.name
      ];
      return (
        <Suspense fallback={<p role="status">{t('loading')}</p>}>
          <LazyScreen />
        </Suspense>
      );
    }
    case 'reports':
      return mayOpen(user.role, 'reports') ? (
        <Suspense fallback={<p role="status">{t('loading')}</p>}>
          <ErrorReportQueue params={route.params} />
        </Suspense>
      ) : (
        <NotFound />
      );
    case 'report':
      return mayOpen(user.role, 'reports') ? (
        <Suspense fallback={<p role="status">{t('loading')}</p>}>
          <ErrorReportScreen key={route.id} id={route.id} />
        </Suspense>
      ) : (
        <NotFound />
      );
    case 'policies':
      return mayOpen(user.role, 'policies') ? (
        <Suspense fallback={<p role="status">{t('loading')}</p>}>
          <Policies params={route.params} />
        </Suspense>
      ) : (
        <NotFound />
      );
    case 'analytics':
      return mayViewAnalytics(user.role) ? (
        <Suspense fallback={<p role="status">{t('loading')}</p>}>
          <Analytics params={route.params} />
        </Suspense>
      ) : (
        <NotFound />
      );
    case 'notFound':
      return <NotFound />;
  }
}

function NotFound() {
  const { t } = useI18n();
  return (
    <>
      <ScreenHeading title={t('notFound')} />
      <p>{t('notFoundText')}</p>
      <p>
        <Link to="/">{t('backToArticles')}</Link>
      </p>
    </>
  );
}

function Header({ user, onLogOut }: { user: User | null; onLogOut: (() => void) | null }) {
  const { t, locale, setLocale } = useI18n();
  const location = useLocation();
  const route = parseRoute(location.pathname, location.search);
  const current = (names: Route['name'][]) =>
    names.includes(route.name) ? ('page' as const) : undefined;
  return (
    <header className="app-header">
      <div className="brand">{t('appName')}</div>
      {user && (
        <nav aria-label={t('mainNav')} className="main-nav">
          <ul>
            <li>
              <Link to="/" aria-current={current(['list', 'editor', 'new'])}>
                {t('navArticles')}
              </Link>
            </li>
            <li>
              <Link to="/media" aria-current={current(['media'])}>
                {t('navMedia')}
              </Link>
            </li>
            {mayViewAnalytics(user.role) && (
              <li>
                <Link to="/analytics" aria-current={current(['analytics'])}>
                  {t('navAnalytics')}
                </Link>
              </li>
            )}
            {mayOpen(user.role, 'reports') && (
              <li>
                <Link to="/reports" aria-current={current(['reports', 'report'])}>
                  {t('navReports')}
                </Link>
              </li>
            )}
            {mayOpen(user.role, 'taxonomy') && (
              <li>
                <Link to="/taxonomy" aria-current={current(['taxonomy'])}>
                  {t('navTaxonomy')}
                </Link>
              </li>
            )}
            {mayOpen(user.role, 'users') && (
              <li>
                <Link to="/users" aria-current={current(['users'])}>
                  {t('navUsers')}
                </Link>
              </li>
            )}
            {mayOpen(user.role, 'import') && (
              <li>
                <Link to="/import" aria-current={current(['import'])}>
                  {t('navImport')}
                </Link>
              </li>
            )}
            {mayOpen(user.role, 'contentKeys') && (
              <li>
                <Link to="/content-keys" aria-current={current(['contentKeys'])}>
                  {t('navContentKeys')}
                </Link>
              </li>
            )}
            {mayOpen(user.role, 'policies') && (
              <li>
                <Link to="/policies" aria-current={current(['policies'])}>
                  {t('navPolicies')}
                </Link>
              </li>
            )}
            {mayOpen(user.role, 'webhooks') && (
              <li>
                <Link to="/webhooks" aria-current={current(['webhooks'])}>
                  {t('navWebhooks')}
                </Link>
              </li>
            )}
            <li>
              <Link to="/tokens" aria-current={current(['tokens'])}>
                {t('navTokens')}
              </Link>
            </li>
          </ul>
        </nav>
      )}
      <div className="header-tools">
        <label className="inline-field">
          <span>{t('language')}</span>
          <select value={locale} onChange={(event) => setLocale(event.target.value as UiLocale)}>
            {UI_LOCALES.map((code) => (
              <option key={code} value={code} lang={code}>
                {code === 'en' ? 'English' : 'Español'}
              </option>
            ))}
          </select>
        </label>
        {user && (
          <>
            <span className="whoami">
              {t('signedInAs', { name: user.name, role: t(ROLE_KEYS[user.role]) })}
            </span>
            <button type="button" className="button secondary" onClick={() => onLogOut?.()}>
              {t('logOut')}
            </button>
          </>
        )}
      </div>
    </header>
  );
}
