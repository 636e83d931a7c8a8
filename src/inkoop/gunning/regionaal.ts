/**
 * The regional two-year conditions (G5) of the 2016 decision table, computed from stored facts
 * (src/domain/inkoop/regionale-voorwaarden.ts): the classification of the bid, the signalenregister
 * (plus the location's inspection status and the fraud dates typed at the award, the same facts G1–G3
 * use) and the contract history with this zorgkantoor. No manager ticks them.
 *
 * A published condition without a kind (stored before kinds existed) is resolved from the working
 * paragraph when the zorgkantoor has since given the SAME condition (code and description) a kind;
 * otherwise it stays `onberekend` and the award is refused (409) until it gets one — it is never
 * silently counted as met or not met.
 */
import type { AppContext } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { conflict } from '../../platform/errors.ts';
import {
  beoordeelRegionaleVoorwaarden,
  REGIONALE_VOORWAARDE_REGEL,
  type RegionaleUitkomst,
  type RegionaleVoorwaarde,
  type SignaalFeit,
} from '../../domain/inkoop/regionale-voorwaarden.ts';
import { bepalendeKlasse, type Klasse } from '../../domain/inkoop/classificatie.ts';
import { contractHistorie } from '../inschrijving.ts';
import { signaalFeitenVoorUitkomst } from '../signalen/service.ts';
import { gepubliceerdeParagraaf, type KaderRij } from '../kader.ts';
import * as store from './store.ts';

const BRON_REGIONAAL =
  'Regionale paragraaf van het zorgkantoor (Inkoopkader Langdurige Zorg 2016, §2.2.4: "Zorgkantoren hebben de mogelijkheid om aanvullende voorwaarden te stellen voor het verlenen van een tweejarige overeenkomst")';

export interface RegionaleBerekening {
  /** the conditions as the decision table reports them (G5:<code>) */
  voorwaarden: { code: string; omschrijving: string }[];
  voldaan: Record<string, boolean>;
  uitleg: Record<string, string>;
  /** each computed condition with the data it used and its source (stored with the award's input) */
  uitkomsten: (RegionaleUitkomst & { soortNaPublicatie?: boolean })[];
  /** conditions without a kind: not computed */
  onberekend: { code: string; omschrijving: string; index: number }[];
  regel: string;
}

const lijst = (p: unknown): RegionaleVoorwaarde[] =>
  p && typeof p === 'object' && Array.isArray((p as { tweejarigeVoorwaarden?: unknown }).tweejarigeVoorwaarden)
    ? ((p as { tweejarigeVoorwaarden: RegionaleVoorwaarde[] }).tweejarigeVoorwaarden ?? [])
    : [];

/** The published conditions, a kind-less one completed from the working paragraph when that gave it a kind. */
export function regionaleVoorwaardenVan(
  k: Pick<KaderRij, 'gepubliceerde_versie' | 'publieke_versie' | 'regionale_paragraaf'>,
): (RegionaleVoorwaarde & { soortNaPublicatie?: boolean })[] {
  const werk = lijst(k.regionale_paragraaf);
  return lijst(gepubliceerdeParagraaf(k)).map((v) => {
    if (v.soort) return v;
    const w = werk.find(
      (x) =>
        x.soort &&
        String(x.code).toUpperCase() === String(v.code).toUpperCase() &&
        String(x.omschrijving) === String(v.omschrijving),
    );
    return w ? { ...w, code: v.code, soortNaPublicatie: true } : v;
  });
}

