/**
 * Cliëntstroom: indicaties in (IO31 or CSV), zorgtoewijzing (AW33), start of care (AW35 → AW36)
 * and changes incl. waiting-list status (AW39 → AW310), the waiting list with norms, the
 * mediation worklist and waiting-list signals for purchasing.
 *
 * Personal data: BSNs and the client block of the indicatiebesluit are stored encrypted
 * (src/platform/persoonsgegevens.ts), looked up by keyed token, never logged, never in a URL or an
 * audit entry. Who sees what:
 *  - zorgbemiddelaar of a zorgkantoor: the clients of the regions the zorgkantoor holds, with
 *    BSN and name; makes toewijzingen, imports indicaties, keeps notes;
 *  - inkoper / manager: aggregated waiting-list figures and signals, no personal data;
 *  - a provider (contractmanager): only clients it has a toewijzing for, only its own
 *    toewijzingen; sends AW35/AW39 and receives the answers.
 * Every message written is validated against the official XSD before it is stored or returned.
 */
import crypto from 'node:crypto';
import type { AppContext } from '../platform/context.ts';
import type { Queryable } from '../platform/db/index.ts';
import { isAanbieder, isZorgkantoor, type Actor, type Rol } from '../platform/auth/roles.ts';
import { appendAudit } from '../platform/audit.ts';
import { auditActor } from '../platform/audit.ts';
import { AppError, badRequest, conflict, forbidden, notFound, unprocessable, type Fout } from '../platform/errors.ts';
import {
  bsnToken,
  maskeerBsn,
  ontsleutel,
  persoonsgegevensSleutels,
  versleutel,
  type Sleutels,
} from '../platform/persoonsgegevens.ts';
import {
  valideerBericht,
  leesIo31,
  bouwIo31,
  bouwAw33,
  leesAw35,
  leesAw39,
  leesRetour,
  bouwRetour,
  leesXml,
  knoop,
  knopen,
  codes as codelijst,
  retourcodeOmschrijving,
  RETOURCODE,
  type Validatie,
  type XmlKnoop,
  type BerichtType,
  type Io31Client,
  type Io31Zzp,
  type Aw33Client,
} from '../iwlz/index.ts';
import { isGeldigBsn } from '../domain/clientstroom/bsn.ts';
import {
  toetsToewijzing,
  pgbBijGecontracteerde,
  IWLZ_LEVERINGSVORM,
  LEVERINGSVORM_UIT_IWLZ,
  VOORKEUR_LEVERINGSVORM,
  BRON_PGB_GECONTRACTEERD,
  SOORT_TOEWIJZING_NAAM,
  type Leveringsvorm,
  type SoortToewijzing,
} from '../domain/clientstroom/leveringsvorm.ts';
import {
  berekenWachttijd,
  toetsNorm,
  standaardNorm,
  isLeveringsstatus,
  isWachtend,
  LEVERINGSSTATUS_NAAM,
  STANDAARD_NORMEN_BRON,
  WACHTSTATUSSEN,
  type Leveringsstatus,
  type StatusMoment,
} from '../domain/clientstroom/wachtlijst.ts';
import { suggesties, populariteit, type Kandidaat, type Suggestie } from '../domain/clientstroom/bemiddeling.ts';
import * as store from './store.ts';
import * as bronnen from './bronnen.ts';
import { toetsFunctie, BRON_FUNCTIES } from './functies.ts';

export const REGEL = 'clientstroom v1 (iWlz 2.2; leveringsvormen Inkoopkader Langdurige Zorg 2016 §1.2)';
/** Zorgkantoor staff who see and process personal data of clients. */
export const BEMIDDELAARS: Rol[] = ['zorgbemiddelaar'];
/** Zorgkantoor staff who see aggregated waiting-list figures (no personal data). */
export const WACHTLIJST_LEZERS: Rol[] = ['zorgbemiddelaar', 'inkoper', 'manager', 'controller'];
export const NORM_BEHEERDERS: Rol[] = ['manager', 'zorgbemiddelaar'];
/** Provider staff who send AW35/AW39 and read their clients. */
export const AANBIEDER_ROLLEN: Rol[] = ['aanbieder-contractmanager'];
export const LEVERINGSVORMEN = ['verblijf', 'vpt', 'mpt', 'pgb', 'dtv'] as const;

const BRON_CONTRACT =
  'Kader zorginkoop 2008, keuzemogelijkheden cliënt: "De cliënt kan kiezen uit aanbieders waarmee het zorgkantoor een contract heeft gesloten."';

const vandaag = (ctx: AppContext) => ctx.now().toISOString().slice(0, 10);
const tijd = (ctx: AppContext) => ctx.now().toISOString().slice(11, 19);
const jaar = (ctx: AppContext) => ctx.now().getUTCFullYear();
/** BerichtIdentificatie / IdentificatieRetour: 12 characters (LDT_IdentificatieBericht). */
const berichtIdentificatie = () => crypto.randomBytes(6).toString('hex').toUpperCase();
const sha256 = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest('hex');
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const isDatum = (s: unknown): s is string =>
  typeof s === 'string' && ISO.test(s) && new Date(s + 'T00:00:00Z').toISOString().slice(0, 10) === s;

const sleutels = (ctx: AppContext): Sleutels => persoonsgegevensSleutels(ctx.config);
const ctxBsn = (id: string) => `client:${id}:bsn`;
const ctxPersoon = (id: string) => `client:${id}:persoonsgegevens`;

// ------------------------------------------------------------------ visibility

async function regiosVan(ctx: AppContext, q: Queryable, a: Actor): Promise<string[]> {
  if (!isZorgkantoor(a)) throw forbidden('Alleen een zorgkantoor ziet cliënten per regio.');
  return bronnen.regiosVanZorgkantoor(q, a.organisatieId, jaar(ctx));
}

// ------------------------------------------------------------------ messages: refusal, storage

function afgekeurd(v: Validatie): AppError {
  const code = v.retourcode ?? RETOURCODE.TECHNISCH;
  return new AppError(
    400,
    `iwlz-${code}`,
    `Het bericht${v.type ? ` (${v.type})` : ''} is afgekeurd met retourcode ${code}: ${retourcodeOmschrijving(code)}`,
    {
      fouten: v.fouten.map((f) => ({ waar: f.regel ? `regel ${f.regel}` : 'bericht', wat: f.melding })),
      actie: 'Herstel het bericht en stuur het opnieuw. Er is niets van dit bericht opgeslagen.',
    },
  );
}

async function auditAfkeuring(ctx: AppContext, a: Actor, input: string | Uint8Array, v: Validatie, verwacht: string) {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input);
  const hash = crypto.createHash('sha256').update(bytes).digest('hex');
  // Only hash, size, code and line numbers: the messages of the schema check may quote content.
  await appendAudit(ctx.db, auditActor(a), {
    actie: 'iwlz.bericht.afgekeurd',
    onderwerpType: 'iwlz_bericht',
    onderwerpId: hash,
    invoer: { verwacht, type: v.type, bytes: bytes.length, sha256: hash },
    resultaat: { retourcode: v.retourcode, fouten: v.fouten.length, regels: v.fouten.map((f) => f.regel).slice(0, 20) },
    regel: REGEL,
  });
}

/** Validates a message we wrote; a failure is a bug, never sent. */
async function moetGeldig(xml: string, type: BerichtType): Promise<void> {
  const v = await valideerBericht(xml, { verwacht: [type] });
  if (!v.geldig)
    throw new Error(`Intern: het gemaakte ${type}-bericht voldoet niet aan ${type}.xsd: ${JSON.stringify(v.fouten)}`);
}

async function bewaarBericht(
  q: Queryable,
  s: Sleutels,
  a: Actor,
  b: {
    id: string;
    type: BerichtType;
    richting: 'in' | 'uit';
    zorgkantoor: string;
    organisatieId: string | null;
    identificatie: string;
    dagtekening: string;
    xml: string;
    antwoordOp?: string | null;
    retourcodes?: unknown;
  },
) {
  await store.berichtOpslaan(
    q,
    {
      id: b.id,
      type: b.type,
      richting: b.richting,
      zorgkantoor_code: b.zorgkantoor,
      organisatie_id: b.organisatieId,
      identificatie: b.identificatie,
      dagtekening: b.dagtekening,
      sha256: sha256(b.xml),
      bytes: Buffer.byteLength(b.xml, 'utf8'),
      xml_versleuteld: versleutel(s, b.xml, `iwlz_bericht:${b.id}`),
      antwoord_op: b.antwoordOp ?? null,
      retourcodes: b.retourcodes ?? null,
    },
    a.gebruikerId,
  );
}

/** Codes per berichtklasse for the answer: element (identity in the parsed tree) → codes. */
type Codes = Map<XmlKnoop, string[]>;
const telCodes = (codes: Codes) => {
  const n: Record<string, number> = {};
  for (const c of codes.values()) for (const x of c) n[x] = (n[x] ?? 0) + 1;
  return n;
};

// ------------------------------------------------------------------ protecting BSNs

export interface BeschermdeClient {
  bsn_token: string;
  bsn_versleuteld: string;
}

/** Token and ciphertext of a client's BSN (also used by the demo data loader). */
export function beschermBsn(s: Sleutels, clientId: string, bsn: string): BeschermdeClient {
  return { bsn_token: bsnToken(s, bsn), bsn_versleuteld: versleutel(s, bsn, ctxBsn(clientId)) };
}

/**
 * Converts client rows written before BSNs were protected (readable `bsn` column): token and
 * ciphertext in, readable value out. Runs at start-up; returns how many rows were converted.
 */
export async function beveiligOudeBsns(ctx: AppContext): Promise<number> {
  const s = sleutels(ctx);
  let n = 0;
  for (;;) {
    const rows = await store.onbeveiligdeClienten(ctx.db, 1000);
    if (!rows.length) return n;
    await ctx.db.tx(async (t) => {
      for (const r of rows) {
        const b = beschermBsn(s, r.id, r.bsn);
        await store.beveiligClient(t, r.id, b.bsn_token, b.bsn_versleuteld);
      }
    });
    n += rows.length;
  }
}

function leesBsn(s: Sleutels, c: store.ClientRij): string | null {
  return c.bsn_versleuteld ? ontsleutel(s, c.bsn_versleuteld, ctxBsn(c.id)) : null;
}
function leesPersoon(s: Sleutels, c: store.ClientRij): XmlKnoop | null {
  return c.persoonsgegevens_versleuteld
    ? (JSON.parse(ontsleutel(s, c.persoonsgegevens_versleuteld, ctxPersoon(c.id))) as XmlKnoop)
    : null;
}

// ------------------------------------------------------------------ IO31 and CSV in

export interface ImportResultaat {
  berichtId: string | null;
  bron: 'io31' | 'csv';
  opgeslagen: number;
  alOntvangen: number;
  geweigerd: number;
  clienten: { clientId: string | null; bsn: string; besluitnummer: string; uitkomst: string; retourcodes: string[] }[];
  io32: string;
}

/** The package that applies now: without einddatum or the latest start. */
function huidigZzp(z: Io31Zzp[]): Io31Zzp | undefined {
  return [...z].sort(
    (a, b) => (a.einddatum ? 1 : 0) - (b.einddatum ? 1 : 0) || b.ingangsdatum.localeCompare(a.ingangsdatum),
  )[0];
}

export async function importeerIo31(ctx: AppContext, a: Actor, input: string | Uint8Array): Promise<ImportResultaat> {
  const v = await valideerBericht(input, { verwacht: ['IO31'] });
  if (!v.geldig) {
    await auditAfkeuring(ctx, a, input, v, 'IO31');
    throw afgekeurd(v);
  }
  return verwerkIo31(ctx, a, v.xml!, 'io31');
}

