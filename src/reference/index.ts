/**
 * The reference capability's door: what other capabilities (budget, demo, setup) may use.
 * Nothing else in src/reference is imported from outside.
 */
export { maakReferenceCapability } from './capability.ts';
export { ensureReference, PRESTATIES, voorbeeldRegiosVan, actieveRegios, type PrestatieDef } from './seed.ts';
export {
  parseNzaCsv,
  importNzaTarieven,
  importNzaTarievenIn,
  lijstNzaTarieven,
  VOORBEELD_LABEL,
  type NzaTariefLijst,
} from './nza-tarieven.ts';
export { zichtVoor, type Zicht, type Cijferbron } from './overzicht.ts';
export { ZORGKANTOREN } from './seed.ts';
