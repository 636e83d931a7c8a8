/** What other capabilities may use of realisatie. */
export { berekenHerschikking } from './herschikking.ts';
export type { HerschikJson } from '../domain/realisatie/herschikking.ts';
export {
  realisatiePerAanbiederPrestatie,
  realisatieLaatsteJaar,
  type RealisatieMixRow,
  type RealisatieRegioSectorRow,
  realisatieTotalen,
  realisatiePerJaar,
  type RealisatiePerJaarRow,
} from './store.ts';
export { productieRegiosSectoren } from './store.ts';
export { vernieuwMonitorAggregaat } from './store.ts';
