import type { PageRoute } from '../index.ts';
import { RegioOverzicht } from './Regios.tsx';
import { RegioDetail } from './RegioDetail.tsx';
import { AanbiederLijst } from './Aanbieders.tsx';
import { AanbiederDetail } from './AanbiederDetail.tsx';
import './messages.ts';

export const routes: PageRoute[] = [
  {
    path: '/regios',
    component: RegioOverzicht,
    titleKey: 'reference.regios.titel',
    nav: { section: 'overzicht', labelKey: 'reference.regios.nav', order: 20 },
  },
  { path: '/regios/:code', component: RegioDetail, titleKey: 'reference.regio.paginatitel' },
  {
    path: '/aanbieders',
    component: AanbiederLijst,
    titleKey: 'reference.aanbieders.titel',
    nav: {
      section: 'overzicht',
      labelKey: 'reference.aanbieders.nav',
      order: 30,
      organisaties: ['zorgkantoor', 'nza', 'cak', 'ciz', 'beheer'],
    },
  },
  {
    path: '/aanbieders/:id',
    component: AanbiederDetail,
    titleKey: 'reference.aanbieder.titel',
    // A provider's "own data" variant: the same page, reached as "Mijn organisatie".
    nav: {
      section: 'overzicht',
      labelKey: 'reference.eigen.nav',
      order: 15,
      organisaties: ['zorgaanbieder'],
      to: (c) => `/aanbieders/${encodeURIComponent(c.organisatieId)}`,
    },
  },
];
