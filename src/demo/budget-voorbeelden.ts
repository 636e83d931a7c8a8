/**
 * Example contracteerruimtes for the demo, so a first start shows the budget screens with
 * something in them: for each region of the fictional CZ demo zorgkantoor and each sector with
 * realisation, the ledger of the realisation year (its agreements booked, made definitief) and a
 * voorlopig one for the next year. Created through the budget services (and audit log) by the demo
 * purchaser and manager. Every amount is an EXAMPLE FIGURE derived from the fictional demo data
 * (realisation × 1.03, rounded up to € 1,000) — never a real budget; the ledgers say so.
 */
import type { AppContext } from '../platform/context.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { Decimal } from '../domain/money.ts';
import { actorByEmail } from '../platform/auth/sessions.ts';
import { crAanmaken, crVaststellen, crLijst, voorbeeldBasis, VOORBEELD_LABEL } from '../budget/index.ts';

const SLEUTEL = 'demo-budget';
const BRON = `Voorbeeldcijfers afgeleid van de fictieve demorealisatie (× 1,03, naar boven afgerond op € 1.000). ${VOORBEELD_LABEL}`;

const afronden = (d: Decimal) => d.dividedBy(1000).ceil().times(1000);

/** Creates the example ledgers once; returns whether it did. */
export async function ensureBudgetVoorbeelden(ctx: AppContext): Promise<boolean> {
  if (await ctx.db.maybeOne('SELECT 1 FROM instelling WHERE sleutel = $1', [SLEUTEL])) return false;
  if (!(await ctx.db.maybeOne('SELECT 1 FROM instelling WHERE sleutel = $1', ['demo']))) return false;
  const inkoper = (await actorByEmail(ctx.db, 'inkoper@cz.demo')) as Actor;
  const manager = (await actorByEmail(ctx.db, 'manager@cz.demo')) as Actor;
  const basis = await voorbeeldBasis(ctx.db, inkoper.organisatieId);
  for (const b of basis) {
    const bestaand = await crLijst(ctx, inkoper, { jaar: b.jaar, regio: b.regio, sector: b.sector });
    if (bestaand.contracteerruimtes.length) continue;
    const totaal = afronden(Decimal.max(new Decimal(b.realisatie), new Decimal(b.afspraken)).times('1.03'));
    const c = await crAanmaken(
      ctx,
      inkoper,
      {
        regio: b.regio,
        jaar: b.jaar,
        sector: b.sector,
        totaal: totaal.toFixed(2),
        bron: BRON,
        toelichting: VOORBEELD_LABEL,
      },
      { bron: 'voorbeeld', voorbeeld: true },
    );
    if (b.definitief)
      await crVaststellen(ctx, manager, c.id, { totaal: totaal.toFixed(2), status: 'definitief', bron: BRON });
  }
  await ctx.db.query(`INSERT INTO instelling (sleutel, waarde) VALUES ($1, $2)`, [
    SLEUTEL,
    JSON.stringify({ contracteerruimtes: basis.length, voorbeeld: true }),
  ]);
  return true;
}
