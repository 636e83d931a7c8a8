import type { PageRoute } from '../index.ts';
import { GunningOverzicht } from './Overzicht.tsx';
import { KaderBeoordelingen } from './KaderBeoordelingen.tsx';
import { InschrijvingBeoordelen } from './InschrijvingBeoordelen.tsx';
import { GunningDetail } from './GunningDetail.tsx';
import './messages.ts';

const ZK = ['beoordelaar', 'manager', 'inkoper'] as PageRoute['rollen'];

export const routes: PageRoute[] = [
  {
    path: '/gunning',
    component: GunningOverzicht,
    titleKey: 'gunning.titel',
    organisaties: ['zorgkantoor', 'zorgaanbieder'],
    rollen: ['beoordelaar', 'manager', 'inkoper', 'aanbieder-contractmanager', 'aanbieder-bestuurder'],
    nav: { section: 'inkoop', labelKey: 'gunning.nav.zk', order: 50, organisaties: ['zorgkantoor'] },
  },
  // The provider's own awards: the same page, reached as "Mijn gunningen".
  {
    path: '/gunning/mijn',
    component: GunningOverzicht,
    titleKey: 'gunning.nav.za',
    organisaties: ['zorgaanbieder'],
    nav: { section: 'inkoop', labelKey: 'gunning.nav.za', order: 50, organisaties: ['zorgaanbieder'] },
  },
  {
    path: '/gunning/kaders/:id',
    component: KaderBeoordelingen,
    titleKey: 'gunning.kader.titel',
    rollen: ZK,
    organisaties: ['zorgkantoor'],
  },
  {
    path: '/gunning/inschrijvingen/:id',
    component: InschrijvingBeoordelen,
    titleKey: 'gunning.kader.titel',
    rollen: ZK,
    organisaties: ['zorgkantoor'],
  },
  {
    path: '/gunning/gunningen/:id',
    component: GunningDetail,
    titleKey: 'gunning.gunning.titel',
    organisaties: ['zorgkantoor', 'zorgaanbieder'],
  },
];
