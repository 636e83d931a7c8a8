/** SQL of the nacalculatie (tables of migrations 0074 and 0079, and the year's declarations in `realisatie`). */
import type { Queryable } from '../../platform/db/index.ts';
import type { OverproductieRegel } from '../../domain/realisatie/nacalculatie.ts';

export interface NacalculatieRow {
  id: string;
  zorgkantoor_id: string;
  regio_code: string;
  jaar: number;
  sector: string;
  status: 'voorgesteld' | 'vastgesteld' | 'afgewezen';
  regel: OverproductieRegel;
  contracteerruimte: string;
  kortingspercentage: string | null;
  invoer: unknown;
  uitkomst: unknown;
  toelichting: string | null;
  voorgesteld_door: string | null;
  voorgesteld_naam: string;
  voorgesteld_op: Date;
  besloten_door: string | null;
  besloten_naam: string | null;
  besloten_op: Date | null;
  besluit_toelichting: string | null;
}

export interface NacalculatieRegelRow {
  nacalculatie_id: string;
  organisatie_id: string;
  naam: string;
  model: 'Q' | 'P';
  afspraak: string;
  gedeclareerd: string;
  plafond: string | null;
  declarabel: string;
  vergoed: string;
  nabetaling: string;
  korting: string;
  onbetaald: string;
  vastgesteld: string;
  basis_volgend_jaar: string;
  opslag_oordeel: 'toegekend' | 'onthouden' | null;
  opslag_percentage: string | null;
  opslag_motivatie: string | null;
  opslag_onthouden: string;
  uitleg: string[];
}

export interface OpslagOordeelRow {
  zorgkantoor_id: string;
  regio_code: string;
  jaar: number;
  sector: string;
  organisatie_id: string;
  oordeel: 'toegekend' | 'onthouden';
  percentage: string;
  percentage_bron: 'overeenkomst' | 'ingevoerd';
  motivatie: string;
  door_naam: string;
  op: Date;
}

const KOLOMMEN = `id, zorgkantoor_id, regio_code, jaar, sector, status, regel, contracteerruimte::text AS contracteerruimte,
  kortingspercentage::text AS kortingspercentage, invoer, uitkomst, toelichting, voorgesteld_door, voorgesteld_naam,
  voorgesteld_op, besloten_door, besloten_naam, besloten_op, besluit_toelichting`;

/** Declared amount per provider for the whole year in a region and sector. */
export async function gedeclareerdPerAanbieder(
  q: Queryable,
  regio: string,
  jaar: number,
  sector: string,
): Promise<{ organisatie_id: string; bedrag: string }[]> {
  return q.query<{ organisatie_id: string; bedrag: string }>(
    `SELECT r.organisatie_id, sum(r.bedrag)::text AS bedrag FROM realisatie r JOIN prestatie p ON p.code = r.prestatie_code
      WHERE r.regio_code = $1 AND r.jaar = $2 AND p.sector = $3 GROUP BY 1 ORDER BY 1`,
    [regio, jaar, sector],
  );
}

/** Declared volume per provider × prestatie for the year (model P: P × delivered volume). */
export async function geleverdVolume(
  q: Queryable,
  regio: string,
  jaar: number,
  sector: string,
): Promise<{ organisatie_id: string; prestatie_code: string; volume: string }[]> {
  return q.query<{ organisatie_id: string; prestatie_code: string; volume: string }>(
    `SELECT r.organisatie_id, r.prestatie_code, sum(r.volume)::text AS volume FROM realisatie r JOIN prestatie p ON p.code = r.prestatie_code
      WHERE r.regio_code = $1 AND r.jaar = $2 AND p.sector = $3 GROUP BY 1, 2 ORDER BY 1, 2`,
    [regio, jaar, sector],
  );
}

const OORDEEL_KOLOMMEN = `zorgkantoor_id, regio_code, jaar, sector, organisatie_id, oordeel, percentage::text AS percentage,
  percentage_bron, motivatie, door_naam, op`;

/** The opslag judgements at the nacalculatie of a region × year × sector. */
export async function opslagOordelen(
  q: Queryable,
  regio: string,
  jaar: number,
  sector: string,
): Promise<OpslagOordeelRow[]> {
  return q.query<OpslagOordeelRow>(
    `SELECT ${OORDEEL_KOLOMMEN} FROM nacalculatie_opslag WHERE regio_code = $1 AND jaar = $2 AND sector = $3 ORDER BY organisatie_id`,
    [regio, jaar, sector],
  );
}

