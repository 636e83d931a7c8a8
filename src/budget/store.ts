/**
 * The only SQL on the budget tables (contracteerruimte, budgetmutatie, productieafspraak and its
 * versions, scenario). Every query declares its row type. Names of regions, providers and
 * prestaties are read-only joins on the reference tables.
 */
import type { Queryable } from '../platform/db/index.ts';

// ---------------------------------------------------------------- contracteerruimte

export interface CrRow {
  id: string;
  zorgkantoor_id: string;
  zorgkantoor_naam: string;
  regio_code: string;
  regio_naam: string;
  jaar: number;
  sector: string;
  status: 'voorlopig' | 'definitief';
  bron: 'ingevoerd' | 'import' | 'voorbeeld';
  voorbeeld: boolean;
  toelichting: string | null;
  totaal: string;
  afspraken: string;
  oormerk: string;
  reserve: string;
  pool: string;
  laatste_volgnummer: number;
  aangemaakt_naam: string;
  aangemaakt_op: Date;
  definitief_naam: string | null;
  definitief_op: Date | null;
}

const CR_SELECT = `SELECT c.id, c.zorgkantoor_id, z.naam AS zorgkantoor_naam, c.regio_code, r.naam AS regio_naam, c.jaar, c.sector,
  c.status, c.bron, c.voorbeeld, c.toelichting, c.totaal, c.afspraken, c.oormerk, c.reserve, c.pool, c.laatste_volgnummer,
  c.aangemaakt_naam, c.aangemaakt_op, c.definitief_naam, c.definitief_op
  FROM contracteerruimte c JOIN organisatie z ON z.id = c.zorgkantoor_id JOIN regio r ON r.code = c.regio_code`;

export async function crLaden(q: Queryable, id: string, voorUpdate = false): Promise<CrRow | undefined> {
  if (voorUpdate) await q.query('SELECT 1 FROM contracteerruimte WHERE id = $1 FOR UPDATE', [id]);
  return q.maybeOne<CrRow>(`${CR_SELECT} WHERE c.id = $1`, [id]);
}

export async function crVoorSleutel(
  q: Queryable,
  regio: string,
  jaar: number,
  sector: string,
  voorUpdate = false,
): Promise<CrRow | undefined> {
  const r = await q.maybeOne<{ id: string }>(
    `SELECT id FROM contracteerruimte WHERE regio_code = $1 AND jaar = $2 AND sector = $3${voorUpdate ? ' FOR UPDATE' : ''}`,
    [regio, jaar, sector],
  );
  return r ? crLaden(q, r.id) : undefined;
}

export interface CrFilter {
  /** null = every region */
  regios: string[] | null;
  jaar?: number;
  sector?: string;
  regio?: string;
  zorgkantoor?: string;
}

export async function crZoeken(q: Queryable, f: CrFilter): Promise<CrRow[]> {
  return q.query<CrRow>(
    `${CR_SELECT} WHERE ($1::text[] IS NULL OR c.regio_code = ANY($1)) AND ($2::int IS NULL OR c.jaar = $2)
     AND ($3::text IS NULL OR c.sector = $3) AND ($4::text IS NULL OR c.regio_code = $4) AND ($5::text IS NULL OR c.zorgkantoor_id = $5)
     ORDER BY c.jaar DESC, c.regio_code, c.sector`,
    [f.regios, f.jaar ?? null, f.sector ?? null, f.regio ?? null, f.zorgkantoor ?? null],
  );
}

export async function crNieuw(
  q: Queryable,
  c: {
    zorgkantoorId: string;
    regio: string;
    jaar: number;
    sector: string;
    bron: CrRow['bron'];
    voorbeeld: boolean;
    toelichting: string | null;
    door: string | null;
    doorNaam: string;
  },
): Promise<string> {
  const r = await q.one<{ id: string }>(
    `INSERT INTO contracteerruimte (zorgkantoor_id, regio_code, jaar, sector, status, bron, voorbeeld, toelichting, aangemaakt_door, aangemaakt_naam)
     VALUES ($1,$2,$3,$4,'voorlopig',$5,$6,$7,$8,$9) RETURNING id`,
    [c.zorgkantoorId, c.regio, c.jaar, c.sector, c.bron, c.voorbeeld, c.toelichting, c.door, c.doorNaam],
  );
  return r.id;
}

export async function crDefinitief(q: Queryable, id: string, door: string | null, doorNaam: string, op: Date) {
  await q.query(
    `UPDATE contracteerruimte SET status = 'definitief', definitief_door = $2, definitief_naam = $3, definitief_op = $4 WHERE id = $1`,
    [id, door, doorNaam, op],
  );
}