async function verwerkIo31(ctx: AppContext, a: Actor, xml: string, bron: 'io31' | 'csv'): Promise<ImportResultaat> {
  const b = leesIo31(xml);
  const regio = b.kop.ontvanger;
  const regios = await regiosVan(ctx, ctx.db, a);
  if (!regios.includes(regio))
    throw unprocessable(
      'iwlz-regio',
      `Dit indicatiebesluit is voor zorgkantoorregio ${regio}; uw zorgkantoor voert ${regios.join(', ') || 'geen regio'} uit.`,
      { actie: 'Stuur het bericht naar het zorgkantoor van die regio. Er is niets opgeslagen.' },
    );
  const s = sleutels(ctx);
  const heen = leesXml(xml);
  const clientEls = knopen(knoop(heen.Clienten)?.Client);
  const berichtId = crypto.randomUUID();
  return ctx.db.tx(async (t) => {
    const codes: Codes = new Map();
    const uit: ImportResultaat['clienten'] = [];
    let opgeslagen = 0,
      al = 0,
      geweigerd = 0;
    // the care profiles of all clients of the message in one read
    const profielen = await bronnen.zorgprofielen(
      t,
      b.clienten.flatMap((c) => huidigZzp(c.indicatie.zorgzwaartepakketten)?.zzpCode ?? []),
    );
    for (let i = 0; i < b.clienten.length; i++) {
      const c = b.clienten[i];
      const el = clientEls[i];
      const masker = maskeerBsn(c.bsn);
      const besluit = String(Number(c.indicatie.besluitnummer));
      if (!isGeldigBsn(c.bsn)) {
        codes.set(el, [RETOURCODE.CLIENT_ONBEKEND]);
        uit.push({
          clientId: null,
          bsn: masker,
          besluitnummer: besluit,
          uitkomst: 'BSN voldoet niet aan de elfproef',
          retourcodes: [RETOURCODE.CLIENT_ONBEKEND],
        });
        geweigerd++;
        continue;
      }
      const zzp = huidigZzp(c.indicatie.zorgzwaartepakketten);
      const profiel = zzp ? profielen.get(zzp.zzpCode) : undefined;
      if (!zzp || !profiel?.sector) {
        // No code in LDT_RetourCode fits "no zorgprofiel we can place"; the class is answered as not assessed.
        const indEl = knoop(el.Indicatie);
        if (indEl) codes.set(indEl, [RETOURCODE.NIET_BEOORDEELD]);
        uit.push({
          clientId: null,
          bsn: masker,
          besluitnummer: besluit,
          uitkomst: zzp
            ? `zorgprofiel ${zzp.zzpCode} wordt niet door een zorgkantoor toegewezen; niet opgeslagen`
            : 'geen geïndiceerd zorgzwaartepakket; niet opgeslagen',
          retourcodes: [RETOURCODE.NIET_BEOORDEELD],
        });
        geweigerd++;
        continue;
      }
      const bestaand = await store.indicatieOpBesluit(t, besluit);
      if (bestaand) {
        uit.push({
          clientId: bestaand.client_id,
          bsn: masker,
          besluitnummer: besluit,
          uitkomst: 'al ontvangen',
          retourcodes: [RETOURCODE.GOED],
        });
        al++;
        continue;
      }
      const token = bsnToken(s, c.bsn);
      const client = await store.clientOpToken(t, token);
      const clientId = client?.id ?? crypto.randomUUID();
      await store.clientOpslaan(
        t,
        {
          id: clientId,
          bsn_token: token,
          bsn_versleuteld: versleutel(s, c.bsn, ctxBsn(clientId)),
          persoonsgegevens_versleuteld: versleutel(s, JSON.stringify(el), ctxPersoon(clientId)),
          geheim: c.geheim,
          geboortejaar: Number(c.geboortedatum.slice(0, 4)),
          regio_code: regio,
        },
        !!client,
      );
      const voorkeurAgb =
        zzp.instellingVoorkeur ?? c.indicatie.functies.find((f) => f.instellingVoorkeur)?.instellingVoorkeur;
      await store.indicatieToevoegen(t, {
        id: crypto.randomUUID(),
        client_id: clientId,
        zorgprofiel_code: zzp.zzpCode,
        sector: profiel.sector,
        grondslag: c.indicatie.grondslagen[0] ?? null,
        ingangsdatum: c.indicatie.ingangsdatum,
        einddatum: c.indicatie.einddatum ?? null,
        leveringsvorm: (zzp.voorkeurClient && VOORKEUR_LEVERINGSVORM[zzp.voorkeurClient]) || null,
        organisatie_id: null,
        besluitnummer: besluit,
        afgiftedatum: c.indicatie.afgiftedatum,
        klasse: zzp.klasse,
        voorkeur_client: zzp.voorkeurClient ?? null,
        voorkeur_agb: voorkeurAgb ?? null,
        bron,
      });
      uit.push({
        clientId,
        bsn: masker,
        besluitnummer: besluit,
        uitkomst: 'opgeslagen',
        retourcodes: [RETOURCODE.GOED],
      });
      opgeslagen++;
    }
    const io32 = bouwRetour(
      'IO31',
      heen,
      { identificatieRetour: berichtIdentificatie(), dagtekeningRetour: vandaag(ctx) },
      (_k, el) => codes.get(el),
    );
    await moetGeldig(io32, 'IO32');
    const bewaren = opgeslagen + al > 0;
    if (bewaren) {
      await bewaarBericht(t, s, a, {
        id: berichtId,
        type: 'IO31',
        richting: 'in',
        zorgkantoor: regio,
        organisatieId: null,
        identificatie: b.kop.berichtId,
        dagtekening: b.kop.dagtekening,
        xml,
      });
      await bewaarBericht(t, s, a, {
        id: crypto.randomUUID(),
        type: 'IO32',
        richting: 'uit',
        zorgkantoor: regio,
        organisatieId: null,
        identificatie: b.kop.berichtId,
        dagtekening: vandaag(ctx),
        xml: io32,
        antwoordOp: berichtId,
        retourcodes: telCodes(codes),
      });
    }
    await appendAudit(t, auditActor(a), {
      actie: 'clientstroom.indicaties.ontvangen',
      onderwerpType: 'iwlz_bericht',
      onderwerpId: bewaren ? berichtId : sha256(xml),
      invoer: { bron, regio, sha256: sha256(xml), clienten: b.clienten.length },
      resultaat: { opgeslagen, alOntvangen: al, geweigerd, retourcodes: telCodes(codes) },
      regel: REGEL,
    });
    return { berichtId: bewaren ? berichtId : null, bron, opgeslagen, alOntvangen: al, geweigerd, clienten: uit, io32 };
  });
}

/** CSV columns for importing indicaties when no IO31 is at hand (separator ; or ,). */
export const CSV_KOLOMMEN = [
  'bsn',
  'geboortedatum',
  'geslacht',
  'achternaam',
  'voorvoegsel',
  'voorletters',
  'postcode',
  'huisnummer',
  'besluitnummer',
  'afgiftedatum',
  'ingangsdatum',
  'einddatum',
  'zzp',
  'voorkeur_leveringsvorm',
  'voorkeur_agb',
] as const;
const VOORKEUR_CODE: Record<string, string> = { verblijf: '4', vpt: '5', mpt: '7', pgb: '2', dtv: '10' };

/** Indicaties from a CSV: checked per line (all or nothing), then stored exactly as an IO31 would be. */
export async function importeerIndicatiesCsv(
  ctx: AppContext,
  a: Actor,
  tekst: string,
  regio: string,
): Promise<ImportResultaat> {
  const regels = tekst.replace(/^\uFEFF/, '').split(/\r?\n/);
  const sep = (regels[0] ?? '').includes(';') ? ';' : ',';
  const kop = (regels[0] ?? '').split(sep).map((k) => k.trim().toLowerCase());
  const ontbreekt = CSV_KOLOMMEN.filter(
    (k) => !['voorvoegsel', 'einddatum', 'voorkeur_agb', 'postcode', 'huisnummer'].includes(k) && !kop.includes(k),
  );
  if (ontbreekt.length)
    throw badRequest('csv-kolommen', `Kolommen ontbreken in de kopregel: ${ontbreekt.join(', ')}.`, {
      actie: `Gebruik de kopregel ${CSV_KOLOMMEN.join(';')}.`,
    });
  const zzpCodes = new Set(codelijst('LDT_ZzpCode'));
  const fouten: Fout[] = [];
  const clienten: Io31Client[] = [];
  for (let i = 1; i < regels.length; i++) {
    if (!regels[i].trim()) continue;
    const cellen = regels[i].split(sep).map((x) => x.trim());
    const r = Object.fromEntries(kop.map((k, j) => [k, cellen[j] ?? ''])) as Record<string, string>;
    const waar = (k: string) => `regel ${i + 1}, kolom ${k}`;
    const voor = fouten.length;
    if (!isGeldigBsn(r.bsn)) fouten.push({ waar: waar('bsn'), wat: 'geen geldig BSN (9 cijfers, elfproef)' });
    for (const k of ['geboortedatum', 'afgiftedatum', 'ingangsdatum'])
      if (!isDatum(r[k]))
        fouten.push({ waar: waar(k), wat: `"${r[k] ?? ''}" is geen datum`, actie: 'gebruik JJJJ-MM-DD' });
    if (r.einddatum && !isDatum(r.einddatum)) fouten.push({ waar: waar('einddatum'), wat: 'geen datum (JJJJ-MM-DD)' });
    if (!['0', '1', '2'].includes(r.geslacht))
      fouten.push({ waar: waar('geslacht'), wat: 'gebruik 0 (onbekend), 1 (man) of 2 (vrouw)' });
    if (!r.achternaam) fouten.push({ waar: waar('achternaam'), wat: 'ontbreekt' });
    if (!/^[1-9]\d{0,8}$/.test(r.besluitnummer ?? ''))
      fouten.push({ waar: waar('besluitnummer'), wat: 'geen besluitnummer (1–999999999)' });
    if (!zzpCodes.has(r.zzp)) fouten.push({ waar: waar('zzp'), wat: `"${r.zzp}" is geen ZzpCode (LDT_ZzpCode)` });
    if (r.voorkeur_leveringsvorm && !VOORKEUR_CODE[r.voorkeur_leveringsvorm])
      fouten.push({ waar: waar('voorkeur_leveringsvorm'), wat: 'onbekend', actie: 'verblijf, vpt, mpt, pgb of dtv' });
    if (r.voorkeur_agb && !/^\d{8}$/.test(r.voorkeur_agb))
      fouten.push({ waar: waar('voorkeur_agb'), wat: 'AGB-code heeft 8 cijfers' });
    if (fouten.length > voor) continue;
    clienten.push({
      bsn: r.bsn,
      geheim: false,
      geboortedatum: r.geboortedatum,
      geslacht: r.geslacht,
      achternaam: r.achternaam,
      voorvoegsel: r.voorvoegsel || undefined,
      voorletters: r.voorletters || undefined,
      naamGebruik: '1',
      leefeenheid: '9',
      contacten: [{ soort: '01', postcode: r.postcode || undefined, huisnummer: r.huisnummer || undefined }],
      indicatie: {
        besluitnummer: r.besluitnummer,
        soort: '1',
        grondslagen: [],
        afgiftedatum: r.afgiftedatum,
        ingangsdatum: r.ingangsdatum,
        einddatum: r.einddatum || undefined,
        zorgzwaartepakketten: [
          {
            zzpCode: r.zzp,
            ingangsdatum: r.ingangsdatum,
            einddatum: r.einddatum || undefined,
            klasse: '99',
            voorkeurClient: r.voorkeur_leveringsvorm ? VOORKEUR_CODE[r.voorkeur_leveringsvorm] : undefined,
            instellingVoorkeur: r.voorkeur_agb || undefined,
            financiering: '1',
          },
        ],
        functies: [],
      },
    });
  }
  if (fouten.length)
    throw badRequest('csv-ongeldig', `${fouten.length} fout(en) in het CSV-bestand; er is niets opgeslagen.`, {
      fouten: fouten.slice(0, 200),
      actie: 'Herstel de genoemde regels en importeer opnieuw.',
    });
  if (!clienten.length) throw badRequest('csv-leeg', 'Het CSV-bestand bevat geen regels onder de kopregel.');
  const xml = bouwIo31({
    kop: { ontvanger: regio, berichtId: berichtIdentificatie(), dagtekening: vandaag(ctx) },
    clienten,
  });
  const v = await valideerBericht(xml, { verwacht: ['IO31'] });
  if (!v.geldig)
    throw badRequest('csv-schema', 'De gegevens passen niet in een indicatiebesluit (IO31); er is niets opgeslagen.', {
      fouten: v.fouten.map((f) => ({ waar: 'na omzetting naar IO31', wat: f.melding })),
      actie: 'Controleer lengtes en codes (bijv. voorletters maximaal 6 letters).',
    });
  return verwerkIo31(ctx, a, xml, 'csv');
}