export async function zetOpslagOordeel(
  q: Queryable,
  v: Omit<OpslagOordeelRow, 'door_naam' | 'op'> & { door: string; door_naam: string; op: Date },
): Promise<OpslagOordeelRow | undefined> {
  const was = await q.maybeOne<OpslagOordeelRow>(
    `SELECT ${OORDEEL_KOLOMMEN} FROM nacalculatie_opslag WHERE regio_code = $1 AND jaar = $2 AND sector = $3 AND organisatie_id = $4 FOR UPDATE`,
    [v.regio_code, v.jaar, v.sector, v.organisatie_id],
  );
  await q.query(
    `INSERT INTO nacalculatie_opslag (zorgkantoor_id, regio_code, jaar, sector, organisatie_id, oordeel, percentage, percentage_bron,
       motivatie, door, door_naam, op) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)
     ON CONFLICT (regio_code, jaar, sector, organisatie_id) DO UPDATE SET zorgkantoor_id = excluded.zorgkantoor_id,
       oordeel = excluded.oordeel, percentage = excluded.percentage, percentage_bron = excluded.percentage_bron,
       motivatie = excluded.motivatie, door = excluded.door, door_naam = excluded.door_naam, op = excluded.op`,
    [
      v.zorgkantoor_id,
      v.regio_code,
      v.jaar,
      v.sector,
      v.organisatie_id,
      v.oordeel,
      v.percentage,
      v.percentage_bron,
      v.motivatie,
      v.door,
      v.door_naam,
      v.op,
    ],
  );
  return was;
}

export async function overproductieRegel(
  q: Queryable,
  zorgkantoor: string,
  jaar: number,
): Promise<{ regel: OverproductieRegel; gezet_naam: string; gezet_op: Date } | undefined> {
  return q.maybeOne<{ regel: OverproductieRegel; gezet_naam: string; gezet_op: Date }>(
    'SELECT regel, gezet_naam, gezet_op FROM nacalculatie_instelling WHERE zorgkantoor_id = $1 AND jaar = $2',
    [zorgkantoor, jaar],
  );
}

export async function zetOverproductieRegel(
  q: Queryable,
  v: { zorgkantoor: string; jaar: number; regel: OverproductieRegel; door: string; naam: string; op: Date },
): Promise<void> {
  await q.query(
    `INSERT INTO nacalculatie_instelling (zorgkantoor_id, jaar, regel, gezet_door, gezet_naam, gezet_op) VALUES ($1,$2,$3,$4,$5,$6)
     ON CONFLICT (zorgkantoor_id, jaar) DO UPDATE SET regel = excluded.regel, gezet_door = excluded.gezet_door,
       gezet_naam = excluded.gezet_naam, gezet_op = excluded.gezet_op`,
    [v.zorgkantoor, v.jaar, v.regel, v.door, v.naam, v.op],
  );
}

