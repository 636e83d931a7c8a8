/**
 * Loads the shipped reference data: regions, zorgkantoren, catalogue, prestaties and the demo
 * concession mapping. Idempotent and additive: runs on every start, adds rows that are new in the
 * data files (a newer release) and never overwrites rows that exist — so an edited region →
 * zorgkantoor mapping stays as the beheerder left it.
 */
import type { Queryable } from '../platform/db/index.ts';
import { insertAll } from './store.ts';
import regios from './data/regios.json' with { type: 'json' };
import catalogus from './data/catalogus.json' with { type: 'json' };
import zorgkantoren from './data/zorgkantoren.json' with { type: 'json' };

/** The zorgkantoren (id, name, short name) of the reference data. */
export const ZORGKANTOREN: { id: string; naam: string; kort: string }[] = zorgkantoren.zorgkantoren;
import concessie from './data/regio-concessie-voorbeeld.json' with { type: 'json' };
import prestaties from './data/prestaties.json' with { type: 'json' };

export interface PrestatieDef {
  code: string;
  omschrijving: string;
  soort: 'zzp' | 'vpt' | 'mpt';
  sector: string;
  leveringsvorm: string;
  zorgprofiel?: string;
  functie?: string;
  klasse?: string;
  behandeling?: boolean;
  eenheid: string;
  bron: string;
}

/** The prestatie catalogue as shipped (src/reference/data/prestaties.json). */
export const PRESTATIES: PrestatieDef[] = prestaties.prestaties as PrestatieDef[];

export async function ensureReference(q: Queryable): Promise<void> {
  await insertAll(
    q,
    'regio',
    { code: 'text', naam: 'text', actief: 'boolean', opmerking: 'text', bron: 'text' },
    (regios.regios as any[]).map((r) => ({
      code: r.code,
      naam: r.naam,
      actief: r.actief,
      opmerking: r.opmerking ?? null,
      bron: r.bron,
    })),
  );
  await insertAll(
    q,
    'organisatie',
    { id: 'text', soort: 'text', naam: 'text' },
    zorgkantoren.zorgkantoren.map((z) => ({ id: z.id, soort: 'zorgkantoor', naam: z.naam })),
  );
  await insertAll(q, 'sector', { code: 'text', naam: 'text', naam_en: 'text' }, catalogus.sectoren);
  await insertAll(
    q,
    'leveringsvorm',
    { code: 'text', iwlz_code: 'text', naam: 'text', bron: 'text' },
    catalogus.leveringsvormen,
  );
  await insertAll(
    q,
    'zorgprofiel',
    { code: 'text', naam: 'text', omschrijving: 'text', sector: 'text', behandeling: 'boolean', bron: 'text' },
    (catalogus.zorgprofielen as any[]).map((z) => ({
      ...z,
      sector: z.sector ?? null,
      behandeling: z.behandeling ?? null,
    })),
  );
  await insertAll(q, 'functie', { code: 'text', omschrijving: 'text', bron: 'text' }, catalogus.functies);
  await insertAll(
    q,
    'klasse',
    { code: 'text', omschrijving: 'text', eenheid: 'text', bron: 'text' },
    (catalogus.klassen as any[]).map((k) => ({ ...k, eenheid: k.eenheid ?? null })),
  );
  await insertAll(
    q,
    'prestatie',
    {
      code: 'text',
      omschrijving: 'text',
      soort: 'text',
      sector: 'text',
      leveringsvorm: 'text',
      zorgprofiel_code: 'text',
      functie_code: 'text',
      klasse_code: 'text',
      behandeling: 'boolean',
      eenheid: 'text',
      bron: 'text',
    },
    PRESTATIES.map((p) => ({
      code: p.code,
      omschrijving: p.omschrijving,
      soort: p.soort,
      sector: p.sector,
      leveringsvorm: p.leveringsvorm,
      zorgprofiel_code: p.zorgprofiel ?? null,
      functie_code: p.functie ?? null,
      klasse_code: p.klasse ?? null,
      behandeling: p.behandeling ?? null,
      eenheid: p.eenheid,
      bron: p.bron,
    })),
  );
  const rows: Record<string, unknown>[] = [];
  for (const jaar of concessie.jaren) {
    for (const [regio, org] of Object.entries(concessie.indeling))
      rows.push({ regio_code: regio, jaar, organisatie_id: org, voorbeeld: true, bron: concessie.bron });
  }
  await insertAll(
    q,
    'regio_concessie',
    { regio_code: 'text', jaar: 'int', organisatie_id: 'text', voorbeeld: 'boolean', bron: 'text' },
    rows,
  );
}

/** Regions the demo concession mapping gives to one zorgkantoor (e.g. zk-cz). */
export function voorbeeldRegiosVan(organisatieId: string): string[] {
  return Object.entries(concessie.indeling)
    .filter(([, o]) => o === organisatieId)
    .map(([r]) => r)
    .sort();
}

/** Active regions (COD001 codes in use; 5502 is kept as an inactive alias of 5533). */
export function actieveRegios(): string[] {
  return (regios.regios as any[])
    .filter((r) => r.actief)
    .map((r) => r.code as string)
    .sort();
}