// ------------------------------------------------------------------ zorgtoewijzing (AW33)

export interface ToewijzingInvoer {
  indicatieId: string;
  organisatieId?: string | null;
  soort: SoortToewijzing;
  leveringsvorm: Leveringsvorm;
  ingangsdatum?: string;
  einddatum?: string | null;
  toetsing?: { verantwoord: boolean | null; doelmatig: boolean | null; toelichting?: string | null } | null;
  pgbZorgverlenerId?: string | null;
  overbruggingVoor?: string | null;
  partneropname?: boolean;
  /** mpt: the function assigned (LDT_FunctieCode) and its klasse (LDT_Klasse) */
  functieCode?: string | null;
  functieKlasse?: string | null;
}

export interface ToewijzingView {
  id: string;
  clientId: string;
  indicatieId: string;
  regioCode: string;
  organisatieId: string | null;
  organisatieNaam: string | null;
  soort: SoortToewijzing;
  soortNaam: string;
  leveringsvorm: string;
  zorgprofielCode: string;
  ingangsdatum: string;
  einddatum: string | null;
  toewijzingsdatum: string;
  status: string;
  toetsing: store.ToewijzingRij['toetsing'];
  overbruggingVoor: string | null;
  aw33BerichtId: string | null;
  functieCode: string | null;
  functieKlasse: string | null;
  signalen: string[];
}

function toewijzingView(t: store.ToewijzingRij, namen: Map<string, string>, signalen: string[] = []): ToewijzingView {
  return {
    id: t.id,
    clientId: t.client_id,
    indicatieId: t.indicatie_id,
    regioCode: t.regio_code,
    organisatieId: t.organisatie_id,
    organisatieNaam: t.organisatie_id ? (namen.get(t.organisatie_id) ?? t.organisatie_id) : null,
    soort: t.soort,
    soortNaam: SOORT_TOEWIJZING_NAAM[t.soort],
    leveringsvorm: t.leveringsvorm,
    zorgprofielCode: t.zorgprofiel_code,
    ingangsdatum: t.ingangsdatum,
    einddatum: t.einddatum,
    toewijzingsdatum: t.toewijzingsdatum,
    status: t.status,
    toetsing: t.toetsing,
    overbruggingVoor: t.overbrugging_voor,
    aw33BerichtId: t.aw33_bericht_id,
    functieCode: t.functie_code,
    functieKlasse: t.functie_klasse,
    signalen,
  };
}

/**
 * The assigned part of an AW33: a function (ToegewezenFunctie, mpt per function) or the whole
 * zorgprofiel (ToegewezenZorgzwaartepakket).
 */
function toegewezen(
  tw: Pick<
    store.ToewijzingRij,
    | 'functie_code'
    | 'functie_klasse'
    | 'zorgprofiel_code'
    | 'regio_code'
    | 'soort'
    | 'toewijzingsdatum'
    | 'toewijzingstijd'
    | 'ingangsdatum'
    | 'einddatum'
    | 'leveringsvorm'
  >,
  agb: string,
  extra: { klasse?: string; opname?: boolean; redenIntrekking?: string },
): Pick<Aw33Client, 'functies' | 'zorgzwaartepakketten'> {
  const gemeen = {
    instelling: agb,
    zorgkantoor: tw.regio_code,
    soort: tw.soort,
    toewijzingsdatum: tw.toewijzingsdatum,
    toewijzingstijd: tw.toewijzingstijd,
    ingangsdatum: tw.ingangsdatum,
    einddatum: tw.einddatum ?? undefined,
    redenIntrekking: extra.redenIntrekking,
  };
  if (tw.functie_code && tw.functie_klasse)
    return {
      functies: [{ ...gemeen, functieCode: tw.functie_code, klasse: tw.functie_klasse }],
      zorgzwaartepakketten: [],
    };
  return {
    functies: [],
    zorgzwaartepakketten: [
      {
        ...gemeen,
        zzpCode: tw.zorgprofiel_code,
        klasse: extra.klasse,
        leveringsvorm: IWLZ_LEVERINGSVORM[tw.leveringsvorm as Leveringsvorm],
        opname: extra.opname,
      },
    ],
  };
}

async function namenVan(q: Queryable, ids: (string | null)[]): Promise<Map<string, string>> {
  const u = [...new Set(ids.filter((x): x is string => !!x))];
  return new Map((u.length ? await bronnen.organisatiesOpId(q, u) : []).map((o) => [o.id, o.naam]));
}

export async function maakToewijzing(ctx: AppContext, a: Actor, inv: ToewijzingInvoer): Promise<ToewijzingView> {
  return ctx.db.tx((t) => maakToewijzingIn(ctx, t, a, inv));
}

/** A toewijzing and its AW33 inside the caller's transaction (also used when a request is granted). */
async function maakToewijzingIn(
  ctx: AppContext,
  t: Queryable,
  a: Actor,
  inv: ToewijzingInvoer,
): Promise<ToewijzingView> {
  const s = sleutels(ctx);
  const regios = await regiosVan(ctx, t, a);
  const ind = await store.indicatieOpId(t, inv.indicatieId);
  const client = ind ? await store.clientOpId(t, ind.client_id) : undefined;
  if (!ind || !client || !regios.includes(client.regio_code)) throw notFound('Deze indicatie');
  const dag = vandaag(ctx);
  if (ind.einddatum && ind.einddatum < dag)
    throw unprocessable(
      'indicatie-beeindigd',
      `De indicatie is beëindigd op ${ind.einddatum}; toewijzen kan niet meer.`,
    );
  if (!LEVERINGSVORMEN.includes(inv.leveringsvorm)) throw badRequest('leveringsvorm', 'Onbekende leveringsvorm.');
  const pgb = inv.leveringsvorm === 'pgb';
  let agb: string | null = null;
  if (pgb) {
    if (inv.organisatieId)
      throw unprocessable(
        'pgb-instelling',
        'Een pgb-toewijzing heeft geen zorgaanbieder (Instelling); laat organisatieId leeg.',
        {
          actie: 'Leg de zorgverlener van de budgethouder vast in pgbZorgverlenerId, als die bekend is.',
        },
      );
  } else {
    if (!inv.organisatieId)
      throw badRequest('aanbieder-ontbreekt', 'Kies de gecontracteerde zorgaanbieder aan wie u toewijst.', {
        fouten: [{ waar: 'organisatieId', wat: 'ontbreekt' }],
      });
    const org = await bronnen.organisatie(t, inv.organisatieId);
    if (!org || org.soort !== 'zorgaanbieder') throw notFound('Deze zorgaanbieder');
    if (!org.agb || !/^\d{8}$/.test(org.agb))
      throw unprocessable(
        'agb-ontbreekt',
        `${org.naam} heeft geen geldige AGB-code; een zorgtoewijzing (AW33) kan niet worden verstuurd.`,
        {
          actie: 'Laat de beheerder de AGB-code van de aanbieder vastleggen.',
        },
      );
    agb = org.agb;
    const contract = await bronnen.gecontracteerd(t, client.regio_code, ind.sector, jaar(ctx));
    if (!contract.has(org.id))
      throw unprocessable(
        'niet-gecontracteerd',
        `${org.naam} heeft geen contract (productieafspraak) met uw zorgkantoor voor ${ind.sector} in regio ${client.regio_code}.`,
        { actie: `Kies een gecontracteerde aanbieder. Bron: ${BRON_CONTRACT}` },
      );
  }
  if (inv.overbruggingVoor) {
    const o = await store.toewijzingOpId(t, inv.overbruggingVoor);
    if (!o || o.indicatie_id !== ind.id) throw notFound('De toewijzing waarvoor overbrugd wordt');
    if (inv.soort !== '3')
      throw badRequest('overbrugging-soort', 'Een overbrugging heeft soort 3 (Overbrugging, LDT_SoortToewijzing).');
  }
  const actief = await store.actieveToewijzingen(t, ind.id);
  const bezwaren = toetsToewijzing(
    actief.map((x) => ({
      leveringsvorm: x.leveringsvorm as Leveringsvorm,
      organisatieId: x.organisatie_id,
      soort: x.soort,
    })),
    {
      leveringsvorm: inv.leveringsvorm,
      organisatieId: inv.organisatieId ?? null,
      soort: inv.soort,
      toetsing: inv.toetsing ?? undefined,
    },
  );
  const functieBezwaren = toetsFunctie(
    actief.map((x) => ({
      functieCode: x.functie_code,
      organisatieId: x.organisatie_id,
      soort: x.soort,
      leveringsvorm: x.leveringsvorm,
    })),
    {
      functieCode: inv.functieCode ?? null,
      functieKlasse: inv.functieKlasse ?? null,
      organisatieId: inv.organisatieId ?? null,
      soort: inv.soort,
      leveringsvorm: inv.leveringsvorm,
    },
    { functies: codelijst('LDT_FunctieCode'), klassen: codelijst('LDT_Klasse') },
  );
  if (bezwaren.length || functieBezwaren.length)
    throw unprocessable('toewijzing-niet-toegestaan', 'Deze toewijzing past niet bij de regels voor leveringsvormen.', {
      fouten: [
        ...bezwaren.map((b) => ({ waar: b.regel, wat: b.wat, actie: `Bron: ${b.bron}` })),
        ...functieBezwaren.map((b) => ({ waar: b.regel, wat: b.wat, actie: `${b.actie} Bron: ${BRON_FUNCTIES}` })),
      ],
    });
  const ingang = inv.ingangsdatum ?? (ind.ingangsdatum > dag ? ind.ingangsdatum : dag);
  if (!isDatum(ingang)) throw badRequest('ingangsdatum', 'Ingangsdatum is geen datum (JJJJ-MM-DD).');
  if (inv.einddatum && (!isDatum(inv.einddatum) || inv.einddatum < ingang))
    throw badRequest('einddatum', 'Einddatum is geen datum of ligt voor de ingangsdatum.');
  if (ingang < ind.ingangsdatum)
    throw unprocessable('ingangsdatum', `De toewijzing kan niet ingaan voor de indicatie (${ind.ingangsdatum}).`);
  const persoon = pgb ? null : leesPersoon(s, client);
  if (!pgb && !persoon)
    throw unprocessable(
      'geen-indicatiebesluit',
      'Van deze cliënt is geen indicatiebesluit (IO31) ontvangen; een zorgtoewijzing (AW33) herhaalt de gegevens daaruit.',
      { actie: 'Importeer eerst het indicatiebesluit (IO31 of CSV).' },
    );
  const id = crypto.randomUUID();
  const rij: Omit<store.ToewijzingRij, 'aangemaakt_op'> = {
    id,
    indicatie_id: ind.id,
    client_id: client.id,
    regio_code: client.regio_code,
    zorgkantoor_id: a.organisatieId,
    organisatie_id: inv.organisatieId ?? null,
    pgb_zorgverlener_id: pgb ? (inv.pgbZorgverlenerId ?? null) : null,
    soort: inv.soort,
    leveringsvorm: inv.leveringsvorm,
    zorgprofiel_code: ind.zorgprofiel_code,
    klasse: ind.klasse,
    ingangsdatum: ingang,
    einddatum: inv.einddatum ?? null,
    toewijzingsdatum: dag,
    toewijzingstijd: tijd(ctx),
    status: 'toegewezen',
    reden_intrekking: null,
    toetsing: inv.toetsing ?? null,
    overbrugging_voor: inv.overbruggingVoor ?? null,
    aw33_bericht_id: null,
    functie_code: inv.leveringsvorm === 'mpt' ? (inv.functieCode ?? null) : null,
    functie_klasse: inv.leveringsvorm === 'mpt' ? (inv.functieKlasse ?? null) : null,
  };
  await store.toewijzingToevoegen(t, rij, a.gebruikerId);
  let aw33Id: string | null = null;
  if (!pgb && persoon && agb) {
    const berichtId = berichtIdentificatie();
    const xml = bouwAw33({
      kop: { afzender: client.regio_code, ontvanger: agb, berichtId, dagtekening: dag },
      clienten: [
        {
          io31Blok: persoon,
          partneropname: inv.partneropname ?? false,
          ...toegewezen(rij, agb, {
            klasse: ind.klasse ?? undefined,
            opname: inv.leveringsvorm === 'verblijf' ? true : undefined,
          }),
        },
      ],
    });
    await moetGeldig(xml, 'AW33');
    aw33Id = crypto.randomUUID();
    await bewaarBericht(t, s, a, {
      id: aw33Id,
      type: 'AW33',
      richting: 'uit',
      zorgkantoor: client.regio_code,
      organisatieId: inv.organisatieId!,
      identificatie: berichtId,
      dagtekening: dag,
      xml,
    });
    await store.toewijzingBericht(t, id, aw33Id);
  }
  const signalen: string[] = [];
  if (pgb && inv.pgbZorgverlenerId) {
    const gecontracteerd = await bronnen.gecontracteerdInRegios(t, [client.regio_code], jaar(ctx));
    if (gecontracteerd.has(inv.pgbZorgverlenerId))
      signalen.push(`De pgb-zorgverlener is ook gecontracteerd door het zorgkantoor. ${BRON_PGB_GECONTRACTEERD}`);
  }
  await appendAudit(t, auditActor(a), {
    actie: 'clientstroom.toewijzing.gemaakt',
    onderwerpType: 'toewijzing',
    onderwerpId: id,
    invoer: {
      indicatieId: ind.id,
      organisatieId: inv.organisatieId ?? null,
      soort: inv.soort,
      leveringsvorm: inv.leveringsvorm,
      ingangsdatum: ingang,
      einddatum: inv.einddatum ?? null,
      toetsing: inv.toetsing ?? null,
      overbruggingVoor: inv.overbruggingVoor ?? null,
      actieveToewijzingen: actief.map((x) => x.id),
    },
    resultaat: { aw33BerichtId: aw33Id, signalen },
    regel: REGEL,
  });
  const opgeslagen = (await store.toewijzingOpId(t, id))!;
  return toewijzingView(opgeslagen, await namenVan(t, [opgeslagen.organisatie_id]), signalen);
}

