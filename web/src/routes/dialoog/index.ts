import type { PageRoute } from '../index.ts';
import { Classificaties } from './Classificaties.tsx';
import { DialoogPagina } from './DialoogPagina.tsx';
import './messages.ts';
import './dialoog.css';

const ZK: PageRoute['rollen'] = ['inkoper', 'manager', 'beoordelaar', 'controller'];
const ZA: PageRoute['rollen'] = ['aanbieder-contractmanager', 'aanbieder-bestuurder', 'clientenraad'];

export const routes: PageRoute[] = [
  // The zorgkantoor's classification list of the bidders (sealed until the deadline).
  {
    path: '/inkoop/kaders/:id/classificaties',
    component: Classificaties,
    titleKey: 'dialoog.classificaties.titel',
    rollen: ZK,
    organisaties: ['zorgkantoor'],
  },
  // Dialogue minutes of one bid: the zorgkantoor records, the provider reads its own.
  {
    path: '/inkoop/inschrijvingen/:id/dialoog',
    component: DialoogPagina,
    titleKey: 'dialoog.titel',
    rollen: [...(ZK as string[]), ...(ZA as string[])] as PageRoute['rollen'],
  },
];
