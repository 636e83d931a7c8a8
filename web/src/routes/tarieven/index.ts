import type { PageRoute } from '../index.ts';
import { VergelijkingPagina } from './Vergelijking.tsx';
import { BeleidPagina } from './Beleid.tsx';
import { BeleidBewerken } from './BeleidBewerken.tsx';
import { MijnTarieven } from './MijnTarieven.tsx';
import './messages.ts';

export const routes: PageRoute[] = [
  {
    path: '/tarieven/vergelijking',
    component: VergelijkingPagina,
    titleKey: 'tarieven.vergelijk.titel',
    nav: { section: 'tarieven', labelKey: 'tarieven.nav.vergelijk', order: 10 },
  },
  {
    path: '/tarieven/beleid',
    component: BeleidPagina,
    titleKey: 'tarieven.beleid.titel',
    nav: {
      section: 'tarieven',
      labelKey: 'tarieven.nav.beleid',
      order: 20,
      organisaties: ['zorgkantoor', 'nza', 'cak', 'ciz', 'beheer'],
    },
  },
  {
    path: '/tarieven/bewerken',
    component: BeleidBewerken,
    titleKey: 'tarieven.bewerken.titel',
    rollen: ['manager'],
    organisaties: ['zorgkantoor'],
    nav: { section: 'tarieven', labelKey: 'tarieven.nav.bewerken', order: 30 },
  },
  {
    path: '/tarieven/mijn',
    component: MijnTarieven,
    titleKey: 'tarieven.mijn.titel',
    organisaties: ['zorgaanbieder'],
    nav: { section: 'tarieven', labelKey: 'tarieven.nav.mijn', order: 5, organisaties: ['zorgaanbieder'] },
  },
];
