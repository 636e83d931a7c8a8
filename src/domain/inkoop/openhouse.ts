/**
 * The open house admission rule (Inkoopsafari – Verkenning van de praktijk van zorginkoop, §4.2, "Zeeuwse model": "krijgen alle aanbieders die
 * voldoen aan de minimumeisen een raamcontract"). Pure and deterministic: no I/O, no clock.
 *
 *   toegelaten ⇔ the assessment is confirmed ('vastgesteld') by a second person (four eyes)
 *               ∧ no knock-out requirement was assessed as not met
 *   afgewezen  ⇔ confirmed, and at least one knock-out requirement not met — every one is named
 *   refused    ⇔ no confirmed four-eyes decision, or a knock-out requirement was not assessed
 *
 * There is no discretion: no weights, no ranking, no quota. Weighted criteria, if a kader has
 * any, play no part in admission.
 */
import { RegelFout, VIER_OGEN_REGEL } from './beoordeling.ts';

export const TOELATING_REGEL =
  'open-house.toelating v1 (Inkoopsafari – Verkenning van de praktijk van zorginkoop, §4.2; voor de Wlz een keuze van het product): toegelaten ⇔ beoordeling vastgesteld door een tweede persoon (vier ogen) en aan elke knock-outeis voldaan; anders afgewezen met elke niet voldane eis genoemd';

export interface ToelatingBesluitInvoer {
  id: string;
  status: string;
  eersteBeoordelaarId: string;
  tweedeBeslisserId: string | null;
}

export interface KnockOutUitslag {
  code: string;
  tekst: string;
  voldaan: boolean | null;
  motivatie: string;
}

export interface ToelatingInvoer {
  /** the current (non-superseded) assessment decision, or null when there is none */
  besluit: ToelatingBesluitInvoer | null;
  /** every knock-out requirement as assessed in that decision */
  knockOuts: KnockOutUitslag[];
}

export interface ToelatingReden {
  code: string;
  tekst: string;
  voldaan: boolean;
  toelichting: string;
}

export interface ToelatingUitkomst {
  besluit: 'toegelaten' | 'afgewezen';
  redenen: ToelatingReden[];
  nietVoldaan: { code: string; tekst: string }[];
  regel: string;
}

export function bepaalToelating(inv: ToelatingInvoer): ToelatingUitkomst {
  const b = inv.besluit;
  if (!b || b.status !== 'vastgesteld' || !b.tweedeBeslisserId || b.tweedeBeslisserId === b.eersteBeoordelaarId) {
    const wat = !b
      ? 'Er is geen beoordeling.'
      : b.status === 'voorgesteld'
        ? 'De beoordeling wacht nog op het besluit van een tweede persoon.'
        : b.status === 'afgewezen'
          ? 'De beoordeling is afgewezen door de tweede persoon en moet opnieuw.'
          : 'De beoordeling is niet vastgesteld door een tweede persoon.';
    throw new RegelFout(
      'vier-ogen',
      `Toelaten of afwijzen zonder vier-ogenbesluit is niet toegestaan (${TOELATING_REGEL.split(' (')[0]}; ${VIER_OGEN_REGEL}).`,
      [
        {
          waar: 'beoordeling',
          wat,
          actie: 'Laat een beoordelaar scoren en een andere beoordelaar of manager de beoordeling vaststellen.',
        },
      ],
    );
  }
  const open = inv.knockOuts.filter((k) => k.voldaan === null);
  if (open.length) {
    throw new RegelFout(
      'beoordeling-onvolledig',
      `Niet elke knock-outeis is beoordeeld: ${open.map((k) => k.code).join(', ')} (${TOELATING_REGEL.split(' (')[0]}).`,
      open.map((k) => ({
        waar: k.code,
        wat: `${k.code} ${k.tekst} is niet beoordeeld.`,
        actie: 'Beoordeel elke knock-outeis.',
      })),
    );
  }
  const niet = inv.knockOuts.filter((k) => k.voldaan === false);
  const redenen: ToelatingReden[] = [
    {
      code: 'VIER-OGEN',
      tekst: 'Beoordeling vastgesteld door een tweede persoon',
      voldaan: true,
      toelichting: 'De beoordeling is door een andere persoon dan de beoordelaar vastgesteld.',
    },
    ...inv.knockOuts.map((k) => ({
      code: k.code,
      tekst: k.tekst,
      voldaan: k.voldaan === true,
      toelichting: k.motivatie,
    })),
  ];
  return {
    besluit: niet.length ? 'afgewezen' : 'toegelaten',
    redenen,
    nietVoldaan: niet.map((k) => ({ code: k.code, tekst: k.tekst })),
    regel: TOELATING_REGEL,
  };
}

/** The knock-out results of a stored assessment decision (beoordeling_besluit.uitslag / knockout_eis_code). */
export function knockOutsUitBesluit(
  uitslag: any,
  knockoutCodes: string | null,
  teksten: Map<string, string>,
): KnockOutUitslag[] {
  const per = Array.isArray(uitslag?.perCriterium)
    ? uitslag.perCriterium.filter((c: any) => c.soort === 'knock-out')
    : [];
  const uit: KnockOutUitslag[] = per.map((c: any) => ({
    code: String(c.code),
    tekst: String(c.naam ?? teksten.get(c.code) ?? c.code),
    voldaan: c.voldaan ?? null,
    motivatie: String(c.motivatie ?? ''),
  }));
  // The stored knock-out codes are authoritative for what failed, also when the per-criterion detail is absent.
  for (const code of (knockoutCodes ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)) {
    const k = uit.find((x) => x.code === code);
    if (k) k.voldaan = false;
    else uit.push({ code, tekst: teksten.get(code) ?? code, voldaan: false, motivatie: '' });
  }
  return uit;
}
