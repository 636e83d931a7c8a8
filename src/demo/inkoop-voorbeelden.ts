/**
 * Example procurement procedures for the demo, so a first start shows the inkoop screens with
 * something in them: three procedures of the fictional CZ demo users, one per kind, created through
 * the same services (and audit log) as a user would, with deadlines relative to the start time.
 * All titles start with "Voorbeeld –": they are examples, not real procedures.
 *
 *   dialoogmodel 2016 (template wlz-2016) for sector GZ — the template's quality themes are chapter 3
 *   of the GZ edition of the Inkoopkader Langdurige Zorg 2016 ("Kwaliteit en persoonsgerichte
 *   gehandicaptenzorg"), so the example is a GZ kader: vragenronde open, Zonnehof has a draft inschrijving;
 *   open house (template open-house): admission open;
 *   best value over three years (template best-value): published with its vragenronde open, open for bids.
 */
import type { AppContext } from '../platform/context.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { actorByEmail } from '../platform/auth/sessions.ts';
import { maakKader, publiceer, voerOvergangUit, zetTermijnen, type TermijnInvoer } from '../inkoop/kader.ts';
import { startInschrijving } from '../inkoop/inschrijving.ts';

const SLEUTEL = 'demo-inkoop';
const DAG = 86_400_000;
/** CZ's example regions in the demo (regio-concessie-voorbeeld.json). */
const REGIOS = ['5526', '5527'];

async function actor(ctx: AppContext, email: string): Promise<Actor> {
  const a = await actorByEmail(ctx.db, email);
  if (!a) throw new Error(`demo: gebruiker ${email} ontbreekt`);
  return a;
}

/** A timeline from now: questions for 2 weeks, NvI after 3, bids until noon (Amsterdam) after `weken` weeks. */
function tijdlijn(nu: Date, weken: number): TermijnInvoer[] {
  const dag = (n: number) => new Date(nu.getTime() + n * DAG).toISOString().slice(0, 10);
  return [
    { fase: 'publicatie', begint: nu.toISOString() },
    { fase: 'vragen', eindigt: `${dag(14)}T12:00` },
    { fase: 'nvi', eindigt: `${dag(21)}T17:00` },
    { fase: 'inschrijving', eindigt: `${dag(weken * 7)}T12:00` },
    { fase: 'voorlopige_gunning', eindigt: `${dag(weken * 7 + 21)}T17:00` },
    { fase: 'bezwaar', eindigt: `${dag(weken * 7 + 35)}T17:00` },
    { fase: 'definitieve_gunning', eindigt: `${dag(weken * 7 + 42)}T17:00` },
  ];
}

/** Creates the example procedures once (after the demo data); returns whether it did. */
export async function ensureInkoopVoorbeelden(ctx: AppContext): Promise<boolean> {
  if (await ctx.db.maybeOne('SELECT 1 FROM instelling WHERE sleutel = $1', [SLEUTEL])) return false;
  if (!(await ctx.db.maybeOne('SELECT 1 FROM instelling WHERE sleutel = $1', ['demo']))) return false;
  const inkoper = await actor(ctx, 'inkoper@cz.demo');
  const zonnehof = await actor(ctx, 'contractmanager@zonnehof.demo');
  const nu = ctx.now();
  const jaar = nu.getUTCFullYear() + 1;

  const dialoog = await maakKader(ctx, inkoper, {
    titel: `Voorbeeld – Zorginkoop GZ ${jaar} (dialoogmodel)`,
    jaarVan: jaar,
    sector: 'GZ',
    regioCodes: REGIOS,
    procedureType: 'dialoog',
    sjabloon: 'wlz-2016',
  });
  await zetTermijnen(ctx, inkoper, dialoog, tijdlijn(nu, 6));
  await publiceer(ctx, inkoper, dialoog, 'Eerste publicatie (voorbeeld)');
  await startInschrijving(ctx, zonnehof, dialoog);

  const openHouse = await maakKader(ctx, inkoper, {
    titel: `Voorbeeld – Open house V&V ${jaar}`,
    jaarVan: jaar,
    sector: 'VV',
    regioCodes: REGIOS,
    procedureType: 'open_house',
    sjabloon: 'open-house',
  });
  await publiceer(ctx, inkoper, openHouse, 'Eerste publicatie (voorbeeld)');
  await voerOvergangUit(ctx, inkoper, openHouse, 'toelating_openen');

  const bestValue = await maakKader(ctx, inkoper, {
    titel: `Voorbeeld – Best value V&V ${jaar}–${jaar + 2}`,
    jaarVan: jaar,
    jaarTot: jaar + 2,
    sector: 'VV',
    regioCodes: REGIOS,
    procedureType: 'best_value',
    sjabloon: 'best-value',
  });
  await zetTermijnen(ctx, inkoper, bestValue, tijdlijn(nu, 8));
  await publiceer(ctx, inkoper, bestValue, 'Eerste publicatie (voorbeeld)');

  await ctx.db.query('INSERT INTO instelling (sleutel, waarde) VALUES ($1, $2)', [
    SLEUTEL,
    JSON.stringify({ kaders: [dialoog, openHouse, bestValue], aangemaaktOp: nu.toISOString() }),
  ]);
  return true;
}
