/** Loads the shipped reference data (idempotent): regions, zorgkantoren, catalogue, demo concession mapping. */
import type { Queryable } from '../platform/db/index.ts';
import regios from './data/regios.json' with { type: 'json' };
import catalogus from './data/catalogus.json' with { type: 'json' };
import zorgkantoren from './data/zorgkantoren.json' with { type: 'json' };
import concessie from './data/regio-concessie-voorbeeld.json' with { type: 'json' };

export async function ensureReference(q: Queryable): Promise<void> {
  const have = await q.maybeOne<{ n: number }>('SELECT count(*) AS n FROM regio');
  if (have && have.n > 0) return;
  for (const r of regios.regios as any[]) {
    await q.query('INSERT INTO regio (code, naam, actief, opmerking, bron) VALUES ($1,$2,$3,$4,$5) ON CONFLICT (code) DO NOTHING',
      [r.code, r.naam, r.actief, r.opmerking ?? null, r.bron]);
  }
  for (const z of zorgkantoren.zorgkantoren) {
    await q.query(`INSERT INTO organisatie (id, soort, naam) VALUES ($1,'zorgkantoor',$2) ON CONFLICT (id) DO NOTHING`, [z.id, z.naam]);
  }
  for (const s of catalogus.sectoren) await q.query('INSERT INTO sector VALUES ($1,$2,$3) ON CONFLICT DO NOTHING', [s.code, s.naam, s.naam_en]);
  for (const l of catalogus.leveringsvormen) await q.query('INSERT INTO leveringsvorm VALUES ($1,$2,$3,$4) ON CONFLICT DO NOTHING', [l.code, l.iwlz_code, l.naam, l.bron]);
  for (const z of catalogus.zorgprofielen as any[]) {
    await q.query('INSERT INTO zorgprofiel (code, naam, omschrijving, sector, behandeling, bron) VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT DO NOTHING',
      [z.code, z.naam, z.omschrijving, z.sector, z.behandeling ?? null, z.bron]);
  }
  for (const f of catalogus.functies) await q.query('INSERT INTO functie VALUES ($1,$2,$3) ON CONFLICT DO NOTHING', [f.code, f.omschrijving, f.bron]);
  for (const k of catalogus.klassen as any[]) await q.query('INSERT INTO klasse VALUES ($1,$2,$3,$4) ON CONFLICT DO NOTHING', [k.code, k.omschrijving, k.eenheid, k.bron]);
  for (const jaar of concessie.jaren) {
    for (const [regio, org] of Object.entries(concessie.indeling)) {
      await q.query('INSERT INTO regio_concessie (regio_code, jaar, organisatie_id, voorbeeld, bron) VALUES ($1,$2,$3,true,$4) ON CONFLICT DO NOTHING',
        [regio, jaar, org, concessie.bron]);
    }
  }
}
