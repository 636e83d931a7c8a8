import type { PageRoute } from '../index.ts';
import { Dashboard } from './Dashboard.tsx';
import { LoginPagina } from './Login.tsx';
import { TakenPagina } from './Taken.tsx';
import './messages.ts';

export const routes: PageRoute[] = [
  {
    path: '/',
    component: Dashboard,
    titleKey: 'overzicht.titel',
    nav: { section: 'overzicht', labelKey: 'overzicht.nav', order: 10 },
  },
  { path: '/inloggen', component: LoginPagina, titleKey: 'overzicht.login.titel', publiek: true },
  {
    path: '/taken',
    component: TakenPagina,
    titleKey: 'overzicht.taken.titel',
    nav: { section: 'overzicht', labelKey: 'overzicht.taken.nav', order: 90 },
  },
];