/**
 * Withdraws a toewijzing (LDT_RedenIntrekking) from an end date; the provider gets a new AW33 with
 * Einddatum and RedenIntrekking. Nothing is deleted.
 */
export async function trekToewijzingIn(
  ctx: AppContext,
  a: Actor,
  id: string,
  inv: { reden: string; einddatum: string },
): Promise<ToewijzingView> {
  if (!codelijst('LDT_RedenIntrekking').includes(inv.reden))
    throw badRequest('reden', `Onbekende reden van intrekking ${inv.reden}.`, {
      actie: `Kies een code uit LDT_RedenIntrekking: ${codelijst('LDT_RedenIntrekking').join(', ')}.`,
    });
  if (!isDatum(inv.einddatum)) throw badRequest('einddatum', 'Einddatum is geen datum (JJJJ-MM-DD).');
  const s = sleutels(ctx);
  return ctx.db.tx(async (t) => {
    const tw = await toewijzingZichtbaar(ctx, t, a, id);
    if (isAanbieder(a)) throw forbidden();
    if (tw.status === 'ingetrokken' || tw.status === 'beeindigd')
      throw unprocessable('toewijzing-afgesloten', `Deze toewijzing is al ${tw.status}.`);
    if (inv.einddatum < tw.ingangsdatum)
      throw unprocessable(
        'einddatum',
        `De einddatum ligt voor de ingangsdatum van de toewijzing (${tw.ingangsdatum}).`,
      );
    let aw33Id: string | null = null;
    const client = (await store.clientOpId(t, tw.client_id))!;
    const persoon = leesPersoon(s, client);
    const org = tw.organisatie_id ? await bronnen.organisatie(t, tw.organisatie_id) : undefined;
    if (persoon && org?.agb) {
      const berichtId = berichtIdentificatie();
      const dag = vandaag(ctx);
      const xml = bouwAw33({
        kop: { afzender: tw.regio_code, ontvanger: org.agb, berichtId, dagtekening: dag },
        clienten: [
          {
            io31Blok: persoon,
            partneropname: false,
            ...toegewezen({ ...tw, einddatum: inv.einddatum }, org.agb, {
              klasse: tw.klasse ?? undefined,
              redenIntrekking: inv.reden,
            }),
          },
        ],
      });
      await moetGeldig(xml, 'AW33');
      aw33Id = crypto.randomUUID();
      await bewaarBericht(t, s, a, {
        id: aw33Id,
        type: 'AW33',
        richting: 'uit',
        zorgkantoor: tw.regio_code,
        organisatieId: tw.organisatie_id,
        identificatie: berichtId,
        dagtekening: dag,
        xml,
      });
    }
    await store.toewijzingIntrekken(t, id, inv.einddatum, inv.reden, aw33Id);
    if (tw.status === 'in_zorg' && tw.soort === '1') await store.indicatieAanbieder(t, tw.indicatie_id, null, null);
    await appendAudit(t, auditActor(a), {
      actie: 'clientstroom.toewijzing.ingetrokken',
      onderwerpType: 'toewijzing',
      onderwerpId: id,
      invoer: inv,
      resultaat: { aw33BerichtId: aw33Id, vorigeStatus: tw.status },
      regel: REGEL,
    });
    const na = (await store.toewijzingOpId(t, id))!;
    return toewijzingView(na, await namenVan(t, [na.organisatie_id]));
  });
}

async function toewijzingZichtbaar(ctx: AppContext, q: Queryable, a: Actor, id: string): Promise<store.ToewijzingRij> {
  return vereisZichtbaar(ctx, q, a, await store.toewijzingOpId(q, id), 'Deze toewijzing');
}

/**
 * A row of one provider in one region: that provider sees it, and the zorgkantoor staff of the
 * region; anyone else gets 404, as if it did not exist.
 */
async function vereisZichtbaar<R extends { organisatie_id: string | null; regio_code: string }>(
  ctx: AppContext,
  q: Queryable,
  a: Actor,
  rij: R | null | undefined,
  wat: string,
): Promise<R> {
  if (!rij) throw notFound(wat);
  if (isAanbieder(a)) {
    if (rij.organisatie_id !== a.organisatieId) throw notFound(wat);
  } else if (!(await regiosVan(ctx, q, a)).includes(rij.regio_code)) throw notFound(wat);
  return rij;
}

/** The AW33 of a toewijzing, as sent (zorgkantoor of the region, or the provider it was sent to). */
export async function aw33VanToewijzing(ctx: AppContext, a: Actor, id: string): Promise<string> {
  const t = await toewijzingZichtbaar(ctx, ctx.db, a, id);
  if (!t.aw33_bericht_id)
    throw notFound('Een AW33-bericht bij deze toewijzing (pgb-toewijzingen gaan niet naar een aanbieder)');
  const b = (await store.berichtOpId(ctx.db, t.aw33_bericht_id))!;
  return ontsleutel(sleutels(ctx), b.xml_versleuteld, `iwlz_bericht:${b.id}`);
}

export async function toewijzingen(ctx: AppContext, a: Actor): Promise<ToewijzingView[]> {
  const zicht = isAanbieder(a) ? { organisatieId: a.organisatieId } : { regios: await regiosVan(ctx, ctx.db, a) };
  const rows = await store.toewijzingenLijst(ctx.db, zicht, 500);
  const namen = await namenVan(
    ctx.db,
    rows.map((r) => r.organisatie_id),
  );
  return rows.map((r) => toewijzingView(r, namen));
}

// ------------------------------------------------------------------ AW35 / AW39 from providers

export interface VerwerkResultaat {
  berichtId: string | null;
  type: 'AW35' | 'AW39';
  verwerkt: number;
  geweigerd: number;
  clienten: { bsn: string; retourcodes: string[]; uitkomst: string }[];
  /** the answer: AW36 or AW310 */
  antwoord: string;
  antwoordType: 'AW36' | 'AW310';
}

async function providerAgb(q: Queryable, a: Actor): Promise<string> {
  if (!isAanbieder(a)) throw forbidden('Alleen een zorgaanbieder meldt aanvang zorg of mutaties.');
  const org = await bronnen.organisatie(q, a.organisatieId);
  if (!org?.agb) throw unprocessable('agb-ontbreekt', 'Uw organisatie heeft geen AGB-code vastgelegd.');
  return org.agb;
}

function afzenderControle(afzender: string | undefined, agb: string) {
  if (afzender !== agb)
    throw unprocessable(
      'iwlz-afzender',
      `De afzender in het bericht (${afzender ?? 'leeg'}) is niet de AGB-code van uw organisatie (${agb}).`,
      {
        actie: 'Stuur alleen berichten van uw eigen organisatie. Er is niets opgeslagen.',
      },
    );
}

interface Schrijfactie {
  (t: Queryable, berichtId: string): Promise<void>;
}

/** Loads the client of a message and the provider's toewijzingen for it; none visible → undefined. */
async function clientVoorAanbieder(t: Queryable, s: Sleutels, a: Actor, bsn: string, regio: string) {
  const c = await store.clientOpToken(t, bsnToken(s, bsn));
  if (!c || c.regio_code !== regio) return undefined;
  const tws = (await store.toewijzingenVanClient(t, c.id)).filter(
    (x) => x.organisatie_id === a.organisatieId && x.status !== 'ingetrokken',
  );
  if (!tws.length) return undefined;
  const inds = new Map<string, store.IndicatieRij>();
  for (const x of tws)
    if (!inds.has(x.indicatie_id)) inds.set(x.indicatie_id, (await store.indicatieOpId(t, x.indicatie_id))!);
  return { client: c, toewijzingen: tws, indicaties: inds };
}

/** The shared validate step of AW35 and AW39: a provider, the official XSD; a refusal is audited. */
async function valideerVanAanbieder(
  ctx: AppContext,
  a: Actor,
  input: string | Uint8Array,
  type: 'AW35' | 'AW39',
): Promise<string> {
  await providerAgb(ctx.db, a);
  const v = await valideerBericht(input, { verwacht: [type] });
  if (!v.geldig) {
    await auditAfkeuring(ctx, a, input, v, type);
    throw afgekeurd(v);
  }
  return v.xml!;
}

/**
 * The shared match step of AW35 and AW39: each reported package (by zorgprofiel, start of the
 * toewijzing and besluitnummer) and each function (mpt, by function and start) to a toewijzing of
 * this provider; undefined where none fits (the client is then refused with 0448).
 */
function koppelToewijzingen(
  gevonden: Awaited<ReturnType<typeof clientVoorAanbieder>>,
  c: {
    zorgzwaartepakketten: { zzpCode: string; toewijzingIngangsdatum: string; besluitnummer: string }[];
    functies: { functieCode: string; toewijzingIngangsdatum: string }[];
  },
) {
  if (!gevonden) return { matches: [], fMatches: [] };
  return {
    matches: c.zorgzwaartepakketten.map((z) =>
      gevonden.toewijzingen.find(
        (x) =>
          x.zorgprofiel_code === z.zzpCode &&
          x.ingangsdatum === z.toewijzingIngangsdatum &&
          gevonden.indicaties.get(x.indicatie_id)?.besluitnummer === String(Number(z.besluitnummer)),
      ),
    ),
    fMatches: c.functies.map((f) =>
      gevonden.toewijzingen.find(
        (x) =>
          x.leveringsvorm === 'mpt' &&
          (x.functie_code === null || x.functie_code === f.functieCode) &&
          x.ingangsdatum === f.toewijzingIngangsdatum,
      ),
    ),
  };
}

