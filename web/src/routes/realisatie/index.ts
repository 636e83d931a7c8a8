import type { PageRoute } from '../index.ts';
import { MonitorPagina } from './Monitor.tsx';
import { ImportPagina } from './Import.tsx';
import { RondesPagina } from './Rondes.tsx';
import { RondeDetailPagina } from './RondeDetail.tsx';
import { UitputtingPagina } from './Uitputting.tsx';
import { NacalculatiePagina } from './Nacalculatie.tsx';
import './messages.ts';

const ZK_NZA = ['zorgkantoor', 'nza'] as const;

export const routes: PageRoute[] = [
  {
    path: '/realisatie/monitor',
    component: MonitorPagina,
    titleKey: 'realisatie.monitor.titel',
    organisaties: [...ZK_NZA],
    nav: { section: 'realisatie', labelKey: 'realisatie.nav.monitor', order: 10, organisaties: [...ZK_NZA] },
  },
  {
    path: '/realisatie/import',
    component: ImportPagina,
    titleKey: 'realisatie.import.titel',
    rollen: ['inkoper', 'controller', 'manager'],
    organisaties: ['zorgkantoor'],
    nav: { section: 'realisatie', labelKey: 'realisatie.nav.import', order: 20, organisaties: ['zorgkantoor'] },
  },
  {
    path: '/realisatie/herschikking',
    component: RondesPagina,
    titleKey: 'realisatie.rondes.titel',
    nav: { section: 'realisatie', labelKey: 'realisatie.nav.rondes', order: 30 },
  },
  {
    path: '/realisatie/herschikking/:id',
    component: RondeDetailPagina,
    titleKey: 'realisatie.rondes.titel',
  },
  {
    path: '/realisatie/uitputting',
    component: UitputtingPagina,
    titleKey: 'realisatie.uitputting.titel',
    nav: { section: 'realisatie', labelKey: 'realisatie.nav.uitputting', order: 40 },
  },
  {
    path: '/realisatie/nacalculatie',
    component: NacalculatiePagina,
    titleKey: 'realisatie.nacalculatie.titel',
    nav: { section: 'realisatie', labelKey: 'realisatie.nav.nacalculatie', order: 50 },
  },
];
