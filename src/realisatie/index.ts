/** What other capabilities may use of realisatie. */
export { berekenHerschikking } from './service.ts';
export type { HerschikJson } from '../domain/realisatie/herschikking.ts';
