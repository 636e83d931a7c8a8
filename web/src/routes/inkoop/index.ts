import type { PageRoute } from '../index.ts';
import { KaderLijst } from './KaderLijst.tsx';
import { KaderDetail } from './KaderDetail.tsx';
import { InschrijvingPagina } from './InschrijvingPagina.tsx';
import './messages.ts';

const ZK: PageRoute['rollen'] = ['inkoper', 'manager', 'beoordelaar', 'controller'];
const ZA: PageRoute['rollen'] = ['aanbieder-contractmanager', 'aanbieder-bestuurder', 'clientenraad'];

export const routes: PageRoute[] = [
  {
    path: '/inkoop/kaders',
    component: KaderLijst,
    titleKey: 'inkoop.lijst.titel',
    rollen: [...(ZK as string[]), ...(ZA as string[])] as PageRoute['rollen'],
    nav: { section: 'inkoop', labelKey: 'inkoop.nav.zk', order: 10, organisaties: ['zorgkantoor'] },
  },
  // The provider's view of the same list: open procedures in its regions.
  {
    path: '/inkoop/open',
    component: KaderLijst,
    titleKey: 'inkoop.nav.za',
    rollen: ZA,
    organisaties: ['zorgaanbieder'],
    nav: { section: 'inkoop', labelKey: 'inkoop.nav.za', order: 10, organisaties: ['zorgaanbieder'] },
  },
  { path: '/inkoop/kaders/:id', component: KaderDetail, titleKey: 'inkoop.kader.kader' },
  {
    path: '/inkoop/inschrijvingen/:id',
    component: InschrijvingPagina,
    titleKey: 'inkoop.inschrijving.titel',
    rollen: [...(ZK as string[]), ...(ZA as string[])] as PageRoute['rollen'],
  },
];
