/**
 * The NZa budget round in spreadsheets: export the productieafspraken of a region and year (one row
 * per provider × prestatie; CSV and .xlsx) and import a filled sheet back. Format:
 * docs/formaten/budgetformulier.md.
 *
 * Import is all or nothing: every row and field is checked (unknown or missing columns, a number
 * that is not a decimal, a prestatie without tariff, an agreement that does not fit the
 * contracteerruimte); any error gives one 422 naming row and field, and nothing is stored.
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { AppContext } from '../platform/context.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { appendAudit } from '../platform/audit.ts';
import { auditActor } from '../platform/audit.ts';
import { badRequest, unprocessable, type Fout } from '../platform/errors.ts';
import { Decimal } from '../domain/money.ts';
import { bedragVan } from '../domain/contracteerruimte/afspraak.ts';
import { afsprakenLijst, afspraakSchrijven, VOORBEELD_LABEL, type AfspraakInvoer } from './service.ts';
import * as store from './store.ts';

export const KOLOMMEN = [
  'jaar',
  'regio',
  'zorgkantoor',
  'aanbieder_id',
  'aanbieder',
  'sector',
  'prestatie',
  'omschrijving',
  'leveringsvorm',
  'zorgprofiel',
  'functie',
  'klasse',
  'eenheid',
  'prijs',
  'volume',
  'bedrag',
  'prijsbron',
  'soort',
  'status',
  'versie',
] as const;
export const VERPLICHT = ['jaar', 'regio', 'aanbieder_id', 'prestatie', 'volume'] as const;
const GETAL_KOLOMMEN = new Set(['prijs', 'volume', 'bedrag']);

type Rij = Record<(typeof KOLOMMEN)[number], string>;

/** The rows of the export: the agreements the actor may see, as text (decimals with a point). */
export async function exportRijen(ctx: AppContext, a: Actor, f: { jaar: number; regio: string; sector?: string }) {
  const l = await afsprakenLijst(ctx, a, f);
  const cr = (await store.crZoeken(ctx.db, { regios: [f.regio], jaar: f.jaar, sector: f.sector })).find(() => true);
  const houder = cr ? undefined : await store.concessiehouder(ctx.db, f.regio, f.jaar);
  const rijen: Rij[] = l.afspraken.map((x) => ({
    jaar: String(x.jaar),
    regio: x.regioCode,
    zorgkantoor: cr?.zorgkantoor_naam ?? houder ?? '',
    aanbieder_id: x.aanbiederId,
    aanbieder: x.aanbiederNaam,
    sector: x.sector,
    prestatie: x.prestatie,
    omschrijving: x.prestatieOmschrijving,
    leveringsvorm: x.leveringsvorm ?? '',
    zorgprofiel: x.zorgprofiel ?? '',
    functie: x.functie ?? '',
    klasse: x.klasse ?? '',
    eenheid: x.eenheid,
    prijs: x.prijs,
    volume: x.volume,
    bedrag: x.bedrag,
    prijsbron: x.prijsBron,
    soort: x.soort,
    status: x.status,
    versie: String(x.versie),
  }));
  return { rijen, voorbeeld: cr?.voorbeeld ?? false, deadline: l.nzaDeadline };
}

