import type { PageRoute } from '../index.ts';
import { Werklijst } from './Werklijst.tsx';
import { ClientDossier } from './ClientDossier.tsx';
import { Wachtlijst } from './Wachtlijst.tsx';
import { Berichten } from './Berichten.tsx';
import { Verzoeken } from './Verzoeken.tsx';
import './messages.ts';

export const routes: PageRoute[] = [
  // Personal data: only the zorgbemiddelaar of the zorgkantoor (the API checks region and role again).
  {
    path: '/clientstroom',
    component: Werklijst,
    titleKey: 'clientstroom.titel',
    organisaties: ['zorgkantoor'],
    rollen: ['zorgbemiddelaar'],
    nav: { section: 'clienten', labelKey: 'clientstroom.nav', order: 10, organisaties: ['zorgkantoor'] },
  },
  {
    path: '/clientstroom/clienten/:id',
    component: ClientDossier,
    titleKey: 'clientstroom.client.titel',
    organisaties: ['zorgkantoor', 'zorgaanbieder'],
    rollen: ['zorgbemiddelaar', 'aanbieder-contractmanager'],
  },
  // Aggregated figures, no personal data rows except for the zorgbemiddelaar.
  {
    path: '/clientstroom/wachtlijst',
    component: Wachtlijst,
    titleKey: 'clientstroom.wachtlijst.titel',
    organisaties: ['zorgkantoor'],
    rollen: ['zorgbemiddelaar', 'inkoper', 'manager', 'controller'],
    nav: { section: 'clienten', labelKey: 'clientstroom.nav.wachtlijst', order: 20, organisaties: ['zorgkantoor'] },
  },
  {
    path: '/clientstroom/berichten',
    component: Berichten,
    titleKey: 'clientstroom.berichten.titel',
    organisaties: ['zorgaanbieder'],
    rollen: ['aanbieder-contractmanager'],
    nav: { section: 'clienten', labelKey: 'clientstroom.nav.berichten', order: 30, organisaties: ['zorgaanbieder'] },
  },
  // Requests for a toewijzing: the zorgbemiddelaar decides; a provider sees its own (the API filters).
  {
    path: '/clientstroom/verzoeken',
    component: Verzoeken,
    titleKey: 'clientstroom.verzoeken.titel',
    organisaties: ['zorgkantoor', 'zorgaanbieder'],
    rollen: ['zorgbemiddelaar', 'aanbieder-contractmanager'],
    nav: {
      section: 'clienten',
      labelKey: 'clientstroom.nav.verzoeken',
      order: 15,
      organisaties: ['zorgkantoor', 'zorgaanbieder'],
    },
  },
];
