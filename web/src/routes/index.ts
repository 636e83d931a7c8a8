/// <reference types="vite/client" />
/**
 * PAGE ROUTES — the pattern every capability follows.
 *
 * Each capability has a folder web/src/routes/<capability>/ (reference, overzicht, beheer, inkoop,
 * gunning, tarieven, budget, realisatie, clienten, kwaliteit, openbaar, …) with:
 *
 *   messages.ts   registerMessages('<capability>', { nl: {...}, en: {...} })   (app/i18n.tsx)
 *   index.ts      import './messages.ts';
 *                 export const routes: PageRoute[] = [ ... ];                   (app/router.tsx)
 *   <Page>.tsx    one component per page: export function RegioOverzicht(_: PageProps) { ... }
 *
 * This file collects every `routes/<folder>/index.ts` automatically (Vite's import.meta.glob), so
 * adding a folder needs no edit here. A route looks like:
 *
 *   {
 *     path: '/tarieven/:id',                   // params arrive as props.params and via useParams()
 *     component: TariefDetail,
 *     titleKey: 'tarieven.detail.titel',       // document title; the page renders <PageHeader>
 *     nav: { section: 'tarieven', labelKey: 'tarieven.nav', order: 10 },   // optional
 *     rollen: ['inkoper', 'manager'],          // optional, default 'ingelogd'
 *     organisaties: ['zorgkantoor'],           // optional, default every kind
 *   }
 *
 * Sections (in display order): overzicht · inkoop · tarieven · budget · realisatie · clienten ·
 * kwaliteit · openbaar · beheer. The navigation shows a section only when the signed-in user may
 * open at least one of its items (mayOpen in app/router.tsx), so it is role-aware from this data.
 * A provider sees the same sections restricted to its own data: declare a nav item with
 * `nav.organisaties: ['zorgaanbieder']` and, if needed, a dynamic `nav.to: (c) => '/aanbieders/' + c.organisatieId`.
 * The server still checks every API call; hiding a link is convenience, not security.
 *
 * Data: TanStack Query with api.get/post/put/patch/del/upload from app/api.ts (paths relative to
 * /api/v1; CSRF header added; errors are ApiError → show with <ProblemAlert error={e} />, or wrap a
 * query in <QueryState query={q} notFound={…}>{(data) => …}</QueryState>). Shared UI from
 * web/src/ui/index.ts: PageHeader (the page's only h1; the shell focuses it after navigation),
 * Section, Table (sortable, filter, paged; `paging` for server-side pages), TextInput, TextArea,
 * Select, Checkbox, Fieldset, FileInput, Button, Alert, ProblemAlert, Badge, Loading, EmptyState,
 * DetailList, ProgressBar, Countdown. Long work: <TaakVoortgang id={taakId} /> from app/jobs.tsx.
 * Amounts are decimal strings: formatBedrag / formatPercentage / percentageVan / compareDecimal
 * from ui/format.ts — never parseFloat. Session: useSession() from app/session.tsx.
 * Page-specific CSS: a .css file in the folder, imported by the page (plain CSS, uses the
 * variables in app/styles.css).
 *
 * Tests: e2e/<capability>.e2e.ts with startE2eServer(), launchBrowser(), newPage(), login(page,
 * email) from e2e/helpers.ts. e2e/i18n.e2e.ts fails when a Dutch key lacks English (or back) or a
 * literal t('…') key does not exist.
 */
import type { PageRoute } from '../app/router.tsx';

export type { PageRoute, PageProps, NavSection } from '../app/router.tsx';

const modules = import.meta.glob<{ routes?: PageRoute[] }>('./*/index.ts', { eager: true });

/** Static segments win over parameters ("/aanbieders/nieuw" before "/aanbieders/:id"). */
function specificity(path: string): number[] {
  return path
    .split('/')
    .filter(Boolean)
    .map((s) => (s === '*' ? 0 : s.startsWith(':') ? 1 : 2));
}
function compare(a: PageRoute, b: PageRoute): number {
  const sa = specificity(a.path),
    sb = specificity(b.path);
  for (let i = 0; i < Math.max(sa.length, sb.length); i++) {
    const x = sa[i] ?? -1,
      y = sb[i] ?? -1;
    if (x !== y) return y - x;
  }
  return 0;
}

export const allRoutes: PageRoute[] = Object.keys(modules)
  .sort()
  .flatMap((k) => modules[k].routes ?? [])
  .sort(compare);

if (import.meta.env.DEV) {
  const seen = new Set<string>();
  for (const r of allRoutes) {
    if (seen.has(r.path)) console.warn(`Route ${r.path} is twee keer gedeclareerd.`);
    seen.add(r.path);
  }
}