export interface MutatieRow {
  id: string;
  contracteerruimte_id: string;
  volgnummer: number;
  soort: 'vaststelling' | 'oormerk' | 'reserve' | 'overheveling-uit' | 'overheveling-in' | 'afspraak';
  d_totaal: string;
  d_afspraken: string;
  d_oormerk: string;
  d_reserve: string;
  d_pool: string;
  oormerk_label: string | null;
  percentage: string | null;
  status: 'voorlopig' | 'definitief' | null;
  overheveling_id: string | null;
  tegen_contracteerruimte_id: string | null;
  tegen_regio_code: string | null;
  tegen_zorgkantoor_naam: string | null;
  afspraak_versie_id: string | null;
  omschrijving: string;
  bron: string | null;
  door_naam: string;
  op: Date;
}

export type NieuweMutatie = Omit<
  MutatieRow,
  'id' | 'volgnummer' | 'op' | 'tegen_regio_code' | 'tegen_zorgkantoor_naam' | 'door_naam'
> & { door: string | null; doorNaam: string };

/**
 * Appends one mutation and moves the running balances by its deltas, in the caller's transaction.
 * The database refuses (CHECK) a mutation whose deltas do not balance or a balance below zero.
 */
export async function mutatieToevoegen(q: Queryable, m: NieuweMutatie): Promise<{ id: string; volgnummer: number }> {
  const c = await q.one<{ laatste_volgnummer: number }>(
    `UPDATE contracteerruimte SET laatste_volgnummer = laatste_volgnummer + 1,
       totaal = totaal + $2, afspraken = afspraken + $3, oormerk = oormerk + $4, reserve = reserve + $5, pool = pool + $6
     WHERE id = $1 RETURNING laatste_volgnummer`,
    [m.contracteerruimte_id, m.d_totaal, m.d_afspraken, m.d_oormerk, m.d_reserve, m.d_pool],
  );
  const r = await q.one<{ id: string }>(
    `INSERT INTO budgetmutatie (contracteerruimte_id, volgnummer, soort, d_totaal, d_afspraken, d_oormerk, d_reserve, d_pool,
       oormerk_label, percentage, status, overheveling_id, tegen_contracteerruimte_id, afspraak_versie_id, omschrijving, bron, door, door_naam)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18) RETURNING id`,
    [
      m.contracteerruimte_id,
      c.laatste_volgnummer,
      m.soort,
      m.d_totaal,
      m.d_afspraken,
      m.d_oormerk,
      m.d_reserve,
      m.d_pool,
      m.oormerk_label,
      m.percentage,
      m.status,
      m.overheveling_id,
      m.tegen_contracteerruimte_id,
      m.afspraak_versie_id,
      m.omschrijving,
      m.bron,
      m.door,
      m.doorNaam,
    ],
  );
  return { id: r.id, volgnummer: c.laatste_volgnummer };
}

export async function mutaties(q: Queryable, crId: string): Promise<MutatieRow[]> {
  return q.query<MutatieRow>(
    `SELECT m.id, m.contracteerruimte_id, m.volgnummer, m.soort, m.d_totaal, m.d_afspraken, m.d_oormerk, m.d_reserve, m.d_pool,
       m.oormerk_label, m.percentage, m.status, m.overheveling_id, m.tegen_contracteerruimte_id, t.regio_code AS tegen_regio_code,
       tz.naam AS tegen_zorgkantoor_naam, m.afspraak_versie_id, m.omschrijving, m.bron, m.door_naam, m.op
     FROM budgetmutatie m LEFT JOIN contracteerruimte t ON t.id = m.tegen_contracteerruimte_id LEFT JOIN organisatie tz ON tz.id = t.zorgkantoor_id
     WHERE m.contracteerruimte_id = $1 ORDER BY m.volgnummer`,
    [crId],
  );
}

export interface OormerkRow {
  label: string;
  bedrag: string;
}

export async function oormerken(q: Queryable, crId: string): Promise<OormerkRow[]> {
  return q.query<OormerkRow>(
    `SELECT oormerk_label AS label, sum(d_oormerk)::numeric(16,2) AS bedrag FROM budgetmutatie
     WHERE contracteerruimte_id = $1 AND soort = 'oormerk' GROUP BY oormerk_label HAVING sum(d_oormerk) <> 0 ORDER BY oormerk_label`,
    [crId],
  );
}

export interface ControleRow {
  totaal: string;
  afspraken: string;
  oormerk: string;
  reserve: string;
  pool: string;
  afspraken_tabel: string;
}

/** Sums of the mutations and of the current agreements booked on this ledger, to check the projection. */
export async function controleSommen(q: Queryable, crId: string): Promise<ControleRow> {
  return q.one<ControleRow>(
    `SELECT coalesce(sum(d_totaal),0)::numeric(16,2) AS totaal, coalesce(sum(d_afspraken),0)::numeric(16,2) AS afspraken,
       coalesce(sum(d_oormerk),0)::numeric(16,2) AS oormerk, coalesce(sum(d_reserve),0)::numeric(16,2) AS reserve,
       coalesce(sum(d_pool),0)::numeric(16,2) AS pool,
       (SELECT coalesce(sum(bedrag),0)::numeric(16,2) FROM productieafspraak WHERE contracteerruimte_id = $1) AS afspraken_tabel
     FROM budgetmutatie WHERE contracteerruimte_id = $1`,
    [crId],
  );
}

