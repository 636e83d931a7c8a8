/**
 * The inkoop capability's public door: the only file other capabilities import from src/inkoop.
 *
 * gegundePrijzen(db, overeenkomstId): the prices per prestatie agreed in a contract as they apply now
 * (basistarief + the opslag granted so far; Inkoopkader Langdurige Zorg 2016, §2.2.4 "Bepaling van
 * de prijs"), with every grant moment (initieel, herschikking, nacalculatie). null when the contract
 * does not exist. Amounts and percentages are strings with two decimals.
 * overeenkomstVoorAanbieder(db, aanbieder, zorgkantoor, jaar): the awarded contract a provider holds for
 * that year, or null (the budget capability prices productieafspraken with it).
 */
export { gegundePrijzen, overeenkomstVoorAanbieder } from './gunning/prijs.ts';
export type { Moment as OpslagMoment } from '../domain/inkoop/opslag.ts';
export {
  gepubliceerdeKaders,
  gepubliceerdKader,
  isGepubliceerd,
  publiekeKeuzes,
  gepubliceerdeVersies,
  publiekeNotas,
  type KaderSnapshot,
  type PubliekKaderRij,
  type PubliekFilter,
  type PubliekeNota,
  type NotaRegel,
} from './publiek.ts';
/**
 * laatsteVastgesteldeScores(db, organisatieIds): per provider the latest adopted (four-eyes) total
 * score of its assessments, as text; cliëntstroom shows it beside its suggestions.
 */
export { laatsteVastgesteldeScores } from './leesmodel/store.ts';
/** The classification's contract history is read through its owners (budget, realisatie), handed over in src/capabilities.ts. */
export { gebruikContractHistorieBron, type ContractHistorieBron } from './inschrijving.ts';
/** The countdown schema, shared with the public pages (src/openbaar) so the two cannot drift. */
export { Aftelling } from './schemas.ts';
/**
 * The opslag at a herschikking round (realisatie): toetsOpslagBijHerschikking checks a proposed
 * percentage with inkoop's rules (F5: ≤ 3 %, the score table's maximum, motivation when deviating,
 * the regional paragraph's moments, ≤ the agreed opslag); kenOpslagToeBijHerschikking grants it inside
 * the caller's transaction (audited) so the award price of the agreements changes with the decision.
 */
export {
  toetsOpslagBijHerschikking,
  kenOpslagToeBijHerschikking,
  type OpslagBijHerschikking,
} from './gunning/prijs.ts';