export async function verwerkAw35(ctx: AppContext, a: Actor, input: string | Uint8Array): Promise<VerwerkResultaat> {
  const xml = await valideerVanAanbieder(ctx, a, input, 'AW35');
  const b = leesAw35(xml);
  afzenderControle(b.kop.afzender, await providerAgb(ctx.db, a));
  const s = sleutels(ctx);
  const heen = leesXml(xml);
  const clientEls = knopen(knoop(heen.Clienten)?.Client);
  const dag = vandaag(ctx);
  return ctx.db.tx(async (t) => {
    const codes: Codes = new Map();
    const acties: Schrijfactie[] = [];
    const uit: VerwerkResultaat['clienten'] = [];
    let verwerkt = 0,
      geweigerd = 0;
    for (let i = 0; i < b.clienten.length; i++) {
      const c = b.clienten[i];
      const el = clientEls[i];
      const masker = maskeerBsn(c.bsn);
      const gevonden = await clientVoorAanbieder(t, s, a, c.bsn, b.kop.ontvanger);
      const zzpEls = knopen(knoop(el.GeleverdeZorgzwaartepakketten)?.GeleverdZorgzwaartepakket);
      const fEls = knopen(knoop(el.GeleverdeFuncties)?.GeleverdeFunctie);
      // Every reported package must belong to a toewijzing of this provider; otherwise the client is refused.
      const { matches, fMatches } = koppelToewijzingen(gevonden, c);
      if (!gevonden || matches.some((m) => !m) || fMatches.some((m) => !m)) {
        codes.set(el, [RETOURCODE.CLIENT_ONBEKEND]);
        uit.push({
          bsn: masker,
          retourcodes: [RETOURCODE.CLIENT_ONBEKEND],
          uitkomst:
            'geen toewijzing bij uw organisatie gevonden voor deze cliënt en dit zorgzwaartepakket; niets opgeslagen',
        });
        geweigerd++;
        continue;
      }
      let goed = 0;
      c.zorgzwaartepakketten.forEach((z, j) => {
        const tw = matches[j]!;
        if (z.begindatum < z.toewijzingIngangsdatum || z.begindatum > dag) {
          codes.set(zzpEls[j], [RETOURCODE.STARTDATUM_ONJUIST]);
          return;
        }
        if (!isLeveringsstatus(z.leveringsstatus)) {
          codes.set(zzpEls[j], [RETOURCODE.NIET_BEOORDEELD]);
          return;
        }
        goed++;
        const ind = gevonden.indicaties.get(tw.indicatie_id)!;
        acties.push(async (q, berichtId) => {
          if (z.statusAanlevering === '3') {
            await store.zorgaanvangVerwijderen(q, tw.id);
            await store.toewijzingStatus(q, tw.id, 'toegewezen');
            await store.indicatieAanbieder(q, ind.id, null, null);
            return;
          }
          await store.zorgaanvangVastleggen(q, tw.id, z.begindatum, berichtId);
          if (tw.soort === '1') {
            await store.toewijzingStatus(q, tw.id, 'in_zorg');
            await store.indicatieAanbieder(q, ind.id, a.organisatieId, tw.leveringsvorm);
          }
          await store.statusToevoegen(
            q,
            {
              client_id: gevonden.client.id,
              indicatie_id: ind.id,
              organisatie_id: a.organisatieId,
              status: z.leveringsstatus,
              classificatie: null,
              vanaf: z.begindatum,
              bron: 'aw35',
            },
            berichtId,
          );
        });
      });
      c.functies.forEach((f, j) => {
        if (f.begindatum < f.toewijzingIngangsdatum || f.begindatum > dag) {
          codes.set(fEls[j], [RETOURCODE.STARTDATUM_ONJUIST]);
          return;
        }
        goed++;
        const tw = fMatches[j]!;
        acties.push(async (q, berichtId) => {
          if (f.statusAanlevering === '3') await store.zorgaanvangVerwijderen(q, tw.id);
          else await store.zorgaanvangVastleggen(q, tw.id, f.begindatum, berichtId);
        });
      });
      const eigen = [...zzpEls, ...fEls].flatMap((e) => codes.get(e) ?? []);
      uit.push({
        bsn: masker,
        retourcodes: eigen.length ? eigen : [RETOURCODE.GOED],
        uitkomst: goed ? `${goed} melding(en) verwerkt` : 'niets verwerkt',
      });
      if (goed) verwerkt++;
      else geweigerd++;
    }
    return afronden(ctx, t, a, s, { type: 'AW35', xml, heen, kop: b.kop, codes, acties, uit, verwerkt, geweigerd });
  });
}

export async function verwerkAw39(ctx: AppContext, a: Actor, input: string | Uint8Array): Promise<VerwerkResultaat> {
  const xml = await valideerVanAanbieder(ctx, a, input, 'AW39');
  const b = leesAw39(xml);
  afzenderControle(b.kop.afzender, await providerAgb(ctx.db, a));
  const s = sleutels(ctx);
  const heen = leesXml(xml);
  const clientEls = knopen(knoop(heen.Clienten)?.Client);
  const dag = vandaag(ctx);
  return ctx.db.tx(async (t) => {
    const codes: Codes = new Map();
    const acties: Schrijfactie[] = [];
    const uit: VerwerkResultaat['clienten'] = [];
    let verwerkt = 0,
      geweigerd = 0;
    for (let i = 0; i < b.clienten.length; i++) {
      const c = b.clienten[i];
      const el = clientEls[i];
      const masker = maskeerBsn(c.bsn);
      const gevonden = await clientVoorAanbieder(t, s, a, c.bsn, b.kop.ontvanger);
      const zzpEls = knopen(knoop(el.MutatieZorgzwaartepakketten)?.MutatieZorgzwaartepakket);
      const fEls = knopen(knoop(el.MutatieFuncties)?.MutatieFunctie);
      const { matches, fMatches } = koppelToewijzingen(gevonden, c);
      if (!gevonden || matches.some((m) => !m) || fMatches.some((m) => !m)) {
        codes.set(el, [RETOURCODE.CLIENT_ONBEKEND]);
        uit.push({
          bsn: masker,
          retourcodes: [RETOURCODE.CLIENT_ONBEKEND],
          uitkomst: 'geen toewijzing bij uw organisatie gevonden; niets opgeslagen',
        });
        geweigerd++;
        continue;
      }
      let goed = 0;
      for (let j = 0; j < c.zorgzwaartepakketten.length; j++) {
        const z = c.zorgzwaartepakketten[j];
        const tw = matches[j]!;
        const aanvang = await store.zorgaanvang(t, tw.id);
        if (z.mutatiedatum > dag || (aanvang && z.mutatiedatum < aanvang.begindatum)) {
          codes.set(zzpEls[j], [RETOURCODE.MUTATIEDATUM_ONJUIST]);
          continue;
        }
        goed++;
        const ind = gevonden.indicaties.get(tw.indicatie_id)!;
        acties.push(async (q, berichtId) => {
          await store.statusToevoegen(
            q,
            {
              client_id: gevonden.client.id,
              indicatie_id: ind.id,
              organisatie_id: a.organisatieId,
              status: z.leveringsstatus,
              classificatie: z.leveringsstatusClassificatie ?? null,
              vanaf: z.mutatiedatum,
              bron: 'aw39',
            },
            berichtId,
          );
          // LDT_MutatieCode 19: "Levering zorg of ondersteuning is beeindigd - toewijzing sluiten"; 20: "… toewijzing aanhouden".
          if (z.mutatiecode === '19') {
            await store.toewijzingStatus(q, tw.id, 'beeindigd', z.mutatiedatum);
            await store.indicatieAanbieder(q, ind.id, null, null);
          } else if (z.mutatiecode === '20') {
            await store.toewijzingStatus(q, tw.id, 'toegewezen');
            await store.indicatieAanbieder(q, ind.id, null, null);
          }
        });
      }
      for (let j = 0; j < c.functies.length; j++) {
        const f = c.functies[j];
        const tw = fMatches[j]!;
        if (f.mutatiedatum > dag) {
          codes.set(fEls[j], [RETOURCODE.MUTATIEDATUM_ONJUIST]);
          continue;
        }
        goed++;
        if (f.mutatiecode === '19') acties.push((q) => store.toewijzingStatus(q, tw.id, 'beeindigd', f.mutatiedatum));
      }
      // Requests for a (new or changed) toewijzing (Aanvraag): each AanvraagInstelling becomes a request in
      // the zorgbemiddelaar's queue (toewijzingsverzoek), stored with the message, so never for a rejected one.
      const aanvraagEls = knopen(knoop(el.Aanvragen)?.Aanvraag);
      let aanvragen = 0;
      for (let j = 0; j < c.aanvragen.length; j++) {
        const av = c.aanvragen[j];
        const ind = await store.indicatieOpBesluit(t, String(Number(av.besluitnummer)));
        const lv = LEVERINGSVORM_UIT_IWLZ[av.leveringsvorm];
        // Keuze van het product: an Aanvraag for an indicatie that is not this client's, or in a leveringsvorm
        // the zorgkantoor does not assign (VKB), is answered 0233 (niet beoordeeld); the code list has no closer code.
        if (!ind || ind.client_id !== gevonden.client.id || !lv) {
          codes.set(aanvraagEls[j], [RETOURCODE.NIET_BEOORDEELD]);
          continue;
        }
        aanvragen++;
        goed++;
        const client = gevonden.client;
        acties.push(async (q, berichtId) => {
          for (const inst of av.instellingen)
            await store.verzoekToevoegen(q, {
              id: crypto.randomUUID(),
              client_id: client.id,
              indicatie_id: ind.id,
              regio_code: client.regio_code,
              organisatie_id: a.organisatieId,
              bericht_id: berichtId,
              bericht_identificatie: b.kop.berichtId,
              instelling_agb: inst.instelling,
              soort: inst.soort as SoortToewijzing,
              leveringsvorm: lv,
              zorgprofiel_code: av.zzpCode,
              klasse: av.klasse ?? null,
              ingangsdatum: inst.toewijzingIngangsdatum,
              einddatum: inst.toewijzingEinddatum ?? null,
              opname: inst.opname ?? null,
              doelmatig: av.doelmatig ?? null,
              verantwoord: av.verantwoord ?? null,
            });
        });
      }
      const eigen = [...zzpEls, ...fEls, ...aanvraagEls].flatMap((e) => codes.get(e) ?? []);
      uit.push({
        bsn: masker,
        retourcodes: eigen.length ? eigen : [RETOURCODE.GOED],
        uitkomst: goed
          ? `${goed - aanvragen} mutatie(s) verwerkt${aanvragen ? `, ${aanvragen} aanvraag/aanvragen doorgezet naar de zorgbemiddelaar` : ''}`
          : 'niets verwerkt',
      });
      if (goed) verwerkt++;
      else geweigerd++;
    }
    return afronden(ctx, t, a, s, { type: 'AW39', xml, heen, kop: b.kop, codes, acties, uit, verwerkt, geweigerd });
  });
}