// ---------------------------------------------------------------- productieafspraken

export interface AfspraakRow {
  id: string;
  jaar: number;
  regio_code: string;
  regio_naam: string;
  organisatie_id: string;
  aanbieder_naam: string;
  sector: string;
  prestatie_code: string;
  prestatie_omschrijving: string;
  leveringsvorm: string | null;
  zorgprofiel_code: string | null;
  functie_code: string | null;
  klasse_code: string | null;
  eenheid: string;
  prijs: string;
  volume: string;
  bedrag: string;
  status: 'concept' | 'ingediend' | 'vastgesteld';
  soort: 'tweezijdig' | 'eenzijdig';
  prijs_bron: string;
  huidige_versie: number;
  contracteerruimte_id: string | null;
  overeenkomst_id: string | null;
}

const AFSPRAAK_SELECT = `SELECT a.id, a.jaar, a.regio_code, r.naam AS regio_naam, a.organisatie_id, o.naam AS aanbieder_naam, a.sector,
  a.prestatie_code, p.omschrijving AS prestatie_omschrijving, p.leveringsvorm, p.zorgprofiel_code, p.functie_code, p.klasse_code, p.eenheid,
  a.prijs, a.volume, a.bedrag, a.status, a.soort, a.prijs_bron, a.huidige_versie, a.contracteerruimte_id, a.overeenkomst_id
  FROM productieafspraak a JOIN regio r ON r.code = a.regio_code JOIN organisatie o ON o.id = a.organisatie_id JOIN prestatie p ON p.code = a.prestatie_code`;

export interface AfspraakFilter {
  regios: string[] | null;
  aanbieder: string | null;
  jaar: number;
  regio?: string;
  sector?: string;
  leveringsvorm?: string;
}

export async function afsprakenZoeken(q: Queryable, f: AfspraakFilter): Promise<AfspraakRow[]> {
  return q.query<AfspraakRow>(
    `${AFSPRAAK_SELECT} WHERE a.jaar = $1 AND ($2::text[] IS NULL OR a.regio_code = ANY($2)) AND ($3::text IS NULL OR a.organisatie_id = $3)
     AND ($4::text IS NULL OR a.regio_code = $4) AND ($5::text IS NULL OR a.sector = $5) AND ($6::text IS NULL OR p.leveringsvorm = $6)
     ORDER BY a.regio_code, o.naam, a.organisatie_id, a.prestatie_code`,
    [f.jaar, f.regios, f.aanbieder, f.regio ?? null, f.sector ?? null, f.leveringsvorm ?? null],
  );
}

export async function afspraakLaden(q: Queryable, id: string, voorUpdate = false): Promise<AfspraakRow | undefined> {
  if (voorUpdate) await q.query('SELECT 1 FROM productieafspraak WHERE id = $1 FOR UPDATE', [id]);
  return q.maybeOne<AfspraakRow>(`${AFSPRAAK_SELECT} WHERE a.id = $1`, [id]);
}

export async function afspraakVoorSleutel(
  q: Queryable,
  k: { jaar: number; regio: string; aanbieder: string; prestatie: string },
): Promise<AfspraakRow | undefined> {
  const r = await q.maybeOne<{ id: string }>(
    `SELECT id FROM productieafspraak WHERE jaar = $1 AND regio_code = $2 AND organisatie_id = $3 AND prestatie_code = $4 ORDER BY versie LIMIT 1`,
    [k.jaar, k.regio, k.aanbieder, k.prestatie],
  );
  return r ? afspraakLaden(q, r.id, true) : undefined;
}

export interface AfspraakWaarden {
  prijs: string;
  volume: string;
  bedrag: string;
  status: AfspraakRow['status'];
  soort: AfspraakRow['soort'];
  prijsBron: string;
  /** the contract the price came from (prijsBron 'gunning'); undefined keeps the current one */
  overeenkomstId?: string | null;
}

export async function afspraakNieuw(
  q: Queryable,
  k: { jaar: number; regio: string; aanbieder: string; sector: string; prestatie: string; crId: string },
  w: AfspraakWaarden,
): Promise<string> {
  const r = await q.one<{ id: string }>(
    `INSERT INTO productieafspraak (jaar, regio_code, organisatie_id, sector, prestatie_code, prijs, volume, bedrag, status, soort, prijs_bron, huidige_versie, contracteerruimte_id)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,0,$12) RETURNING id`,
    [
      k.jaar,
      k.regio,
      k.aanbieder,
      k.sector,
      k.prestatie,
      w.prijs,
      w.volume,
      w.bedrag,
      w.status,
      w.soort,
      w.prijsBron,
      k.crId,
    ],
  );
  return r.id;
}

