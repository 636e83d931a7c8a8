/**
 * SQL of best value (tables best_value_voorstel and kpi, plus the contract and kader columns the
 * KPI view of a contract needs). Every query has a declared row type; numeric columns come back
 * as text, exact. Rules stay in ./voorstel.ts, use cases in ./service.ts.
 */
import type { Queryable } from '../../platform/db/index.ts';
import type { ProcedureType } from '../../domain/inkoop/procedure.ts';

type Tijdstip = Date | string;

export interface KpiRijOpgeslagen {
  id: string;
  volgnummer: number;
  naam: string;
  omschrijving: string | null;
  eenheid: string;
  nulmeting: string;
  streefwaarde: string;
  richting: 'hoger_is_beter' | 'lager_is_beter' | 'handhaven';
  meetmethode: string;
  meetmoment: string | null;
  bron: string | null;
  afgesproken: boolean;
  afgesproken_op: Tijdstip | null;
}

/** numeric as text straight from the database: exact, never through a JS number. */
const KPI_KOLOMMEN = `id, volgnummer, naam, omschrijving, eenheid, nulmeting::text AS nulmeting, streefwaarde::text AS streefwaarde, richting, meetmethode, meetmoment, bron, afgesproken, afgesproken_op`;

export function kpiRijen(
  q: Queryable,
  inschrijvingId: string,
  alleenAfgesproken: boolean,
): Promise<KpiRijOpgeslagen[]> {
  return q.query<KpiRijOpgeslagen>(
    `SELECT ${KPI_KOLOMMEN} FROM kpi WHERE inschrijving_id = $1${alleenAfgesproken ? ' AND afgesproken' : ''} ORDER BY volgnummer`,
    [inschrijvingId],
  );
}

export interface VoorstelRij {
  voorstel: string | null;
  kansen: string | null;
  risicos: string | null;
  aangeboden_prijs: string | null;
  prijs_toelichting: string | null;
  voorwaarden: string | null;
  gewijzigd_op: Tijdstip | null;
}

export async function voorstelRij(q: Queryable, inschrijvingId: string): Promise<VoorstelRij | null> {
  return (
    (await q.maybeOne<VoorstelRij>(
      `SELECT voorstel, kansen, risicos, aangeboden_prijs::text AS aangeboden_prijs, prijs_toelichting, voorwaarden, gewijzigd_op FROM best_value_voorstel WHERE inschrijving_id = $1`,
      [inschrijvingId],
    )) ?? null
  );
}

/** The offered price of every proposal of a kader (text, exact; null when none was offered). */
export function aangebodenPrijzen(
  q: Queryable,
  kaderId: string,
): Promise<{ inschrijving_id: string; prijs: string | null }[]> {
  return q.query<{ inschrijving_id: string; prijs: string | null }>(
    `SELECT v.inschrijving_id, v.aangeboden_prijs::text AS prijs FROM best_value_voorstel v JOIN inschrijving i ON i.id = v.inschrijving_id WHERE i.kader_id = $1`,
    [kaderId],
  );
}

/** At the final award the proposed KPIs become the agreed ones. */
export async function markeerKpisAfgesproken(q: Queryable, inschrijvingId: string, nu: Date): Promise<void> {
  await q.query(
    'UPDATE kpi SET afgesproken = true, afgesproken_op = $2 WHERE inschrijving_id = $1 AND NOT afgesproken',
    [inschrijvingId, nu],
  );
}

export interface VoorstelWaarden {
  voorstel: string | null;
  kansen: string | null;
  risicos: string | null;
  aangebodenPrijs: string | null;
  prijsToelichting: string | null;
  voorwaarden: string | null;
}

export interface KpiWaarden {
  naam: string;
  omschrijving: string | null;
  eenheid: string;
  nulmeting: string;
  streefwaarde: string;
  richting: string;
  meetmethode: string;
  meetmoment: string | null;
  bron: string | null;
}

/** Replaces the proposal and its KPIs as a whole and touches the inschrijving (call inside a transaction). */
export async function vervangVoorstel(
  q: Queryable,
  inschrijvingId: string,
  w: VoorstelWaarden,
  kpis: KpiWaarden[],
  nu: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO best_value_voorstel (inschrijving_id, voorstel, kansen, risicos, aangeboden_prijs, prijs_toelichting, voorwaarden, gewijzigd_op) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
      ON CONFLICT (inschrijving_id) DO UPDATE SET voorstel = EXCLUDED.voorstel, kansen = EXCLUDED.kansen, risicos = EXCLUDED.risicos, aangeboden_prijs = EXCLUDED.aangeboden_prijs,
      prijs_toelichting = EXCLUDED.prijs_toelichting, voorwaarden = EXCLUDED.voorwaarden, gewijzigd_op = EXCLUDED.gewijzigd_op`,
    [inschrijvingId, w.voorstel, w.kansen, w.risicos, w.aangebodenPrijs, w.prijsToelichting, w.voorwaarden, nu],
  );
  await q.query('DELETE FROM kpi WHERE inschrijving_id = $1', [inschrijvingId]);
  for (const [n, x] of kpis.entries()) {
    await q.query(
      `INSERT INTO kpi (inschrijving_id, volgnummer, naam, omschrijving, eenheid, nulmeting, streefwaarde, richting, meetmethode, meetmoment, bron)
        VALUES ($1,$2,$3,$4,$5,$6::numeric,$7::numeric,$8,$9,$10,$11)`,
      [
        inschrijvingId,
        n + 1,
        x.naam,
        x.omschrijving,
        x.eenheid,
        x.nulmeting,
        x.streefwaarde,
        x.richting,
        x.meetmethode,
        x.meetmoment,
        x.bron,
      ],
    );
  }
  await q.query('UPDATE inschrijving SET gewijzigd_op = $2 WHERE id = $1', [inschrijvingId, nu]);
}

export interface OvereenkomstKpiRij {
  id: string;
  inschrijving_id: string;
  organisatie_id: string;
  kader_id: string;
  status: string;
  ingangsdatum: string;
  einddatum: string;
  zorgkantoor_id: string;
  procedure_type: ProcedureType;
  titel: string;
}

/** A contract with the kader's zorgkantoor, procedure type and title (for the agreed KPIs). */
export async function overeenkomstMetKader(q: Queryable, overeenkomstId: string): Promise<OvereenkomstKpiRij | null> {
  return (
    (await q.maybeOne<OvereenkomstKpiRij>(
      `SELECT o.id, o.inschrijving_id, o.organisatie_id, o.kader_id, o.status, o.ingangsdatum::text AS ingangsdatum, o.einddatum::text AS einddatum,
            k.organisatie_id AS zorgkantoor_id, k.procedure_type, k.titel
     FROM overeenkomst o JOIN inkoopkader k ON k.id = o.kader_id WHERE o.id = $1`,
      [overeenkomstId],
    )) ?? null
  );
}