export async function nacalculatieLaden(
  q: Queryable,
  id: string,
  voorUpdate = false,
): Promise<NacalculatieRow | undefined> {
  return q.maybeOne<NacalculatieRow>(
    `SELECT ${KOLOMMEN} FROM nacalculatie WHERE id = $1${voorUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
}

export async function nacalculatiesZoeken(
  q: Queryable,
  f: { jaar: number; regios: string[] | null; aanbieder: string | null },
): Promise<NacalculatieRow[]> {
  return q.query<NacalculatieRow>(
    `SELECT ${KOLOMMEN} FROM nacalculatie n
      WHERE jaar = $1 AND ($2::text[] IS NULL OR regio_code = ANY($2))
        AND ($3::text IS NULL OR (status = 'vastgesteld' AND EXISTS
          (SELECT 1 FROM nacalculatie_regel g WHERE g.nacalculatie_id = n.id AND g.organisatie_id = $3)))
      ORDER BY regio_code, sector, voorgesteld_op DESC`,
    [f.jaar, f.regios, f.aanbieder],
  );
}

export async function openNacalculatie(
  q: Queryable,
  regio: string,
  jaar: number,
  sector: string,
): Promise<{ id: string; status: string }[]> {
  return q.query<{ id: string; status: string }>(
    `SELECT id, status FROM nacalculatie WHERE regio_code = $1 AND jaar = $2 AND sector = $3 AND status <> 'afgewezen'`,
    [regio, jaar, sector],
  );
}

const REGEL_SELECT = `SELECT g.nacalculatie_id, g.organisatie_id, coalesce(o.naam, g.organisatie_id) AS naam, g.model,
            g.afspraak::text AS afspraak, g.gedeclareerd::text AS gedeclareerd, g.plafond::text AS plafond,
            g.declarabel::text AS declarabel, g.vergoed::text AS vergoed, g.nabetaling::text AS nabetaling,
            g.korting::text AS korting, g.onbetaald::text AS onbetaald, g.vastgesteld::text AS vastgesteld,
            g.basis_volgend_jaar::text AS basis_volgend_jaar, g.opslag_oordeel, g.opslag_percentage::text AS opslag_percentage,
            g.opslag_motivatie, g.opslag_onthouden::text AS opslag_onthouden, g.uitleg
       FROM nacalculatie_regel g LEFT JOIN organisatie o ON o.id = g.organisatie_id`;

export async function nacalculatieRegels(
  q: Queryable,
  id: string,
  aanbieder: string | null = null,
): Promise<NacalculatieRegelRow[]> {
  return nacalculatieRegelsVan(q, [id], aanbieder);
}

/** The lines of several nacalculaties in one query (the list), optionally only one provider's. */
export async function nacalculatieRegelsVan(
  q: Queryable,
  ids: string[],
  aanbieder: string | null = null,
): Promise<NacalculatieRegelRow[]> {
  if (!ids.length) return [];
  return q.query<NacalculatieRegelRow>(
    `${REGEL_SELECT}
      WHERE g.nacalculatie_id = ANY($1::uuid[]) AND ($2::text IS NULL OR g.organisatie_id = $2)
      ORDER BY g.nacalculatie_id, g.organisatie_id`,
    [ids, aanbieder],
  );
}

export async function nacalculatieNieuw(
  q: Queryable,
  n: {
    zorgkantoorId: string;
    regio: string;
    jaar: number;
    sector: string;
    regel: OverproductieRegel;
    contracteerruimte: string;
    kortingspercentage: string | null;
    invoer: unknown;
    uitkomst: unknown;
    toelichting: string | null;
    door: string;
    doorNaam: string;
    op: Date;
  },
  regels: Omit<NacalculatieRegelRow, 'nacalculatie_id' | 'naam'>[],
): Promise<string> {
  const { id } = await q.one<{ id: string }>(
    `INSERT INTO nacalculatie (zorgkantoor_id, regio_code, jaar, sector, status, regel, contracteerruimte, kortingspercentage,
       invoer, uitkomst, toelichting, voorgesteld_door, voorgesteld_naam, voorgesteld_op)
     VALUES ($1,$2,$3,$4,'voorgesteld',$5,$6,$7,$8,$9,$10,$11,$12,$13) RETURNING id`,
    [
      n.zorgkantoorId,
      n.regio,
      n.jaar,
      n.sector,
      n.regel,
      n.contracteerruimte,
      n.kortingspercentage,
      JSON.stringify(n.invoer),
      JSON.stringify(n.uitkomst),
      n.toelichting,
      n.door,
      n.doorNaam,
      n.op,
    ],
  );
  for (const g of regels)
    await q.query(
      `INSERT INTO nacalculatie_regel (nacalculatie_id, organisatie_id, model, afspraak, gedeclareerd, plafond, declarabel,
         vergoed, nabetaling, korting, onbetaald, vastgesteld, basis_volgend_jaar, uitleg, opslag_oordeel, opslag_percentage,
         opslag_motivatie, opslag_onthouden)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18)`,
      [
        id,
        g.organisatie_id,
        g.model,
        g.afspraak,
        g.gedeclareerd,
        g.plafond,
        g.declarabel,
        g.vergoed,
        g.nabetaling,
        g.korting,
        g.onbetaald,
        g.vastgesteld,
        g.basis_volgend_jaar,
        JSON.stringify(g.uitleg),
        g.opslag_oordeel,
        g.opslag_percentage,
        g.opslag_motivatie,
        g.opslag_onthouden,
      ],
    );
  return id;
}

export async function nacalculatieBesloten(
  q: Queryable,
  id: string,
  b: { status: 'vastgesteld' | 'afgewezen'; door: string; naam: string; op: Date; toelichting: string | null },
): Promise<void> {
  await q.query(
    `UPDATE nacalculatie SET status = $2, besloten_door = $3, besloten_naam = $4, besloten_op = $5, besluit_toelichting = $6 WHERE id = $1`,
    [id, b.status, b.door, b.naam, b.op, b.toelichting],
  );
}

/** The decided next-year base per provider of a region × year × sector (never unpaid overproduction). */
export async function basisVolgendJaar(
  q: Queryable,
  regio: string,
  jaar: number,
  sector: string,
): Promise<{ organisatie_id: string; basis: string; declarabel: string }[]> {
  return q.query<{ organisatie_id: string; basis: string; declarabel: string }>(
    `SELECT g.organisatie_id, g.basis_volgend_jaar::text AS basis, g.declarabel::text AS declarabel
       FROM nacalculatie n JOIN nacalculatie_regel g ON g.nacalculatie_id = n.id
      WHERE n.regio_code = $1 AND n.jaar = $2 AND n.sector = $3 AND n.status = 'vastgesteld' ORDER BY 1`,
    [regio, jaar, sector],
  );
}