/** Moves the current state (the projection) to a new version; the version row itself is in productieafspraak_versie. */
export async function afspraakBijwerken(
  q: Queryable,
  id: string,
  w: AfspraakWaarden,
  versie: number,
  crId: string | null,
) {
  await q.query(
    `UPDATE productieafspraak SET prijs = $2, volume = $3, bedrag = $4, status = $5, soort = $6, prijs_bron = $7, huidige_versie = $8,
       contracteerruimte_id = coalesce($9, contracteerruimte_id),
       overeenkomst_id = CASE WHEN $10::boolean THEN $11::uuid ELSE overeenkomst_id END WHERE id = $1`,
    [
      id,
      w.prijs,
      w.volume,
      w.bedrag,
      w.status,
      w.soort,
      w.prijsBron,
      versie,
      crId,
      w.overeenkomstId !== undefined,
      w.overeenkomstId ?? null,
    ],
  );
}

/** Agreements of a region × year × sector not yet booked on a ledger (history before the ledger existed). */
export async function afsprakenZonderLedger(
  q: Queryable,
  regio: string,
  jaar: number,
  sector: string,
): Promise<{ n: number; som: string }> {
  return q.one<{ n: number; som: string }>(
    `SELECT count(*) AS n, coalesce(sum(bedrag),0)::numeric(16,2) AS som FROM productieafspraak
     WHERE regio_code = $1 AND jaar = $2 AND sector = $3 AND contracteerruimte_id IS NULL`,
    [regio, jaar, sector],
  );
}

export async function koppelAanLedger(q: Queryable, regio: string, jaar: number, sector: string, crId: string) {
  await q.query(
    `UPDATE productieafspraak SET contracteerruimte_id = $4 WHERE regio_code = $1 AND jaar = $2 AND sector = $3 AND contracteerruimte_id IS NULL`,
    [regio, jaar, sector, crId],
  );
}

export interface VersieRow {
  id: string;
  afspraak_id: string;
  versie: number;
  status: AfspraakRow['status'];
  soort: AfspraakRow['soort'];
  prijs: string;
  prijs_bron: string;
  prijs_toelichting: string | null;
  overeenkomst_id?: string | null;
  volume: string;
  bedrag: string;
  reden: 'historisch' | 'nieuw' | 'wijziging' | 'status' | 'import' | 'scenario' | 'herschikking';
  toelichting: string | null;
  scenario_id: string | null;
  door_naam: string;
  op: Date;
}

export async function versieToevoegen(
  q: Queryable,
  v: Omit<VersieRow, 'id' | 'op' | 'door_naam'> & { door: string | null; doorNaam: string; op: Date },
): Promise<string> {
  const r = await q.one<{ id: string }>(
    `INSERT INTO productieafspraak_versie (afspraak_id, versie, status, soort, prijs, prijs_bron, prijs_toelichting, volume, bedrag, reden, toelichting, scenario_id, door, door_naam, op, overeenkomst_id)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16) RETURNING id`,
    [
      v.afspraak_id,
      v.versie,
      v.status,
      v.soort,
      v.prijs,
      v.prijs_bron,
      v.prijs_toelichting,
      v.volume,
      v.bedrag,
      v.reden,
      v.toelichting,
      v.scenario_id,
      v.door,
      v.doorNaam,
      v.op,
      v.overeenkomst_id ?? null,
    ],
  );
  return r.id;
}

export async function versies(q: Queryable, afspraakId: string): Promise<VersieRow[]> {
  return q.query<VersieRow>(
    `SELECT id, afspraak_id, versie, status, soort, prijs, prijs_bron, prijs_toelichting, overeenkomst_id, volume, bedrag, reden, toelichting, scenario_id, door_naam, op
     FROM productieafspraak_versie WHERE afspraak_id = $1 ORDER BY versie`,
    [afspraakId],
  );
}

export async function heeftVersie(q: Queryable, afspraakId: string, versie: number): Promise<boolean> {
  return !!(await q.maybeOne<{ x: number }>(
    'SELECT 1 AS x FROM productieafspraak_versie WHERE afspraak_id = $1 AND versie = $2',
    [afspraakId, versie],
  ));
}

// ---------------------------------------------------------------- reference look-ups (read-only)

export interface PrestatieRow {
  code: string;
  omschrijving: string;
  sector: string | null;
  leveringsvorm: string | null;
  eenheid: string;
}

export async function prestaties(q: Queryable, codes: string[]): Promise<PrestatieRow[]> {
  return q.query<PrestatieRow>(
    'SELECT code, omschrijving, sector, leveringsvorm, eenheid FROM prestatie WHERE code = ANY($1)',
    [codes],
  );
}

export async function isAanbieder(q: Queryable, id: string): Promise<boolean> {
  return !!(await q.maybeOne<{ x: number }>(
    `SELECT 1 AS x FROM organisatie WHERE id = $1 AND soort = 'zorgaanbieder'`,
    [id],
  ));
}

