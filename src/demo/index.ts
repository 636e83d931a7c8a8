/**
 * Demo data: fictional organisations, people and figures, deterministic from a seed. Loaded once
 * on first start. Everything it writes is marked as example data; no figure is an NZa tariff or
 * a real budget.
 */
import type { AppContext } from '../platform/context.ts';
import type { Progress } from '../platform/jobs.ts';
import type { Rol } from '../platform/auth/roles.ts';
import { hashPassword } from '../platform/auth/password.ts';
import { appendAudit, SYSTEEM } from '../platform/audit.ts';

export const DEMO_PASSWORD = 'zorginkoop-demo';

export interface DemoAccount { email: string; naam: string; organisatieId: string; rollen: Rol[]; omschrijving: string }

export const DEMO_ZORGKANTOOR = 'zk-cz';
export const DEMO_AANBIEDER = 'za-demo-0001';
export const DEMO_AANBIEDER_2 = 'za-demo-0002';

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'inkoper@cz.demo', naam: 'Ingrid Inkoper', organisatieId: DEMO_ZORGKANTOOR, rollen: ['inkoper'], omschrijving: 'inkoper, CZ Zorgkantoor' },
  { email: 'beoordelaar@cz.demo', naam: 'Bram Beoordelaar', organisatieId: DEMO_ZORGKANTOOR, rollen: ['beoordelaar'], omschrijving: 'beoordelaar, CZ Zorgkantoor' },
  { email: 'beoordelaar2@cz.demo', naam: 'Bea Tweede', organisatieId: DEMO_ZORGKANTOOR, rollen: ['beoordelaar'], omschrijving: 'tweede beoordelaar (vier ogen), CZ Zorgkantoor' },
  { email: 'manager@cz.demo', naam: 'Marieke Manager', organisatieId: DEMO_ZORGKANTOOR, rollen: ['manager'], omschrijving: 'manager zorginkoop, CZ Zorgkantoor' },
  { email: 'controller@cz.demo', naam: 'Chris Controller', organisatieId: DEMO_ZORGKANTOOR, rollen: ['controller'], omschrijving: 'controller, CZ Zorgkantoor' },
  { email: 'beheerder@cz.demo', naam: 'Ben Beheerder', organisatieId: DEMO_ZORGKANTOOR, rollen: ['beheerder'], omschrijving: 'beheerder, CZ Zorgkantoor' },
  { email: 'inkoper@vgz.demo', naam: 'Vera Inkoper', organisatieId: 'zk-vgz', rollen: ['inkoper', 'manager'], omschrijving: 'inkoper en manager, VGZ Zorgkantoor' },
  { email: 'contractmanager@zonnehof.demo', naam: 'Carla Contract', organisatieId: DEMO_AANBIEDER, rollen: ['aanbieder-contractmanager'], omschrijving: 'contractmanager, Zorggroep Zonnehof (fictief)' },
  { email: 'bestuurder@zonnehof.demo', naam: 'Bert Bestuurder', organisatieId: DEMO_AANBIEDER, rollen: ['aanbieder-bestuurder'], omschrijving: 'bestuurder, Zorggroep Zonnehof (fictief)' },
  { email: 'clientenraad@zonnehof.demo', naam: 'Cor Cliëntenraad', organisatieId: DEMO_AANBIEDER, rollen: ['clientenraad'], omschrijving: 'cliëntenraad, Zorggroep Zonnehof (fictief)' },
  { email: 'contractmanager@heideweg.demo', naam: 'Henk Heideweg', organisatieId: DEMO_AANBIEDER_2, rollen: ['aanbieder-contractmanager'], omschrijving: 'contractmanager, Stichting Heideweg (fictief)' },
  { email: 'toezicht@nza.demo', naam: 'Nina NZa', organisatieId: 'nza', rollen: ['toezichthouder'], omschrijving: 'toezichthouder, NZa' },
];

export interface DemoOptions { seed: number; schaal: 'regio' | 'nationaal' }

/** Loads the demo data unless the database already has it. Returns whether it loaded. */
export async function ensureDemo(ctx: AppContext, opts: DemoOptions, progress?: Progress): Promise<boolean> {
  const done = await ctx.db.maybeOne('SELECT 1 FROM instelling WHERE sleutel = $1', ['demo']);
  if (done) return false;
  await loadDemo(ctx, opts, progress);
  return true;
}

export async function loadDemo(ctx: AppContext, opts: DemoOptions, progress?: Progress): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD, ctx.config.passwordHashCost);
  await progress?.(0.05, 'organisaties');
  await ctx.db.tx(async (t) => {
    await t.query(`INSERT INTO organisatie (id, soort, naam, voorbeeld) VALUES ('nza','nza','Nederlandse Zorgautoriteit',false) ON CONFLICT DO NOTHING`);
    await t.query(`INSERT INTO organisatie (id, soort, naam, agb, kvk, voorbeeld) VALUES ($1,'zorgaanbieder','Zorggroep Zonnehof (fictief)','73730001','90000001',true),
      ($2,'zorgaanbieder','Stichting Heideweg (fictief)','73730002','90000002',true) ON CONFLICT DO NOTHING`, [DEMO_AANBIEDER, DEMO_AANBIEDER_2]);
    await t.query(`INSERT INTO locatie (organisatie_id, naam, plaats, regio_code, sectoren, leveringsvormen, capaciteit) VALUES
      ($1,'Zonnehof Centrum','Tilburg','5527','{VV}','{verblijf,vpt}',80), ($2,'Heideweg','Breda','5526','{VV}','{verblijf}',60)`, [DEMO_AANBIEDER, DEMO_AANBIEDER_2]);
    for (const a of DEMO_ACCOUNTS) {
      await t.query('INSERT INTO gebruiker (email, naam, organisatie_id, rollen, wachtwoord_hash) VALUES ($1,$2,$3,$4,$5) ON CONFLICT (email) DO NOTHING',
        [a.email, a.naam, a.organisatieId, a.rollen, hash]);
    }
    await appendAudit(t, SYSTEEM, { actie: 'demo.geladen', onderwerpType: 'database', onderwerpId: 'demo', invoer: opts });
    await t.query(`INSERT INTO instelling (sleutel, waarde) VALUES ('demo', $1)`, [JSON.stringify({ ...opts, geladenOp: new Date().toISOString() })]);
  });
  await progress?.(1, 'klaar');
}
