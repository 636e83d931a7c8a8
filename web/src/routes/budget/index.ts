import type { PageRoute } from '../index.ts';
import { GrootboekPagina } from './Grootboek.tsx';
import { GrootboekDetailPagina } from './GrootboekDetail.tsx';
import { AfsprakenPagina } from './Afspraken.tsx';
import { AfspraakDetailPagina } from './AfspraakDetail.tsx';
import { MijnAfsprakenPagina } from './MijnAfspraken.tsx';
import { ScenariosPagina } from './Scenarios.tsx';
import { ScenarioDetailPagina } from './ScenarioDetail.tsx';
import { ScenarioVergelijkPagina } from './ScenarioVergelijk.tsx';
import './messages.ts';

const ZK_NZA = ['zorgkantoor', 'nza'] as const;

export const routes: PageRoute[] = [
  {
    path: '/budget/contracteerruimte',
    component: GrootboekPagina,
    titleKey: 'budget.grootboek.titel',
    organisaties: [...ZK_NZA],
    nav: { section: 'budget', labelKey: 'budget.nav.grootboek', order: 10, organisaties: [...ZK_NZA] },
  },
  {
    path: '/budget/contracteerruimte/:id',
    component: GrootboekDetailPagina,
    titleKey: 'budget.grootboek.titel',
  },
  {
    path: '/budget/afspraken',
    component: AfsprakenPagina,
    titleKey: 'budget.afspraken.titel',
    organisaties: [...ZK_NZA],
    nav: { section: 'budget', labelKey: 'budget.nav.afspraken', order: 20, organisaties: [...ZK_NZA] },
  },
  {
    path: '/budget/afspraken/:id',
    component: AfspraakDetailPagina,
    titleKey: 'budget.afspraken.titel',
  },
  {
    path: '/budget/scenarios',
    component: ScenariosPagina,
    titleKey: 'budget.scenario.titel',
    rollen: ['inkoper', 'beoordelaar', 'controller', 'manager', 'toezichthouder'],
    nav: { section: 'budget', labelKey: 'budget.nav.scenarios', order: 30, organisaties: [...ZK_NZA] },
  },
  {
    path: '/budget/scenarios/vergelijk',
    component: ScenarioVergelijkPagina,
    titleKey: 'budget.scenario.vergelijk.titel',
    rollen: ['inkoper', 'beoordelaar', 'controller', 'manager', 'toezichthouder'],
  },
  {
    path: '/budget/scenarios/:id',
    component: ScenarioDetailPagina,
    titleKey: 'budget.scenario.titel',
    rollen: ['inkoper', 'beoordelaar', 'controller', 'manager', 'toezichthouder'],
  },
  {
    path: '/budget/mijn',
    component: MijnAfsprakenPagina,
    titleKey: 'budget.mijn.titel',
    organisaties: ['zorgaanbieder'],
    nav: { section: 'budget', labelKey: 'budget.nav.mijn', order: 5, organisaties: ['zorgaanbieder'] },
  },
];