export async function concessiehouder(q: Queryable, regio: string, jaar: number): Promise<string | undefined> {
  const r = await q.maybeOne<{ organisatie_id: string }>(
    'SELECT organisatie_id FROM regio_concessie WHERE regio_code = $1 AND jaar = $2',
    [regio, jaar],
  );
  return r?.organisatie_id;
}

export async function regioBestaat(q: Queryable, code: string): Promise<boolean> {
  return !!(await q.maybeOne<{ x: number }>('SELECT 1 AS x FROM regio WHERE code = $1', [code]));
}

export async function sectorBestaat(q: Queryable, code: string): Promise<boolean> {
  return !!(await q.maybeOne<{ x: number }>('SELECT 1 AS x FROM sector WHERE code = $1', [code]));
}

/** Regions where a provider has an agreement or a location in a year (what its budget view may show). */
export async function regiosVanAanbieder(q: Queryable, aanbieder: string, jaar: number): Promise<string[]> {
  const rows = await q.query<{ regio_code: string }>(
    `SELECT regio_code FROM productieafspraak WHERE organisatie_id = $1 AND jaar = $2
     UNION SELECT regio_code FROM locatie WHERE organisatie_id = $1 ORDER BY 1`,
    [aanbieder, jaar],
  );
  return rows.map((r) => r.regio_code);
}

// ---------------------------------------------------------------- CLI: who decides

/** Who decides on the CLI (`--als`): the platform reads it from its own tables. */

// ---------------------------------------------------------------- scenarios

export interface ScenarioRow {
  id: string;
  contracteerruimte_id: string;
  zorgkantoor_id: string;
  regio_code: string;
  jaar: number;
  sector: string;
  naam: string;
  model: 'Q' | 'P' | 'toekenning';
  status: 'concept' | 'bezig' | 'berekend' | 'mislukt' | 'gepromoveerd';
  basis: unknown;
  parameters: unknown;
  invoer: unknown;
  uitkomst: unknown;
  voorstel: unknown;
  meting: unknown;
  motor: string | null;
  fout: string | null;
  taak_id: string | null;
  aangemaakt_door: string | null;
  aangemaakt_naam: string;
  aangemaakt_op: Date;
  berekend_door: string | null;
  berekend_naam: string | null;
  berekend_op: Date | null;
  gepromoveerd_door: string | null;
  gepromoveerd_naam: string | null;
  gepromoveerd_op: Date | null;
}

export async function scenarioNieuw(
  q: Queryable,
  s: {
    crId: string;
    zorgkantoorId: string;
    regio: string;
    jaar: number;
    sector: string;
    naam: string;
    model: ScenarioRow['model'];
    basis: unknown;
    parameters: unknown;
    door: string;
    doorNaam: string;
  },
): Promise<string> {
  const r = await q.one<{ id: string }>(
    `INSERT INTO scenario (contracteerruimte_id, zorgkantoor_id, regio_code, jaar, sector, naam, model, status, basis, parameters, aangemaakt_door, aangemaakt_naam)
     VALUES ($1,$2,$3,$4,$5,$6,$7,'concept',$8,$9,$10,$11) RETURNING id`,
    [
      s.crId,
      s.zorgkantoorId,
      s.regio,
      s.jaar,
      s.sector,
      s.naam,
      s.model,
      JSON.stringify(s.basis),
      JSON.stringify(s.parameters),
      s.door,
      s.doorNaam,
    ],
  );
  return r.id;
}

export async function scenarioLaden(q: Queryable, id: string, voorUpdate = false): Promise<ScenarioRow | undefined> {
  return q.maybeOne<ScenarioRow>(`SELECT * FROM scenario WHERE id = $1${voorUpdate ? ' FOR UPDATE' : ''}`, [id]);
}

export async function scenariosZoeken(
  q: Queryable,
  f: { regios: string[] | null; jaar: number; regio?: string; sector?: string },
): Promise<ScenarioRow[]> {
  return q.query<ScenarioRow>(
    `SELECT * FROM scenario WHERE jaar = $1 AND ($2::text[] IS NULL OR regio_code = ANY($2)) AND ($3::text IS NULL OR regio_code = $3)
     AND ($4::text IS NULL OR sector = $4) ORDER BY aangemaakt_op DESC, id`,
    [f.jaar, f.regios, f.regio ?? null, f.sector ?? null],
  );
}

export async function scenarioParameters(
  q: Queryable,
  id: string,
  model: ScenarioRow['model'],
  naam: string,
  parameters: unknown,
) {
  await q.query(
    `UPDATE scenario SET model = $2, naam = $3, parameters = $4, status = 'concept', invoer = NULL, uitkomst = NULL, voorstel = NULL WHERE id = $1`,
    [id, model, naam, JSON.stringify(parameters)],
  );
}