/** Answer, store (only when something was accepted), apply the writes, audit. */
async function afronden(
  ctx: AppContext,
  t: Queryable,
  a: Actor,
  s: Sleutels,
  r: {
    type: 'AW35' | 'AW39';
    xml: string;
    heen: XmlKnoop;
    kop: { ontvanger: string; berichtId: string; dagtekening: string };
    codes: Codes;
    acties: Schrijfactie[];
    uit: VerwerkResultaat['clienten'];
    verwerkt: number;
    geweigerd: number;
  },
): Promise<VerwerkResultaat> {
  const antwoordType = r.type === 'AW35' ? 'AW36' : 'AW310';
  const antwoord = bouwRetour(
    r.type,
    r.heen,
    { identificatieRetour: berichtIdentificatie(), dagtekeningRetour: vandaag(ctx) },
    (_k, el) => r.codes.get(el),
  );
  await moetGeldig(antwoord, antwoordType);
  const berichtId = r.verwerkt > 0 ? crypto.randomUUID() : null;
  if (berichtId) {
    await bewaarBericht(t, s, a, {
      id: berichtId,
      type: r.type,
      richting: 'in',
      zorgkantoor: r.kop.ontvanger,
      organisatieId: a.organisatieId,
      identificatie: r.kop.berichtId,
      dagtekening: r.kop.dagtekening,
      xml: r.xml,
    });
    await bewaarBericht(t, s, a, {
      id: crypto.randomUUID(),
      type: antwoordType,
      richting: 'uit',
      zorgkantoor: r.kop.ontvanger,
      organisatieId: a.organisatieId,
      identificatie: r.kop.berichtId,
      dagtekening: vandaag(ctx),
      xml: antwoord,
      antwoordOp: berichtId,
      retourcodes: telCodes(r.codes),
    });
    for (const act of r.acties) await act(t, berichtId);
  }
  await appendAudit(t, auditActor(a), {
    actie: `clientstroom.${r.type.toLowerCase()}.verwerkt`,
    onderwerpType: 'iwlz_bericht',
    onderwerpId: berichtId ?? sha256(r.xml),
    invoer: { type: r.type, sha256: sha256(r.xml), clienten: r.uit.length },
    resultaat: {
      verwerkt: r.verwerkt,
      geweigerd: r.geweigerd,
      retourcodes: telCodes(r.codes),
      opgeslagen: !!berichtId,
    },
    regel: REGEL,
  });
  return {
    berichtId,
    type: r.type,
    verwerkt: r.verwerkt,
    geweigerd: r.geweigerd,
    clienten: r.uit,
    antwoord,
    antwoordType,
  };
}

/**
 * The provider's answer to a zorgtoewijzing (AW34): validated, matched to the AW33 it answers (by
 * BerichtIdentificatie, sent to this provider), stored with its return codes.
 */
export async function ontvangAw34(
  ctx: AppContext,
  a: Actor,
  input: string | Uint8Array,
): Promise<{
  berichtId: string;
  aw33BerichtId: string;
  kopCodes: string[];
  klassen: { pad: string; codes: string[] }[];
}> {
  const agb = await providerAgb(ctx.db, a);
  const v = await valideerBericht(input, { verwacht: ['AW34'] });
  if (!v.geldig) {
    await auditAfkeuring(ctx, a, input, v, 'AW34');
    throw afgekeurd(v);
  }
  const r = leesRetour(v.xml!);
  if (r.kop.ontvanger !== agb)
    throw unprocessable(
      'iwlz-ontvanger',
      `Dit AW34 beantwoordt een AW33 aan AGB-code ${r.kop.ontvanger}, niet aan uw organisatie (${agb}).`,
      {
        actie: 'Stuur alleen antwoorden op zorgtoewijzingen aan uw eigen organisatie. Er is niets opgeslagen.',
      },
    );
  const aw33 = await store.aw33OpIdentificatie(ctx.db, r.kop.berichtId, a.organisatieId);
  if (!aw33)
    throw unprocessable(
      'iwlz-aw33-onbekend',
      `Er is geen zorgtoewijzing (AW33) met identificatie ${r.kop.berichtId} aan uw organisatie verstuurd.`,
      {
        actie: 'Controleer de BerichtIdentificatie in de header. Er is niets opgeslagen.',
      },
    );
  const id = crypto.randomUUID();
  const klassen = r.klassen.map((k) => ({ pad: k.pad, codes: k.codes }));
  await ctx.db.tx(async (t) => {
    await bewaarBericht(t, sleutels(ctx), a, {
      id,
      type: 'AW34',
      richting: 'in',
      zorgkantoor: aw33.zorgkantoor_code,
      organisatieId: a.organisatieId,
      identificatie: r.kop.identificatieRetour,
      dagtekening: r.kop.dagtekeningRetour,
      xml: v.xml!,
      antwoordOp: aw33.id,
      retourcodes: { kop: r.kopCodes, klassen: klassen.map((k) => ({ pad: k.pad, codes: k.codes })) },
    });
    await appendAudit(t, auditActor(a), {
      actie: 'clientstroom.aw34.ontvangen',
      onderwerpType: 'iwlz_bericht',
      onderwerpId: id,
      invoer: { aw33BerichtId: aw33.id, sha256: sha256(v.xml!) },
      resultaat: {
        kopCodes: r.kopCodes,
        afwijkend: klassen.filter((k) => k.codes.some((c) => c !== RETOURCODE.GOED)).length,
      },
      regel: REGEL,
    });
  });
  return { berichtId: id, aw33BerichtId: aw33.id, kopCodes: r.kopCodes, klassen };
}

// ------------------------------------------------------------------ norms

export interface Norm {
  sector: string;
  status: Leveringsstatus;
  statusNaam: string;
  dagen: number | null;
  bron: string;
  standaard: boolean;
}

const SECTOREN = ['VV', 'GZ', 'GGZ'];

export async function normen(ctx: AppContext): Promise<Norm[]> {
  const gezet = new Map((await store.normen(ctx.db)).map((n) => [`${n.sector}|${n.status}`, n]));
  const uit: Norm[] = [];
  for (const sector of SECTOREN)
    for (const status of WACHTSTATUSSEN) {
      const g = gezet.get(`${sector}|${status}`);
      uit.push({
        sector,
        status,
        statusNaam: LEVERINGSSTATUS_NAAM[status],
        dagen: g ? g.dagen : standaardNorm(status),
        bron: g ? g.bron : STANDAARD_NORMEN_BRON,
        standaard: !g,
      });
    }
  return uit;
}

export async function zetNorm(
  ctx: AppContext,
  a: Actor,
  inv: { sector: string; status: string; dagen: number | null; bron: string },
): Promise<Norm[]> {
  if (!SECTOREN.includes(inv.sector))
    throw badRequest('sector', `Onbekende sector ${inv.sector}.`, { actie: SECTOREN.join(', ') });
  if (!isLeveringsstatus(inv.status) || !isWachtend(inv.status))
    throw badRequest('status', 'Een norm geldt voor een wachtstatus (1, 2, 3, 6 of 7 van LDT_Leveringsstatus).');
  if (!inv.bron.trim()) throw badRequest('bron', 'Noem de bron of reden van de norm.');
  await ctx.db.tx(async (t) => {
    await store.normZetten(t, inv.sector, inv.status, inv.dagen, inv.bron.trim(), a.gebruikerId);
    await appendAudit(t, auditActor(a), {
      actie: 'clientstroom.norm.gezet',
      onderwerpType: 'wachttijdnorm',
      onderwerpId: `${inv.sector}|${inv.status}`,
      invoer: inv,
      regel: REGEL,
    });
  });
  return normen(ctx);
}

async function normTabel(ctx: AppContext): Promise<(sector: string, status: Leveringsstatus | null) => number | null> {
  const n = await normen(ctx);
  const m = new Map(n.map((x) => [`${x.sector}|${x.status}`, x.dagen]));
  return (sector, status) => (status ? (m.get(`${sector}|${status}`) ?? null) : null);
}

// ------------------------------------------------------------------ waiting list, worklist, signals

export interface WachtendeClient {
  clientId: string;
  bsn: string;
  geboortejaar: number;
  regioCode: string;
  sector: string;
  zorgprofielCode: string;
  leveringsvorm: string | null;
  voorkeurAgb: string | null;
  /** LDT_Leveringsstatus, or null = no provider yet (no status reported) */
  status: Leveringsstatus | null;
  statusNaam: string;
  aanbiederId: string | null;
  sinds: string | null;
  dagen: number;
  dagenNorm: number;
  norm: number | null;
  overschreden: boolean;
  reden: 'geen-aanbieder' | 'boven-norm' | 'wachtend';
  heeftIndicatiebesluit: boolean;
  overbrugging: boolean;
}

/**
 * Everyone waiting in the zorgkantoor's regions on the peildatum: clients without an active regular
 * toewijzing (waiting since the indicatie; product choice: counted as actief plaatsen, the norm
 * status of a client the zorgkantoor still has to place), and clients whose latest reported status
 * is a waiting status.
 */
async function wachtenden(
  ctx: AppContext,
  a: Actor,
  f: { regio?: string; sector?: string },
): Promise<WachtendeClient[]> {
  const regios = await regiosVan(ctx, ctx.db, a);
  if (f.regio && !regios.includes(f.regio)) return [];
  const dag = vandaag(ctx);
  const rows = await store.openIndicaties(ctx.db, regios, dag, { regio: f.regio, sector: f.sector, limiet: 20_000 });
  const statussen = await store.statussenVanClienten(
    ctx.db,
    rows.map((r) => r.client_id),
  );
  const perClient = new Map<string, store.StatusRij[]>();
  for (const s of statussen) {
    if (!perClient.has(s.client_id)) perClient.set(s.client_id, []);
    perClient.get(s.client_id)!.push(s);
  }
  const norm = await normTabel(ctx);
  const s = sleutels(ctx);
  const uit: WachtendeClient[] = [];
  for (const r of rows) {
    const hist = (perClient.get(r.client_id) ?? []).filter((x) => !x.indicatie_id || x.indicatie_id === r.id);
    const zonderAanbieder = r.actieve_toewijzingen === 0 && !r.in_zorg;
    const momenten: StatusMoment[] = hist
      .filter((x) => isLeveringsstatus(x.status))
      .map((x) => ({ status: x.status as Leveringsstatus, vanaf: x.vanaf }));
    if (zonderAanbieder && !momenten.length) momenten.push({ status: '7', vanaf: r.afgiftedatum ?? r.ingangsdatum });
    const w = berekenWachttijd(momenten, dag);
    if (!w.wachtend && !zonderAanbieder) continue;
    const statusNorm = w.status && isWachtend(w.status) ? w.status : '7';
    const toets = toetsNorm({ ...w, wachtend: true }, norm(r.sector, statusNorm), (st) => norm(r.sector, st) !== null);
    const bsn = r.bsn_versleuteld ? ontsleutel(s, r.bsn_versleuteld, ctxBsn(r.client_id)) : null;
    uit.push({
      clientId: r.client_id,
      bsn: bsn ? maskeerBsn(bsn) : '—',
      geboortejaar: r.geboortejaar,
      regioCode: r.regio_code,
      sector: r.sector,
      zorgprofielCode: r.zorgprofiel_code,
      leveringsvorm: r.leveringsvorm,
      voorkeurAgb: r.voorkeur_agb,
      status: hist.length ? w.status : null,
      statusNaam: hist.length && w.status ? LEVERINGSSTATUS_NAAM[w.status] : 'Geen aanbieder',
      aanbiederId: r.regulier_organisatie_id ?? hist[hist.length - 1]?.organisatie_id ?? null,
      sinds: w.sinds,
      dagen: w.dagen,
      dagenNorm: toets.dagenGeteld,
      norm: toets.norm,
      overschreden: toets.overschreden,
      reden: zonderAanbieder ? 'geen-aanbieder' : toets.overschreden ? 'boven-norm' : 'wachtend',
      heeftIndicatiebesluit: r.heeft_persoonsgegevens,
      overbrugging: r.overbrugging,
    });
  }
  return uit.sort(
    (x, y) =>
      Number(y.overschreden) - Number(x.overschreden) ||
      y.dagenNorm - x.dagenNorm ||
      x.clientId.localeCompare(y.clientId),
  );
}

export interface Wachtlijst {
  peildatum: string;
  totaal: number;
  zonderAanbieder: number;
  bovenNorm: number;
  overbrugging: number;
  perStatus: { status: string; statusNaam: string; aantal: number; bovenNorm: number; gemiddeldeDagen: number }[];
  perSector: { sector: string; aantal: number; bovenNorm: number }[];
  /** only for the zorgbemiddelaar */
  clienten?: WachtendeClient[];
}

