import type { PageRoute } from '../index.ts';
import { OpenbareKaders } from './OpenbareKaders.tsx';
import { OpenbaarKader } from './OpenbaarKader.tsx';
import './messages.ts';

/** Public pages: reachable without signing in (publiek), and in the 'openbaar' section of the menu for everyone signed in. */
export const routes: PageRoute[] = [
  {
    path: '/openbaar/inkoopkaders',
    component: OpenbareKaders,
    titleKey: 'openbaar.lijst.titel',
    publiek: true,
    nav: { section: 'openbaar', labelKey: 'openbaar.nav', order: 10 },
  },
  { path: '/openbaar/inkoopkaders/:id', component: OpenbaarKader, titleKey: 'openbaar.detail.titel', publiek: true },
  {
    path: '/openbaar/inkoopkaders/:id/versies/:versie',
    component: OpenbaarKader,
    titleKey: 'openbaar.detail.titel',
    publiek: true,
  },
];