export async function scenarioStart(q: Queryable, id: string, taakId: string | null) {
  await q.query(`UPDATE scenario SET status = 'bezig', taak_id = $2, fout = NULL WHERE id = $1`, [id, taakId]);
}

export async function scenarioBerekend(
  q: Queryable,
  id: string,
  r: {
    invoer: unknown;
    uitkomst: unknown;
    voorstel: unknown;
    meting: unknown;
    motor: string;
    door: string;
    doorNaam: string;
    op: Date;
  },
) {
  await q.query(
    `UPDATE scenario SET status = 'berekend', invoer = $2, uitkomst = $3, voorstel = $4, meting = $5, motor = $6, berekend_door = $7, berekend_naam = $8, berekend_op = $9 WHERE id = $1`,
    [
      id,
      JSON.stringify(r.invoer),
      JSON.stringify(r.uitkomst),
      JSON.stringify(r.voorstel),
      JSON.stringify(r.meting),
      r.motor,
      r.door,
      r.doorNaam,
      r.op,
    ],
  );
}

export async function scenarioTaak(q: Queryable, id: string, taakId: string) {
  await q.query('UPDATE scenario SET taak_id = $2 WHERE id = $1', [id, taakId]);
}

export async function scenarioMislukt(q: Queryable, id: string, fout: string) {
  await q.query(`UPDATE scenario SET status = 'mislukt', fout = $2 WHERE id = $1`, [id, fout]);
}

export async function scenarioGepromoveerd(q: Queryable, id: string, door: string, doorNaam: string, op: Date) {
  await q.query(
    `UPDATE scenario SET status = 'gepromoveerd', gepromoveerd_door = $2, gepromoveerd_naam = $3, gepromoveerd_op = $4 WHERE id = $1`,
    [id, door, doorNaam, op],
  );
}

/** Promoted scenarios of a year whose outcome names this provider (for its explanation). */
export async function gepromoveerdVoorAanbieder(q: Queryable, aanbieder: string, jaar: number): Promise<ScenarioRow[]> {
  return q.query<ScenarioRow>(
    `SELECT * FROM scenario WHERE jaar = $1 AND status = 'gepromoveerd'
       AND EXISTS (SELECT 1 FROM jsonb_array_elements(uitkomst->'afspraken') a WHERE a->>'aanbieder' = $2)
     ORDER BY gepromoveerd_op DESC`,
    [jaar, aanbieder],
  );
}

// ---- the current situation a scenario copies (realisation comes in through src/realisatie/index.ts)

export interface MixRow {
  organisatie_id: string;
  naam: string;
  prestatie_code: string;
  leveringsvorm: string | null;
  behandeling: boolean;
  realisatie_bedrag: string;
  realisatie_volume: string;
  prijs_nu: string | null;
  prijs_vorig: string | null;
}

/**
 * Per provider × prestatie of a region and sector: last year's realisation, and the price of the
 * current and of last year's agreement. Providers with either realisation or an agreement appear.
 */
export async function huidigeSituatie(
  q: Queryable,
  regio: string,
  jaar: number,
  sector: string,
  realisatie: { organisatie_id: string; prestatie_code: string; bedrag: string; volume: string }[],
): Promise<MixRow[]> {
  return q.query<MixRow>(
    `WITH re AS (
        SELECT * FROM unnest($4::text[], $5::text[], $6::numeric[], $7::numeric[]) AS x(organisatie_id, prestatie_code, bedrag, volume)),
      nu AS (SELECT organisatie_id, prestatie_code, prijs FROM productieafspraak WHERE regio_code = $1 AND jaar = $2 AND sector = $3),
      vorig AS (SELECT organisatie_id, prestatie_code, max(prijs) AS prijs FROM productieafspraak WHERE regio_code = $1 AND jaar = $2 - 1 AND sector = $3 GROUP BY 1, 2),
      sleutels AS (SELECT organisatie_id, prestatie_code FROM re UNION SELECT organisatie_id, prestatie_code FROM nu)
     SELECT s.organisatie_id, o.naam, s.prestatie_code, p.leveringsvorm, coalesce(p.behandeling, z.behandeling, false) AS behandeling,
       coalesce(re.bedrag, 0)::numeric(16,2) AS realisatie_bedrag, coalesce(re.volume, 0)::numeric(14,2) AS realisatie_volume,
       nu.prijs AS prijs_nu, vorig.prijs AS prijs_vorig
     FROM sleutels s JOIN organisatie o ON o.id = s.organisatie_id JOIN prestatie p ON p.code = s.prestatie_code
     LEFT JOIN zorgprofiel z ON z.code = p.zorgprofiel_code
     LEFT JOIN re ON re.organisatie_id = s.organisatie_id AND re.prestatie_code = s.prestatie_code
     LEFT JOIN nu ON nu.organisatie_id = s.organisatie_id AND nu.prestatie_code = s.prestatie_code
     LEFT JOIN vorig ON vorig.organisatie_id = s.organisatie_id AND vorig.prestatie_code = s.prestatie_code
     ORDER BY s.organisatie_id, s.prestatie_code`,
    [
      regio,
      jaar,
      sector,
      realisatie.map((r) => r.organisatie_id),
      realisatie.map((r) => r.prestatie_code),
      realisatie.map((r) => r.bedrag),
      realisatie.map((r) => r.volume),
    ],
  );
}

