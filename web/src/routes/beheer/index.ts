import type { PageRoute } from '../index.ts';
import { GebruikersPagina } from './Gebruikers.tsx';
import { RegioIndelingPagina } from './RegioIndeling.tsx';
import './messages.ts';

export const routes: PageRoute[] = [
  {
    path: '/beheer/gebruikers',
    component: GebruikersPagina,
    titleKey: 'beheer.gebruikers.titel',
    rollen: ['beheerder'],
    nav: { section: 'beheer', labelKey: 'beheer.gebruikers.nav', order: 10 },
  },
  {
    path: '/beheer/regio-indeling',
    component: RegioIndelingPagina,
    titleKey: 'beheer.indeling.titel',
    // only the operator's applicatiebeheerder: the mapping decides which zorgkantoor sees a region's figures
    rollen: ['applicatiebeheerder'],
    organisaties: ['beheer'],
    nav: { section: 'beheer', labelKey: 'beheer.indeling.nav', order: 20 },
  },
];
