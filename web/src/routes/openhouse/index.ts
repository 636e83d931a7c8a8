import type { PageRoute } from '../index.ts';
import { OpenHouseKaders } from './Kaders.tsx';
import { KaderToelatingen } from './KaderToelatingen.tsx';
import { MijnToelatingen } from './MijnToelatingen.tsx';
import './messages.ts';

const ZK = ['manager', 'inkoper', 'beoordelaar', 'controller'] as PageRoute['rollen'];

export const routes: PageRoute[] = [
  {
    path: '/openhouse',
    component: OpenHouseKaders,
    titleKey: 'openhouse.titel',
    rollen: ZK,
    organisaties: ['zorgkantoor'],
    nav: { section: 'inkoop', labelKey: 'openhouse.nav.zk', order: 55, organisaties: ['zorgkantoor'] },
  },
  {
    path: '/openhouse/kaders/:id',
    component: KaderToelatingen,
    titleKey: 'openhouse.kader.titel',
    rollen: ZK,
    organisaties: ['zorgkantoor'],
  },
  {
    path: '/openhouse/mijn',
    component: MijnToelatingen,
    titleKey: 'openhouse.nav.za',
    organisaties: ['zorgaanbieder'],
    rollen: ['aanbieder-contractmanager', 'aanbieder-bestuurder', 'clientenraad'],
    nav: { section: 'inkoop', labelKey: 'openhouse.nav.za', order: 55, organisaties: ['zorgaanbieder'] },
  },
];
