/**
 * Versioned SQL migrations. Files named NNNN_name.sql live in src/platform/db/migrations and in
 * src/<capability>/migrations; they run in order of their number, each in its own transaction,
 * and an applied file may never change (its checksum is recorded).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './index.ts';
import { AppError } from '../errors.ts';

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Migration {
  versie: string;
  naam: string;
  bestand: string;
  sql: string;
  checksum: string;
}

export function listMigrations(): Migration[] {
  const dirs = [path.join(srcDir, 'platform/db/migrations')];
  for (const entry of fs.readdirSync(srcDir, { withFileTypes: true })) {
    const d = path.join(srcDir, entry.name, 'migrations');
    if (entry.isDirectory() && entry.name !== 'platform' && fs.existsSync(d)) dirs.push(d);
  }
  const all: Migration[] = [];
  for (const dir of dirs) {
    for (const f of fs.readdirSync(dir)) {
      const m = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(f);
      if (!m) continue;
      const sql = fs.readFileSync(path.join(dir, f), 'utf8');
      all.push({
        versie: m[1],
        naam: m[2],
        bestand: path.relative(srcDir, path.join(dir, f)),
        sql,
        checksum: crypto.createHash('sha256').update(sql).digest('hex'),
      });
    }
  }
  all.sort((a, b) => a.versie.localeCompare(b.versie));
  for (let i = 1; i < all.length; i++) {
    if (all[i].versie === all[i - 1].versie)
      throw new Error(`Twee migraties met versie ${all[i].versie}: ${all[i - 1].bestand} en ${all[i].bestand}`);
  }
  return all;
}

export async function migrate(db: Db): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migratie (
    versie text PRIMARY KEY, naam text NOT NULL, checksum text NOT NULL,
    toegepast_op timestamptz NOT NULL DEFAULT now())`);
  const applied = new Map(
    (
      await db.query<{ versie: string; checksum: string; naam: string }>(
        'SELECT versie, checksum, naam FROM schema_migratie',
      )
    ).map((r) => [r.versie, r]),
  );
  const done: string[] = [];
  for (const m of listMigrations()) {
    const prev = applied.get(m.versie);
    if (prev) {
      if (prev.checksum !== m.checksum) {
        throw new AppError(
          500,
          'migratie-gewijzigd',
          `Migratie ${m.bestand} is gewijzigd nadat hij al was uitgevoerd.`,
          {
            actie: 'Zet de oorspronkelijke inhoud terug en schrijf de wijziging als nieuwe migratie.',
          },
        );
      }
      continue;
    }
    await db.tx(async (t) => {
      await t.exec(m.sql);
      await t.query('INSERT INTO schema_migratie (versie, naam, checksum) VALUES ($1,$2,$3)', [
        m.versie,
        m.naam,
        m.checksum,
      ]);
    });
    done.push(`${m.versie}_${m.naam}`);
  }
  return done;
}