/** Computes G5 for one bid. `inspectie`: location names under verscherpt toezicht in the location table. */
export async function berekenRegionaal(
  ctx: AppContext,
  q: Queryable,
  k: KaderRij,
  organisatieId: string,
  klassen: Klasse[],
  inspectie: string[],
  getypt: { fraudeonderzoekenGestart?: string[]; fraudeVastgesteld?: string[] },
  peildatum: string,
): Promise<RegionaleBerekening> {
  const vs = regionaleVoorwaardenVan(k);
  const uit: RegionaleBerekening = {
    voorwaarden: vs.map((v) => ({ code: String(v.code), omschrijving: String(v.omschrijving) })),
    voldaan: {},
    uitleg: {},
    uitkomsten: [],
    onberekend: [],
    regel: REGIONALE_VOORWAARDE_REGEL,
  };
  if (!vs.length) return uit;
  const signalen: SignaalFeit[] = [];
  if (vs.some((v) => v.soort === 'geen-signalen')) {
    signalen.push(...(await signaalFeitenVoorUitkomst(q, k.organisatie_id, organisatieId)));
    for (const l of inspectie)
      signalen.push({
        soort: 'verscherpt_toezicht',
        van: peildatum,
        tot: null,
        herkomst: `inspectiestatus locatie ${l}`,
      });
    for (const d of getypt.fraudeonderzoekenGestart ?? [])
      signalen.push({ soort: 'fraudeonderzoek', van: d, tot: d, herkomst: 'aanvullend opgegeven bij de gunning' });
    for (const d of getypt.fraudeVastgesteld ?? [])
      signalen.push({ soort: 'fraude_vastgesteld', van: d, tot: d, herkomst: 'aanvullend opgegeven bij de gunning' });
  }
  const contractjaren: { jaar: number; herkomst: string }[] = [];
  const maxJaren = Math.max(0, ...vs.filter((v) => v.soort === 'contractjaren').map((v) => v.jaren ?? 0));
  if (maxJaren > 0) {
    for (let jaar = k.jaar_van - maxJaren; jaar < k.jaar_van; jaar++) {
      // the main contract only (production agreements); a role as subcontractor, zzp pilot or pgb is no contract with the zorgkantoor
      const rijen = (await contractHistorie(q, organisatieId, jaar)).filter(
        (r) => !r.rol && k.regio_codes.includes(r.regioCode),
      );
      for (const r of rijen) contractjaren.push({ jaar, herkomst: `productieafspraak ${r.regioCode} ${r.sector}` });
    }
    for (const p of await store.geaccepteerdePeriodesBij(q, organisatieId, k.organisatie_id))
      for (let j = Number(p.van.slice(0, 4)); j <= Number(p.tot.slice(0, 4)); j++)
        contractjaren.push({ jaar: j, herkomst: 'geaccepteerde overeenkomst met dit zorgkantoor' });
  }
  const berekend = beoordeelRegionaleVoorwaarden(vs, {
    klasse: bepalendeKlasse(klassen),
    peildatum,
    jaar: k.jaar_van,
    signalen,
    contractjaren,
  });
  vs.forEach((v, index) => {
    const code = String(v.code);
    const b = berekend.find((x) => x.code === v.code);
    if (!b) {
      uit.onberekend.push({ code, omschrijving: String(v.omschrijving), index });
      uit.uitleg[code] =
        'Niet berekend: deze regionale voorwaarde heeft geen soort. Geef haar een soort in de regionale paragraaf; tot dan wordt niet gegund.';
      return;
    }
    const na = (v as { soortNaPublicatie?: boolean }).soortNaPublicatie;
    uit.voldaan[code] = b.voldaan;
    uit.uitleg[code] =
      `${b.voldaan ? 'Voldaan' : 'Niet voldaan'}: ${b.toelichting} Bron: ${b.bron}.` +
      (na ? ' De soort is na publicatie in de regionale paragraaf aan deze voorwaarde gegeven.' : '');
    uit.uitkomsten.push(na ? { ...b, soortNaPublicatie: true } : b);
  });
  return uit;
}

/** Refuses the award while a regional condition has no kind (409), naming each and what to do. */
export function vereisBerekendeVoorwaarden(r: RegionaleBerekening) {
  if (!r.onberekend.length) return;
  const namen = r.onberekend.map((v) => `${v.code} "${v.omschrijving}"`).join(', ');
  throw conflict(
    'regionale-voorwaarde-zonder-soort',
    `De regionale voorwaarde${r.onberekend.length > 1 ? 'n' : ''} ${namen} ${r.onberekend.length > 1 ? 'hebben' : 'heeft'} geen soort: de beslistabel kan niet vaststellen of de aanbieder eraan voldoet, en telt haar niet stilzwijgend als voldaan of niet voldaan (regel ${REGIONALE_VOORWAARDE_REGEL}).`,
    {
      fouten: r.onberekend.map((v) => ({
        waar: `regionaleParagraaf.tweejarigeVoorwaarden[${v.index}]`,
        wat: `Regionale voorwaarde ${v.code} "${v.omschrijving}" heeft geen soort.`,
        actie:
          'Open de regionale paragraaf van dit inkoopkader en kies voor deze voorwaarde een soort (klasse, geen signalen of jaren met een overeenkomst) met de gegevens; houd code en omschrijving gelijk. Gun daarna opnieuw.',
      })),
      actie:
        'Geef de voorwaarde een soort in de regionale paragraaf (Inkoopkaders → het kader → Regionale paragraaf) en gun daarna opnieuw.',
    },
  );
}

export const BRON_G5 = BRON_REGIONAAL;