export interface LeveringsvormRow {
  code: string;
  leveringsvorm: string | null;
}
export async function leveringsvormen(q: Queryable, codes: string[]): Promise<LeveringsvormRow[]> {
  return q.query<LeveringsvormRow>('SELECT code, leveringsvorm FROM prestatie WHERE code = ANY($1)', [codes]);
}

export interface VoorbeeldBasisRow {
  regio: string;
  jaar: number;
  sector: string;
  realisatie: string;
  afspraken: string;
  definitief: boolean;
}

/**
 * For the demo's example ledgers: per region of a zorgkantoor and sector, the realisation year's
 * agreements and realisation (a definitief ledger) and the next year (voorlopig, from realisation).
 */
export async function voorbeeldBasis(
  q: Queryable,
  zorgkantoor: string,
  realisatie: { jaar: number; regio_code: string; sector: string; bedrag: string }[],
): Promise<VoorbeeldBasisRow[]> {
  if (!realisatie.length) return [];
  return q.query<VoorbeeldBasisRow>(
    `WITH rj AS (SELECT $2::int AS j),
      re AS (SELECT * FROM unnest($3::text[], $4::text[], $5::numeric[]) AS x(regio_code, sector, bedrag)),
      pa AS (SELECT a.regio_code, a.sector, sum(a.bedrag) AS bedrag FROM productieafspraak a, rj WHERE a.jaar = rj.j GROUP BY 1, 2),
      regios AS (SELECT rc.regio_code, rc.jaar FROM regio_concessie rc, rj WHERE rc.organisatie_id = $1 AND rc.jaar IN (rj.j, rj.j + 1))
     SELECT x.regio_code AS regio, x.jaar, re.sector, re.bedrag::numeric(16,2) AS realisatie,
       coalesce(pa.bedrag, 0)::numeric(16,2) AS afspraken, (x.jaar = rj.j) AS definitief
     FROM regios x CROSS JOIN rj JOIN re ON re.regio_code = x.regio_code
     LEFT JOIN pa ON pa.regio_code = x.regio_code AND pa.sector = re.sector
     ORDER BY x.jaar, x.regio_code, re.sector`,
    [
      zorgkantoor,
      realisatie[0].jaar,
      realisatie.map((r) => r.regio_code),
      realisatie.map((r) => r.sector),
      realisatie.map((r) => r.bedrag),
    ],
  );
}

// ---- reads for other capabilities (exported through src/budget/index.ts)

export interface AfspraakPrijsRow {
  organisatie_id: string;
  prestatie_code: string;
  regio_code: string;
  prijs: string;
}

/** The agreed price per provider × prestatie × region of a year (the highest of its versions). */
export async function afspraakPrijzen(q: Queryable, jaar: number): Promise<AfspraakPrijsRow[]> {
  return q.query<AfspraakPrijsRow>(
    `SELECT organisatie_id, prestatie_code, regio_code, max(prijs)::text AS prijs
       FROM productieafspraak WHERE jaar = $1 GROUP BY 1, 2, 3`,
    [jaar],
  );
}

export interface AfspraakTotaalRow {
  organisatie_id: string;
  bedrag: string;
}

/**
 * Per provider the sum of its agreements in the region and year; per prestatie the latest version
 * wins, taken as any version other than 'initieel' when one exists (herschikking versions).
 */
export async function afspraakTotalenPerAanbieder(
  q: Queryable,
  regio: string,
  jaar: number,
  organisatieId: string | null,
  sector: string | null = null,
): Promise<AfspraakTotaalRow[]> {
  return q.query<AfspraakTotaalRow>(
    `SELECT organisatie_id, sum(bedrag)::text AS bedrag FROM (
       SELECT DISTINCT ON (organisatie_id, prestatie_code) organisatie_id, bedrag
         FROM productieafspraak
        WHERE regio_code = $1 AND jaar = $2 AND ($3::text IS NULL OR organisatie_id = $3) AND ($4::text IS NULL OR sector = $4)
        ORDER BY organisatie_id, prestatie_code, (versie = 'initieel'), versie DESC) x
      GROUP BY 1 ORDER BY 1`,
    [regio, jaar, organisatieId, sector],
  );
}

// ───────────────────────────── Reads for other capabilities ─────────────────────────────

