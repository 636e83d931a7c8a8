/**
 * The budget capability's public face: what other capabilities (realisatie, herschikking,
 * openbaar) may use. Nothing else in src/budget is imported from outside.
 */
export { budgetCapability } from './capability.ts';
export {
  afspraakPrijzen,
  afspraakTotalenPerAanbieder,
  type AfspraakPrijsRow,
  type AfspraakTotaalRow,
  gecontracteerdeAanbieders,
  gecontracteerdeAanbiedersInRegios,
  gecontracteerdeAanbiedersPerSector,
  afspraakTotalen,
  afsprakenPerJaar,
  type AfsprakenPerJaarRow,
  type CijferFilter,
} from './store.ts';
export {
  afsprakenLijst,
  afspraakDetail,
  afspraakSchrijven,
  crLijst,
  crAanmaken,
  crVaststellen,
  crDetail,
  deadlineView,
  voorbeeldBasis,
  VOORBEELD_LABEL,
  type AfspraakInvoer,
  type CrView,
  type BenuttingView,
  type AfspraakView,
} from './service.ts';
export {
  herschikBasis,
  herschikAfspraken,
  crVanRegio,
  nacalculatieAfspraken,
  type NacalculatieAfspraak,
  type HerschikBasis,
  type HerschikAfsprakenInvoer,
  type HerschikAfsprakenUitkomst,
} from './service.ts';
export { afsprakenVoorHistorie, type AfspraakHistorieRow } from './store.ts';
export { gebruikWachtlijstSignalen, type WachtlijstSignaal, type WachtlijstSignaalBron } from './scenario.ts';
