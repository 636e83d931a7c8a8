import type { PageRoute } from '../index.ts';
import { Signalenregister } from './Signalenregister.tsx';
import './messages.ts';

export { SignalenVanAanbieder } from './SignalenVanAanbieder.tsx';

export const routes: PageRoute[] = [
  // Zorgkantoor staff (manager/inkoper register; beoordelaar/controller read) and the NZa (reads all). Never providers.
  {
    path: '/signalen',
    component: Signalenregister,
    titleKey: 'signalen.titel',
    organisaties: ['zorgkantoor', 'nza'],
    rollen: ['manager', 'inkoper', 'beoordelaar', 'controller', 'toezichthouder'],
    nav: { section: 'inkoop', labelKey: 'signalen.nav', order: 60, organisaties: ['zorgkantoor', 'nza'] },
  },
];