export async function wachtlijst(
  ctx: AppContext,
  a: Actor,
  f: { regio?: string; sector?: string },
): Promise<Wachtlijst> {
  const w = await wachtenden(ctx, a, f);
  const groep = <K extends string>(key: (x: WachtendeClient) => K) => {
    const m = new Map<K, WachtendeClient[]>();
    for (const x of w) {
      const k = key(x);
      if (!m.has(k)) m.set(k, []);
      m.get(k)!.push(x);
    }
    return m;
  };
  const bemiddelaar = a.rollen.some((r) => BEMIDDELAARS.includes(r));
  return {
    peildatum: vandaag(ctx),
    totaal: w.length,
    zonderAanbieder: w.filter((x) => x.reden === 'geen-aanbieder').length,
    bovenNorm: w.filter((x) => x.overschreden).length,
    overbrugging: w.filter((x) => x.overbrugging).length,
    perStatus: [...groep((x) => x.status ?? 'geen')].map(([status, xs]) => ({
      status,
      statusNaam: xs[0].statusNaam,
      aantal: xs.length,
      bovenNorm: xs.filter((x) => x.overschreden).length,
      gemiddeldeDagen: Math.round(xs.reduce((n, x) => n + x.dagen, 0) / xs.length),
    })),
    perSector: [...groep((x) => x.sector)].map(([sector, xs]) => ({
      sector,
      aantal: xs.length,
      bovenNorm: xs.filter((x) => x.overschreden).length,
    })),
    clienten: bemiddelaar ? w.slice(0, 1000) : undefined,
  };
}

export interface WerklijstRegel extends WachtendeClient {
  suggesties: (Suggestie & { organisatieNaam: string })[];
}

/** Clients without a provider or past the norm, with suggestions of contracted providers with room. */
export async function werklijst(
  ctx: AppContext,
  a: Actor,
  f: { regio?: string; sector?: string; limiet?: number },
): Promise<WerklijstRegel[]> {
  const w = (await wachtenden(ctx, a, f)).filter((x) => x.reden !== 'wachtend').slice(0, f.limiet ?? 200);
  const cache = new Map<string, Kandidaat[]>();
  // occupancy of all regions on the list in one read: `regio|leveringsvorm` → provider → clients
  const bezetting = new Map<string, Map<string, number>>();
  for (const b of await store.bezettingInRegios(ctx.db, [...new Set(w.map((x) => x.regioCode))])) {
    const k = `${b.regio_code}|${b.leveringsvorm}`;
    if (!bezetting.has(k)) bezetting.set(k, new Map());
    bezetting.get(k)!.set(b.organisatie_id, b.n);
  }
  // contracts and providers with capacity of every (region, sector, leveringsvorm) group in two reads
  // (set-based: the number of queries does not grow with the number of groups)
  const groepen = new Map<string, { regio: string; sector: string; leveringsvorm: string }>();
  for (const x of w) {
    const lv = x.leveringsvorm ?? 'verblijf';
    groepen.set(`${x.regioCode}|${x.sector}|${lv}`, { regio: x.regioCode, sector: x.sector, leveringsvorm: lv });
  }
  const contracten = await bronnen.gecontracteerdPerRegioSector(
    ctx.db,
    [...new Set(w.map((x) => x.regioCode))],
    jaar(ctx),
  );
  const aanbod = await bronnen.aanbiedersInRegios(ctx.db, [...groepen.values()]);
  const uit: WerklijstRegel[] = [];
  for (const x of w) {
    const lv = x.leveringsvorm ?? 'verblijf';
    const key = `${x.regioCode}|${x.sector}|${lv}`;
    let k = cache.get(key);
    if (!k) {
      const contract = contracten.get(`${x.regioCode}|${x.sector}`) ?? new Set<string>();
      const bezet = bezetting.get(`${x.regioCode}|${lv}`) ?? new Map<string, number>();
      k = (aanbod.get(key) ?? [])
        .filter((o) => contract.has(o.organisatie_id))
        .map((o) => ({
          organisatieId: o.organisatie_id,
          naam: o.naam,
          agb: o.agb,
          capaciteit: o.capaciteit,
          bezet: bezet.get(o.organisatie_id) ?? 0,
          score: o.score,
        }));
      cache.set(key, k);
    }
    uit.push({ ...x, suggesties: suggesties(k, x.voorkeurAgb, 3).map((sg) => ({ ...sg, organisatieNaam: sg.naam })) });
  }
  return uit;
}

export interface Inkoopsignaal {
  regioCode: string;
  sector: string | null;
  aanbieders: {
    organisatieId: string;
    naam: string;
    capaciteit: number;
    wachtend: number;
    voorkeur: number;
    populariteit: string | null;
  }[];
  pgbBijGecontracteerde: { organisatieId: string; naam: string; clienten: number; bron: string }[];
}

/** Waiting list and preference per provider (popularity = preference per place), and the pgb flag. */
export async function inkoopsignalen(
  ctx: AppContext,
  a: Actor,
  f: { regio: string; sector?: string },
): Promise<Inkoopsignaal> {
  const regios = await regiosVan(ctx, ctx.db, a);
  if (!regios.includes(f.regio)) throw notFound(`Regio ${f.regio} van uw zorgkantoor`);
  const sector = f.sector ?? null;
  const aanbieders = await bronnen.aanbiedersInRegio(ctx.db, f.regio, sector, null);
  const wachtend = new Map(
    (await store.wachtendPerAanbieder(ctx.db, f.regio, sector)).map((r) => [r.organisatie_id, r.wachtend]),
  );
  // Clients whose latest reported status at the provider is a waiting status count too.
  for (const x of await wachtenden(ctx, a, { regio: f.regio, sector: f.sector }))
    if (x.status && x.aanbiederId && x.reden !== 'geen-aanbieder')
      wachtend.set(x.aanbiederId, (wachtend.get(x.aanbiederId) ?? 0) + 1);
  const voorkeur = new Map((await store.voorkeurPerAgb(ctx.db, f.regio, sector)).map((r) => [r.agb, r.voorkeur]));
  const lijst = aanbieders
    .map((o) => ({
      naam: o.naam,
      ...populariteit({
        organisatieId: o.organisatie_id,
        wachtend: wachtend.get(o.organisatie_id) ?? 0,
        voorkeur: o.agb ? (voorkeur.get(o.agb) ?? 0) : 0,
        capaciteit: o.capaciteit,
      }),
    }))
    .sort((x, y) => y.voorkeur - x.voorkeur || y.wachtend - x.wachtend || x.naam.localeCompare(y.naam));
  const gecontracteerd = await bronnen.gecontracteerdInRegios(ctx.db, [f.regio], jaar(ctx));
  const pgb = pgbBijGecontracteerde(
    gecontracteerd,
    (await store.pgbRelaties(ctx.db, [f.regio])).map((r) => ({
      organisatieId: r.organisatie_id,
      clientId: r.client_id,
    })),
  );
  const namen = await namenVan(
    ctx.db,
    pgb.map((p) => p.organisatieId),
  );
  return {
    regioCode: f.regio,
    sector,
    aanbieders: lijst,
    pgbBijGecontracteerde: pgb.map((p) => ({
      ...p,
      naam: namen.get(p.organisatieId) ?? p.organisatieId,
      bron: BRON_PGB_GECONTRACTEERD,
    })),
  };
}

// ------------------------------------------------------------------ one client

export interface ClientDetail {
  id: string;
  bsn: string | null;
  naam: string | null;
  geboortedatum: string | null;
  geboortejaar: number;
  regioCode: string;
  geheim: boolean;
  indicaties: {
    id: string;
    besluitnummer: string | null;
    zorgprofielCode: string;
    sector: string;
    ingangsdatum: string;
    einddatum: string | null;
    leveringsvorm: string | null;
    voorkeurAgb: string | null;
    bron: string;
  }[];
  toewijzingen: ToewijzingView[];
  statussen: {
    status: string;
    statusNaam: string;
    classificatie: string | null;
    vanaf: string;
    organisatieId: string | null;
    bron: string;
  }[];
  notities: {
    id: string;
    tekst: string;
    door: string;
    op: string;
    gewijzigdOp: string | null;
    /** written by the signed-in user: only the author edits a note */
    eigen: boolean;
    eerdere: { tekst: string; tot: string }[];
  }[];
}

function naamUit(blok: XmlKnoop | null): { naam: string | null; geboortedatum: string | null } {
  if (!blok) return { naam: null, geboortedatum: null };
  const n = knoop(blok.Naam) ?? {};
  const g = knoop(n.Geslachtsnaam) ?? {};
  const delen = [n.Voorletters, g.Voorvoegsel, g.Achternaam].filter((x): x is string => typeof x === 'string');
  return { naam: delen.join(' ') || null, geboortedatum: (knoop(blok.Geboortedatum)?.Datum as string) ?? null };
}

/**
 * A client's file. The zorgbemiddelaar of the region sees everything; a provider only a client it
 * has a toewijzing for, only its own toewijzingen and statuses, no notes of the zorgkantoor.
 */
export async function clientDetail(ctx: AppContext, a: Actor, id: string): Promise<ClientDetail> {
  const c = await store.clientOpId(ctx.db, id);
  if (!c) throw notFound('Deze cliënt');
  let tws = await store.toewijzingenVanClient(ctx.db, id);
  const aanbieder = isAanbieder(a);
  if (aanbieder) {
    tws = tws.filter((x) => x.organisatie_id === a.organisatieId);
    if (!tws.length) throw notFound('Deze cliënt');
  } else if (!(await regiosVan(ctx, ctx.db, a)).includes(c.regio_code)) throw notFound('Deze cliënt');
  const s = sleutels(ctx);
  const p = naamUit(leesPersoon(s, c));
  let inds = await store.indicatiesVanClient(ctx.db, id);
  if (aanbieder) inds = inds.filter((i) => tws.some((x) => x.indicatie_id === i.id));
  let st = await store.statussenVanClienten(ctx.db, [id]);
  if (aanbieder) st = st.filter((x) => x.organisatie_id === a.organisatieId);
  const namen = await namenVan(
    ctx.db,
    tws.map((x) => x.organisatie_id),
  );
  return {
    id,
    bsn: leesBsn(s, c),
    naam: p.naam,
    geboortedatum: p.geboortedatum,
    geboortejaar: c.geboortejaar,
    regioCode: c.regio_code,
    geheim: c.geheim,
    indicaties: inds.map((i) => ({
      id: i.id,
      besluitnummer: i.besluitnummer,
      zorgprofielCode: i.zorgprofiel_code,
      sector: i.sector,
      ingangsdatum: i.ingangsdatum,
      einddatum: i.einddatum,
      leveringsvorm: i.leveringsvorm,
      voorkeurAgb: i.voorkeur_agb,
      bron: i.bron,
    })),
    toewijzingen: tws.map((x) => toewijzingView(x, namen)),
    statussen: st.map((x) => ({
      status: x.status,
      statusNaam: isLeveringsstatus(x.status) ? LEVERINGSSTATUS_NAAM[x.status] : x.status,
      classificatie: x.classificatie,
      vanaf: x.vanaf,
      organisatieId: x.organisatie_id,
      bron: x.bron,
    })),
    notities: aanbieder ? [] : await notitiesVan(ctx, a, id),
  };
}

/** Finds a client by BSN (sent in a request body, never in a URL). */
export async function zoekClient(ctx: AppContext, a: Actor, bsn: string): Promise<{ clientId: string }> {
  if (!isGeldigBsn(bsn)) throw badRequest('bsn', 'Dit is geen geldig BSN (9 cijfers, elfproef).');
  const c = await store.clientOpToken(ctx.db, bsnToken(sleutels(ctx), bsn));
  if (!c) throw notFound('Een cliënt met dit BSN');
  await clientDetail(ctx, a, c.id); // same visibility as the file itself
  return { clientId: c.id };
}

export async function notitieToevoegen(ctx: AppContext, a: Actor, clientId: string, tekst: string) {
  if (!tekst.trim()) throw badRequest('tekst', 'De notitie is leeg.');
  const c = await store.clientOpId(ctx.db, clientId);
  if (!c || !(await regiosVan(ctx, ctx.db, a)).includes(c.regio_code)) throw notFound('Deze cliënt');
  const id = crypto.randomUUID();
  await ctx.db.tx(async (t) => {
    await store.notitieToevoegen(
      t,
      id,
      clientId,
      versleutel(sleutels(ctx), tekst.trim(), `notitie:${id}`),
      a.gebruikerId,
    );
    await appendAudit(t, auditActor(a), {
      actie: 'clientstroom.notitie.toegevoegd',
      onderwerpType: 'client',
      onderwerpId: clientId,
      invoer: { notitieId: id, tekens: tekst.trim().length },
    });
  });
  return { id };
}