const csvCel = (s: string) => (/[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * CSV as Dutch spreadsheets open it: UTF-8 with BOM, semicolons, decimal comma. A first comment
 * line names the deadline and, for example figures, says so.
 */
export function naarCsv(rijen: Rij[], meta: { voorbeeld: boolean; toelichting: string }): string {
  const regels = [`# ${meta.toelichting}${meta.voorbeeld ? ' ' + VOORBEELD_LABEL : ''}`, KOLOMMEN.join(';')];
  for (const r of rijen)
    regels.push(KOLOMMEN.map((k) => csvCel(GETAL_KOLOMMEN.has(k) ? r[k].replace('.', ',') : r[k])).join(';'));
  return '\uFEFF' + regels.join('\r\n') + '\r\n';
}

export async function naarXlsx(rijen: Rij[], meta: { voorbeeld: boolean; toelichting: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zorginkoop Wlz';
  const ws = wb.addWorksheet('Budgetformulier');
  ws.addRow([...KOLOMMEN]);
  ws.getRow(1).font = { bold: true };
  for (const r of rijen)
    ws.addRow(
      KOLOMMEN.map((k) =>
        GETAL_KOLOMMEN.has(k) ? Number(r[k]) : k === 'jaar' || k === 'versie' ? Number(r[k]) : r[k],
      ),
    );
  for (const k of ['prijs', 'bedrag']) ws.getColumn(KOLOMMEN.indexOf(k as never) + 1).numFmt = '#,##0.00';
  ws.getColumn(KOLOMMEN.indexOf('volume') + 1).numFmt = '0.00';
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const info = wb.addWorksheet('Toelichting');
  info.addRow([meta.toelichting]);
  if (meta.voorbeeld) info.addRow([VOORBEELD_LABEL]);
  info.addRow([
    'Formaat: docs/formaten/budgetformulier.md. Vul prijs en volume; bedrag = prijs × volume (centen half-up).',
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface Gelezen {
  kop: string[];
  /** row number as the user sees it (1-based, header included) → cells by column name */
  rijen: { regel: number; cellen: Record<string, string> }[];
}

/** Splits CSV lines on the separator (semicolon; a comma-separated file is recognised by its header). */
function leesCsv(tekst: string): Gelezen {
  const zonderBom = tekst.replace(/^\uFEFF/, '');
  // rows keep their line numbers; comment lines (#) and empty lines are skipped; no line breaks inside cells
  const regels = zonderBom.split(/\r\n|\n|\r/);
  const nuttig = regels.map((t, i) => ({ regel: i + 1, t })).filter((x) => x.t.trim() && !x.t.startsWith('#'));
  if (!nuttig.length)
    throw badRequest('bestand-leeg', 'Het bestand bevat geen kopregel.', { actie: 'Gebruik de export als sjabloon.' });
  const sep = nuttig[0].t.includes(';') ? ';' : ',';
  const split = (s: string): string[] => {
    const out: string[] = [];
    let cel = '';
    let q = false;
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (q) {
        if (c === '"' && s[i + 1] === '"') {
          cel += '"';
          i++;
        } else if (c === '"') q = false;
        else cel += c;
      } else if (c === '"') q = true;
      else if (c === sep) {
        out.push(cel);
        cel = '';
      } else cel += c;
    }
    out.push(cel);
    return out;
  };
  const kop = split(nuttig[0].t).map((k) => k.trim().toLowerCase());
  return {
    kop,
    rijen: nuttig.slice(1).map((x) => {
      const c = split(x.t);
      return { regel: x.regel, cellen: Object.fromEntries(kop.map((k, i) => [k, (c[i] ?? '').trim()])) };
    }),
  };
}

async function leesXlsx(bytes: Buffer): Promise<Gelezen> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw badRequest('xlsx-onleesbaar', 'Het .xlsx-bestand kan niet worden gelezen.', {
      actie: 'Sla het op als Excel-werkmap (.xlsx) of als CSV.',
    });
  }
  const ws = wb.getWorksheet('Budgetformulier') ?? wb.worksheets[0];
  if (!ws) throw badRequest('bestand-leeg', 'De werkmap heeft geen werkblad.');
  const tekst = (v: ExcelJS.CellValue): string => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') return String(v);
    if (typeof v === 'object' && 'result' in v)
      return tekst((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if (typeof v === 'object' && 'richText' in v)
      return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
    return String(v);
  };
  const kop = ((ws.getRow(1).values as ExcelJS.CellValue[]) ?? []).slice(1).map((v) => tekst(v).trim().toLowerCase());
  const rijen: Gelezen['rijen'] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const vals = (row.values as ExcelJS.CellValue[]).slice(1);
    const cellen = Object.fromEntries(kop.map((k, i) => [k, tekst(vals[i]).trim()]));
    if (Object.values(cellen).some((x) => x !== '')) rijen.push({ regel: n, cellen });
  });
  return { kop, rijen };
}

const DEC = /^\d+([.,]\d+)?$/;

/** Reads and checks a filled sheet; stores every row as a new version in one transaction, or nothing. */
export async function importeer(ctx: AppContext, a: Actor, bestand: { bestandsnaam: string; bytes: Buffer }) {
  const isXlsx = bestand.bytes.subarray(0, 2).toString('latin1') === 'PK';
  const g = isXlsx ? await leesXlsx(bestand.bytes) : leesCsv(bestand.bytes.toString('utf8'));
  const fouten: Fout[] = [];
  const onbekend = g.kop.filter((k) => k && !(KOLOMMEN as readonly string[]).includes(k));
  for (const k of onbekend)
    fouten.push({ waar: `kolom ${k}`, wat: `onbekende kolom "${k}"`, actie: `Toegestaan: ${KOLOMMEN.join(', ')}.` });
  for (const k of VERPLICHT)
    if (!g.kop.includes(k))
      fouten.push({
        waar: `kolom ${k}`,
        wat: `verplichte kolom "${k}" ontbreekt`,
        actie: 'Gebruik de kopregel van de export.',
      });
  if (fouten.length)
    throw unprocessable('kolommen-onjuist', `${bestand.bestandsnaam}: de kolommen kloppen niet.`, { fouten });
  if (!g.rijen.length) throw unprocessable('geen-regels', `${bestand.bestandsnaam} bevat geen regels.`);

  const invoer: { regel: number; inv: AfspraakInvoer; bedrag?: string }[] = [];
  for (const { regel, cellen } of g.rijen) {
    const waar = (k: string) => `regel ${regel}, ${k}`;
    const r: Partial<AfspraakInvoer> = {};
    for (const k of VERPLICHT) if (!cellen[k]) fouten.push({ waar: waar(k), wat: 'leeg', actie: `Vul ${k} in.` });
    if (cellen.jaar && !/^\d{4}$/.test(cellen.jaar))
      fouten.push({ waar: waar('jaar'), wat: `"${cellen.jaar}" is geen jaartal` });
    if (cellen.regio && !/^55\d\d$/.test(cellen.regio))
      fouten.push({ waar: waar('regio'), wat: `"${cellen.regio}" is geen zorgkantoorregio`, actie: 'Bijv. 5527.' });
    for (const k of ['prijs', 'volume', 'bedrag'] as const) {
      const v = cellen[k];
      if (!v) continue;
      if (!DEC.test(v))
        fouten.push({
          waar: waar(k),
          wat: `"${v}" is geen decimaal getal`,
          actie: 'Schrijf bijv. 1234,56 of 1234.56, zonder duizendtalscheiding of €-teken.',
        });
      else if (new Decimal(v.replace(',', '.')).decimalPlaces() > 2)
        fouten.push({
          waar: waar(k),
          wat: `"${v}" heeft meer dan twee decimalen`,
          actie: 'Rond af op centen (prijs, bedrag) of honderdsten (volume).',
        });
    }
    // an exported sheet names where a price came from (scenario, contract history); imported, the price in the sheet counts
    const gegeven =
      cellen.prijsbron === 'scenario' || cellen.prijsbron === 'historisch' ? 'ingevoerd' : cellen.prijsbron;
    const bron = gegeven || (cellen.prijs ? 'ingevoerd' : 'nza-maximum');
    if (bron === 'ingevoerd' && !cellen.prijs)
      fouten.push({
        waar: waar('prijs'),
        wat: 'leeg, maar de prijsbron vraagt een prijs',
        actie: 'Vul de prijs in of kies prijsbron gunning, nza-maximum of tariefbeleid.',
      });
    if (!['ingevoerd', 'nza-maximum', 'tariefbeleid', 'gunning'].includes(bron))
      fouten.push({
        waar: waar('prijsbron'),
        wat: `onbekende prijsbron "${bron}"`,
        actie: 'Kies gunning, ingevoerd, nza-maximum of tariefbeleid.',
      });
    const soort = cellen.soort || 'tweezijdig';
    if (!['tweezijdig', 'eenzijdig'].includes(soort))
      fouten.push({ waar: waar('soort'), wat: `onbekende soort "${soort}"`, actie: 'Kies tweezijdig of eenzijdig.' });
    Object.assign(r, {
      aanbiederId: cellen.aanbieder_id,
      regio: cellen.regio,
      jaar: Number(cellen.jaar),
      prestatie: cellen.prestatie,
      volume: (cellen.volume ?? '').replace(',', '.'),
      prijsBron: bron,
      ...(bron === 'ingevoerd' && cellen.prijs ? { prijs: cellen.prijs.replace(',', '.') } : {}),
      // no source and no price: the award price when the provider has one, else the NZa maximum
      ...(!gegeven && !cellen.prijs ? { gunningVoorrang: true } : {}),
      soort,
    });
    invoer.push({
      regel,
      inv: r as AfspraakInvoer,
      bedrag: cellen.bedrag ? cellen.bedrag.replace(',', '.') : undefined,
    });
  }
  if (fouten.length)
    throw unprocessable(
      'import-ongeldig',
      `${bestand.bestandsnaam}: ${fouten.length} fout(en); er is niets opgeslagen.`,
      { fouten },
    );

  return ctx.db.tx(async (t) => {
    let nieuw = 0,
      gewijzigd = 0;
    let totaal = new Decimal(0);
    const nzaCache = new Map();
    for (const x of invoer) {
      const res = await afspraakSchrijven(
        t,
        { actor: a, nu: ctx.now(), reden: 'import', nzaCache },
        x.inv,
        `regel ${x.regel}, `,
      );
      if ('fouten' in res) {
        fouten.push(...res.fouten);
        continue;
      }
      if (x.bedrag && !bedragVan(res.afspraak.prijs, res.afspraak.volume).equals(x.bedrag))
        fouten.push({
          waar: `regel ${x.regel}, bedrag`,
          wat: `bedrag ${x.bedrag} is niet prijs × volume (${res.afspraak.prijs} × ${res.afspraak.volume} = ${bedragVan(res.afspraak.prijs, res.afspraak.volume).toFixed(2)})`,
          actie: 'Laat bedrag leeg of corrigeer het; het systeem rekent het zelf uit.',
        });
      if (res.nieuw) nieuw++;
      else gewijzigd++;
      totaal = totaal.plus(res.afspraak.bedrag);
    }
    if (fouten.length)
      throw unprocessable(
        'import-ongeldig',
        `${bestand.bestandsnaam}: ${fouten.length} fout(en); er is niets opgeslagen.`,
        { fouten },
      );
    const sha256 = createHash('sha256').update(bestand.bytes).digest('hex');
    await appendAudit(t, auditActor(a), {
      actie: 'productieafspraken.geimporteerd',
      onderwerpType: 'budgetformulier',
      onderwerpId: sha256,
      invoer: { bestandsnaam: bestand.bestandsnaam, sha256, regels: invoer.length },
      resultaat: { nieuw, gewijzigd, totaal: totaal.toFixed(2) },
      regel: 'bedrag = prijs × volume, centen half-up; alles of niets',
    });
    return {
      bestandsnaam: bestand.bestandsnaam,
      sha256,
      regels: invoer.length,
      nieuw,
      gewijzigd,
      totaal: totaal.toFixed(2),
    };
  });
}