/** Providers with a production agreement in the region and sector, in the latest year ≤ jaar that has any. */
export async function gecontracteerdeAanbieders(
  q: Queryable,
  regio: string,
  sector: string,
  jaar: number,
): Promise<string[]> {
  const rows = await q.query<{ organisatie_id: string }>(
    `SELECT DISTINCT organisatie_id FROM productieafspraak
      WHERE regio_code = $1 AND sector = $2
        AND jaar = (SELECT max(jaar) FROM productieafspraak WHERE regio_code = $1 AND jaar <= $3)`,
    [regio, sector, jaar],
  );
  return rows.map((r) => r.organisatie_id);
}

/** Providers with a production agreement in any of the regions (null = all), any sector, latest year ≤ jaar per region. */
export async function gecontracteerdeAanbiedersInRegios(
  q: Queryable,
  regios: string[] | null,
  jaar: number,
): Promise<string[]> {
  const rows = await q.query<{ organisatie_id: string }>(
    `SELECT DISTINCT p.organisatie_id FROM productieafspraak p
      WHERE ($1::text[] IS NULL OR p.regio_code = ANY($1))
        AND p.jaar = (SELECT max(jaar) FROM productieafspraak x WHERE x.regio_code = p.regio_code AND x.jaar <= $2)`,
    [regios, jaar],
  );
  return rows.map((r) => r.organisatie_id);
}

/**
 * Contracted providers per region and sector for many regions in one read (same rule as
 * gecontracteerdeAanbieders: per region the latest year ≤ jaar that has agreements).
 */
export async function gecontracteerdeAanbiedersPerSector(
  q: Queryable,
  regios: string[],
  jaar: number,
): Promise<{ regio_code: string; sector: string; organisatie_id: string }[]> {
  if (!regios.length) return [];
  return q.query<{ regio_code: string; sector: string; organisatie_id: string }>(
    `SELECT DISTINCT p.regio_code, p.sector, p.organisatie_id FROM productieafspraak p
      WHERE p.regio_code = ANY($1::text[])
        AND p.jaar = (SELECT max(jaar) FROM productieafspraak x WHERE x.regio_code = p.regio_code AND x.jaar <= $2)`,
    [regios, jaar],
  );
}

/** Filter of the overview figures: one year, optionally one region, one provider, a set of regions. */
export interface CijferFilter {
  jaar: number;
  regio?: string | null;
  organisatie?: string | null;
  regios?: string[] | null;
}

/** Count, volume and amount of the production agreements that pass the filter (numeric(16,2) as text). */
export function afspraakTotalen(q: Queryable, f: CijferFilter): Promise<{ n: number; volume: string; bedrag: string }> {
  return q.one<{ n: number; volume: string; bedrag: string }>(
    `SELECT count(*) AS n, coalesce(sum(volume), 0)::numeric(16,2) AS volume, coalesce(sum(bedrag), 0)::numeric(16,2) AS bedrag FROM productieafspraak
      WHERE jaar = $1 AND ($2::text IS NULL OR regio_code = $2) AND ($3::text IS NULL OR organisatie_id = $3) AND ($4::text[] IS NULL OR regio_code = ANY($4))`,
    [f.jaar, f.regio ?? null, f.organisatie ?? null, f.regios ?? null],
  );
}

export interface AfsprakenPerJaarRow {
  jaar: number;
  n: number;
  volume: string;
  bedrag: string;
  regios: string[];
}

/**
 * A provider's production agreements per year. With `zorgkantoor` only the regions that
 * zorgkantoor holds in that year (regio_concessie).
 */
export function afsprakenPerJaar(
  q: Queryable,
  organisatieId: string,
  zorgkantoor: string | null,
): Promise<AfsprakenPerJaarRow[]> {
  return q.query<AfsprakenPerJaarRow>(
    `SELECT jaar, count(*) AS n, sum(volume)::numeric(16,2) AS volume, sum(bedrag)::numeric(16,2) AS bedrag, array_agg(DISTINCT regio_code ORDER BY regio_code) AS regios
       FROM productieafspraak p
      WHERE organisatie_id = $1 AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM regio_concessie z WHERE z.organisatie_id = $2 AND z.regio_code = p.regio_code AND z.jaar = p.jaar))
      GROUP BY jaar ORDER BY jaar`,
    [organisatieId, zorgkantoor],
  );
}

export interface AfspraakHistorieRow {
  regio_code: string;
  sector: string;
  soort: string;
  overheveling: boolean;
}

/** A provider's production agreements of one year per region, sector and kind of prestatie (the classification's history). */
export function afsprakenVoorHistorie(
  q: Queryable,
  organisatieId: string,
  jaar: number,
): Promise<AfspraakHistorieRow[]> {
  return q.query<AfspraakHistorieRow>(
    `SELECT pa.regio_code, pa.sector, p.soort, bool_or(pa.versie ILIKE 'overheveling%') AS overheveling
       FROM productieafspraak pa JOIN prestatie p ON p.code = pa.prestatie_code
      WHERE pa.organisatie_id = $1 AND pa.jaar = $2
      GROUP BY pa.regio_code, pa.sector, p.soort`,
    [organisatieId, jaar],
  );
}