async function notitiesVan(ctx: AppContext, a: Actor, clientId: string): Promise<ClientDetail['notities']> {
  const s = sleutels(ctx);
  const versies = await store.notitieVersies(ctx.db, clientId);
  return (await store.notities(ctx.db, clientId)).map((n) => ({
    id: n.id,
    tekst: ontsleutel(s, n.tekst_versleuteld, `notitie:${n.id}`),
    door: n.gebruiker_naam,
    op: new Date(n.aangemaakt_op).toISOString(),
    gewijzigdOp: n.gewijzigd_op ? new Date(n.gewijzigd_op).toISOString() : null,
    eigen: n.gebruiker_id === a.gebruikerId,
    eerdere: versies
      .filter((v) => v.notitie_id === n.id)
      .map((v) => ({
        tekst: ontsleutel(s, v.tekst_versleuteld, `notitie:${n.id}`),
        tot: new Date(v.geldig_tot).toISOString(),
      })),
  }));
}

/**
 * Edits a mediation note: only its author may, the earlier text is kept as a version, and the
 * change is audited (lengths only: the text holds personal data).
 */
export async function notitieWijzigen(ctx: AppContext, a: Actor, clientId: string, notitieId: string, tekst: string) {
  if (!tekst.trim())
    throw badRequest('tekst', 'De notitie is leeg.', { actie: 'Schrijf de nieuwe tekst van de notitie.' });
  const c = await store.clientOpId(ctx.db, clientId);
  if (!c || !(await regiosVan(ctx, ctx.db, a)).includes(c.regio_code)) throw notFound('Deze cliënt');
  const s = sleutels(ctx);
  await ctx.db.tx(async (t) => {
    const n = await store.notitieOpId(t, notitieId);
    if (!n || n.client_id !== clientId) throw notFound('Deze notitie');
    if (n.gebruiker_id !== a.gebruikerId)
      throw forbidden('Alleen wie de notitie schreef, kan haar wijzigen. Voeg anders een nieuwe notitie toe.');
    const oud = ontsleutel(s, n.tekst_versleuteld, `notitie:${n.id}`);
    await store.notitieWijzigen(t, n.id, versleutel(s, tekst.trim(), `notitie:${n.id}`), a.gebruikerId);
    await appendAudit(t, auditActor(a), {
      actie: 'clientstroom.notitie.gewijzigd',
      onderwerpType: 'client',
      onderwerpId: clientId,
      invoer: { notitieId: n.id, tekensVoor: oud.length, tekensNa: tekst.trim().length },
    });
  });
  return notitiesVan(ctx, a, clientId);
}

// ------------------------------------------------------------------ requests for a toewijzing (AW39 Aanvraag)

export interface VerzoekView {
  id: string;
  clientId: string;
  /** masked BSN and year of birth, as on the worklist */
  client: string;
  indicatieId: string;
  regioCode: string;
  organisatieId: string;
  organisatieNaam: string;
  berichtIdentificatie: string;
  instellingAgb: string;
  soort: SoortToewijzing;
  soortNaam: string;
  leveringsvorm: string;
  zorgprofielCode: string;
  klasse: string | null;
  ingangsdatum: string;
  einddatum: string | null;
  opname: boolean | null;
  doelmatig: boolean | null;
  verantwoord: boolean | null;
  status: store.VerzoekRij['status'];
  reden: string | null;
  toewijzingId: string | null;
  beslotenOp: string | null;
  ontvangenOp: string;
}

async function verzoekViews(ctx: AppContext, q: Queryable, rows: store.VerzoekRij[]): Promise<VerzoekView[]> {
  const s = sleutels(ctx);
  const namen = await namenVan(
    q,
    rows.map((r) => r.organisatie_id),
  );
  const clienten = new Map<string, string>();
  for (const r of rows)
    if (!clienten.has(r.client_id)) {
      const c = (await store.clientOpId(q, r.client_id))!;
      const bsn = leesBsn(s, c);
      clienten.set(r.client_id, `${bsn ? maskeerBsn(bsn) : '—'} (${c.geboortejaar})`);
    }
  return rows.map((r) => ({
    id: r.id,
    clientId: r.client_id,
    client: clienten.get(r.client_id)!,
    indicatieId: r.indicatie_id,
    regioCode: r.regio_code,
    organisatieId: r.organisatie_id,
    organisatieNaam: namen.get(r.organisatie_id) ?? r.organisatie_id,
    berichtIdentificatie: r.bericht_identificatie,
    instellingAgb: r.instelling_agb,
    soort: r.soort,
    soortNaam: SOORT_TOEWIJZING_NAAM[r.soort],
    leveringsvorm: r.leveringsvorm,
    zorgprofielCode: r.zorgprofiel_code,
    klasse: r.klasse,
    ingangsdatum: r.ingangsdatum,
    einddatum: r.einddatum,
    opname: r.opname,
    doelmatig: r.doelmatig,
    verantwoord: r.verantwoord,
    status: r.status,
    reden: r.reden,
    toewijzingId: r.toewijzing_id,
    beslotenOp: r.besloten_op ? r.besloten_op.toISOString() : null,
    ontvangenOp: r.ontvangen_op.toISOString(),
  }));
}

/** The zorgkantoor sees the requests of its regions, a provider only its own. */
export async function verzoeken(
  ctx: AppContext,
  a: Actor,
  f: { status?: store.VerzoekRij['status'] } = {},
): Promise<VerzoekView[]> {
  const zicht = isAanbieder(a) ? { organisatieId: a.organisatieId } : { regios: await regiosVan(ctx, ctx.db, a) };
  return verzoekViews(ctx, ctx.db, await store.verzoekenLijst(ctx.db, zicht, f.status ?? null, 1000));
}

/** One request; another provider's, or one outside the zorgkantoor's regions, does not exist (404). */
async function verzoekZichtbaar(
  ctx: AppContext,
  q: Queryable,
  a: Actor,
  id: string,
  vergrendel = false,
): Promise<store.VerzoekRij> {
  const v = vergrendel ? await store.verzoekVergrendeld(q, id) : await store.verzoekOpId(q, id);
  return vereisZichtbaar(ctx, q, a, v, 'Dit toewijzingsverzoek');
}

export async function verzoek(ctx: AppContext, a: Actor, id: string): Promise<VerzoekView> {
  return (await verzoekViews(ctx, ctx.db, [await verzoekZichtbaar(ctx, ctx.db, a, id)]))[0];
}

function vereisOpen(v: store.VerzoekRij) {
  if (v.status !== 'open')
    throw conflict(
      'verzoek-al-besloten',
      `Over dit toewijzingsverzoek is al besloten: ${v.status === 'toegekend' ? 'toegekend' : 'geweigerd'}.`,
      { actie: 'Ververs de lijst; een verzoek wordt één keer toegekend of geweigerd.' },
    );
}

export interface VerzoekToekennen {
  /** the zorgkantoor's own judgement for vpt/mpt; without it, the provider's answers in the Aanvraag */
  toetsing?: { verantwoord: boolean; doelmatig: boolean; toelichting?: string | null } | null;
  /** mpt: the function assigned (the Aanvraag names the zorgprofiel, not the function) */
  functieCode?: string | null;
  functieKlasse?: string | null;
}

/**
 * Grants a request: the toewijzing (with its AW33) through the same path as a toewijzing made by
 * hand, the request marked granted, in one transaction with the request row locked.
 */
export async function kenVerzoekToe(
  ctx: AppContext,
  a: Actor,
  id: string,
  inv: VerzoekToekennen,
): Promise<{ verzoek: VerzoekView; toewijzing: ToewijzingView }> {
  return ctx.db.tx(async (t) => {
    const v = await verzoekZichtbaar(ctx, t, a, id, true);
    if (isAanbieder(a)) throw forbidden();
    vereisOpen(v);
    const lv = v.leveringsvorm as Leveringsvorm;
    const org = lv === 'pgb' ? null : await bronnen.zorgaanbiederOpAgb(t, v.instelling_agb);
    if (lv !== 'pgb' && !org)
      throw unprocessable(
        'verzoek-instelling-onbekend',
        `Er is geen zorgaanbieder met AGB-code ${v.instelling_agb} bekend; het verzoek kan zo niet worden toegekend.`,
        { actie: 'Weiger het verzoek met die reden, of laat de beheerder de AGB-code van de aanbieder vastleggen.' },
      );
    const thuis = lv === 'vpt' || lv === 'mpt';
    const toetsing = !thuis
      ? null
      : inv.toetsing
        ? { ...inv.toetsing, toelichting: inv.toetsing.toelichting ?? null }
        : {
            verantwoord: v.verantwoord,
            doelmatig: v.doelmatig,
            toelichting: `Antwoorden van de aanbieder in de aanvraag (AW39 ${v.bericht_identificatie})`,
          };
    const tw = await maakToewijzingIn(ctx, t, a, {
      indicatieId: v.indicatie_id,
      organisatieId: org?.id ?? null,
      soort: v.soort,
      leveringsvorm: lv,
      ingangsdatum: v.ingangsdatum,
      einddatum: v.einddatum,
      toetsing,
      functieCode: lv === 'mpt' ? (inv.functieCode ?? null) : null,
      functieKlasse: lv === 'mpt' ? (inv.functieKlasse ?? v.klasse ?? null) : null,
    });
    await store.verzoekBesluit(t, id, { status: 'toegekend', reden: null, toewijzingId: tw.id, door: a.gebruikerId });
    await appendAudit(t, auditActor(a), {
      actie: 'clientstroom.verzoek.toegekend',
      onderwerpType: 'toewijzingsverzoek',
      onderwerpId: id,
      invoer: {
        berichtId: v.bericht_id,
        organisatieId: v.organisatie_id,
        instellingAgb: v.instelling_agb,
        soort: v.soort,
        leveringsvorm: v.leveringsvorm,
        ingangsdatum: v.ingangsdatum,
        einddatum: v.einddatum,
        toetsing,
        functieCode: inv.functieCode ?? null,
      },
      resultaat: { toewijzingId: tw.id, aw33BerichtId: tw.aw33BerichtId },
      regel: REGEL,
    });
    const [view] = await verzoekViews(ctx, t, [(await store.verzoekOpId(t, id))!]);
    return { verzoek: view, toewijzing: tw };
  });
}

/** Refuses a request, with a reason the provider sees. */
export async function weigerVerzoek(
  ctx: AppContext,
  a: Actor,
  id: string,
  inv: { reden?: string | null },
): Promise<VerzoekView> {
  const reden = (inv.reden ?? '').trim();
  if (!reden)
    throw badRequest('reden', 'Geef de reden waarom het verzoek wordt geweigerd.', {
      fouten: [{ waar: 'reden', wat: 'ontbreekt', actie: 'Schrijf de reden; de aanbieder ziet die bij het verzoek.' }],
    });
  if (reden.length > 2000)
    throw badRequest('reden', 'De reden is te lang (ten hoogste 2000 tekens).', {
      fouten: [{ waar: 'reden', wat: 'te lang' }],
    });
  return ctx.db.tx(async (t) => {
    const v = await verzoekZichtbaar(ctx, t, a, id, true);
    if (isAanbieder(a)) throw forbidden();
    vereisOpen(v);
    await store.verzoekBesluit(t, id, { status: 'geweigerd', reden, toewijzingId: null, door: a.gebruikerId });
    await appendAudit(t, auditActor(a), {
      actie: 'clientstroom.verzoek.geweigerd',
      onderwerpType: 'toewijzingsverzoek',
      onderwerpId: id,
      invoer: { berichtId: v.bericht_id, organisatieId: v.organisatie_id, leveringsvorm: v.leveringsvorm, reden },
      resultaat: { status: 'geweigerd' },
      regel: REGEL,
    });
    return (await verzoekViews(ctx, t, [(await store.verzoekOpId(t, id))!]))[0];
  });
}
