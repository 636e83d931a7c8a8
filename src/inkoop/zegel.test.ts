/**
 * Issue 8 "Zegel: sealed means sealed", through the HTTP API on a real database. Each test reproduces
 * a probe of the issue and failed before the fix:
 *  1. the purchaser lifting the seal after publication (bids in) is refused, nothing written;
 *  2. the submission deadline never moves earlier after publication; an extension takes effect only
 *     when published; the server never enforces an unpublished working version (seal, deadline,
 *     OCDS, provider submission);
 *  4. letters the zorgkantoor generates are not deletable (nor linkable) by the provider;
 * 10. withdrawn bids are 404 for the zorgkantoor like concepts; concept / withdrawn counts are sealed
 *     until the deadline (API status and CLI `inkoop status`);
 * plus: one sealing rule with one answer (403 'verzegeld') from every route that reads bids,
 * documents, dialogue minutes or scores before the deadline.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { Command } from 'commander';
import { createTestApp, type TestApp, type TestClient } from '../testing.ts';
import type { CliContext, Output } from '../platform/cli/index.ts';
import { lokaalNaarInstant } from '../domain/inkoop/timeline.ts';
import { inkoopCapability } from './capability.ts';

let t: TestApp;
let inkoper: TestClient, beoordelaar: TestClient, beoordelaar2: TestClient, manager: TestClient, controller: TestClient;
let zonnehof: TestClient, heideweg: TestClient;
const DEADLINE = lokaalNaarInstant('2025-07-31T17:00');
const sec = (n: number) => new Date(DEADLINE.getTime() + n * 1000);
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')]);
const count = async (sql: string, p: unknown[] = []) => Number((await t.db.one<{ n: number }>(sql, p)).n);

function upload(c: TestClient, id: string, naam: string, velden: Record<string, string> = {}) {
  const grens = '----zg' + crypto.randomBytes(6).toString('hex');
  const delen: Buffer[] = [];
  for (const [k, v] of Object.entries(velden))
    delen.push(Buffer.from(`--${grens}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  delen.push(
    Buffer.from(
      `--${grens}\r\nContent-Disposition: form-data; name="bestand"; filename="${naam}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    PDF,
    Buffer.from(`\r\n--${grens}--\r\n`),
  );
  return c.inject({
    method: 'POST',
    url: `/api/v1/inkoop/inschrijvingen/${id}/documenten`,
    payload: Buffer.concat(delen),
    headers: { 'content-type': `multipart/form-data; boundary=${grens}` },
  });
}

/** A published 'openbaar' kader (deadline 31 July 2025 17:00) with one optional knock-out criterion. */
async function gepubliceerdKader(titel: string, procedureType = 'openbaar'): Promise<string> {
  const r = await inkoper.post('/api/v1/inkoop/kaders', {
    titel,
    jaarVan: 2026,
    sector: 'VV',
    regioCodes: ['5526', '5527'],
    procedureType,
  });
  assert.equal(r.statusCode, 201, r.body);
  const id = r.json().id;
  if (procedureType !== 'open_house') {
    const tm = await inkoper.put(`/api/v1/inkoop/kaders/${id}/termijnen`, {
      termijnen: [
        { fase: 'vragen', begint: '2025-06-01T09:00', eindigt: '2025-06-20T17:00' },
        { fase: 'inschrijving', begint: '2025-06-01T09:00', eindigt: '2025-07-31T17:00' },
      ],
    });
    assert.equal(tm.statusCode, 200, tm.body);
  }
  const e = await inkoper.post(`/api/v1/inkoop/kaders/${id}/eisen`, {
    code: 'KO1',
    groep: 'gunningscriterium_knockout',
    tekst: 'Voldoet aan het Programma van Eisen',
    soort: 'oordeel',
    verplicht: false,
  });
  assert.equal(e.statusCode, 201, e.body);
  const p = await inkoper.post(`/api/v1/inkoop/kaders/${id}/publiceren`, {});
  assert.equal(p.statusCode, 200, p.body);
  return id;
}

async function dienIn(c: TestClient, kaderId: string, metDocument = false): Promise<{ id: string; doc?: string }> {
  const s = await c.post(`/api/v1/inkoop/kaders/${kaderId}/inschrijving`, {});
  assert.equal(s.statusCode, 200, s.body);
  const id = s.json().id;
  let doc: string | undefined;
  if (metDocument) {
    const u = await upload(c, id, 'plan.pdf');
    assert.equal(u.statusCode, 201, u.body);
    doc = u.json().id;
  }
  const r = await c.post(`/api/v1/inkoop/inschrijvingen/${id}/indienen`, {});
  assert.equal(r.statusCode, 200, r.body);
  return { id, doc };
}

before(async () => {
  t = await createTestApp();
  t.setNow(lokaalNaarInstant('2025-06-02T10:00'));
  [inkoper, beoordelaar, beoordelaar2, manager, controller, zonnehof, heideweg] = await Promise.all(
    [
      'inkoper@cz.demo',
      'beoordelaar@cz.demo',
      'beoordelaar2@cz.demo',
      'manager@cz.demo',
      'controller@cz.demo',
      'contractmanager@zonnehof.demo',
      'contractmanager@heideweg.demo',
    ].map((e) => t.login(e)),
  );
});
after(async () => {
  await t?.close();
});

// ───────────────────────────── 1. lifting the seal ─────────────────────────────

test('1. het zegel opheffen na publicatie (bieding binnen, vragenronde) wordt geweigerd: 409 met het veld genoemd, niets geschreven, niets leesbaar', async () => {
  t.setNow(lokaalNaarInstant('2025-06-02T10:00'));
  const kaderId = await gepubliceerdKader('Zegel 1');
  assert.equal((await inkoper.get(`/api/v1/inkoop/kaders/${kaderId}`)).json().fase, 'vragenronde');
  const { id, doc } = await dienIn(zonnehof, kaderId, true);
  const voor = await t.db.one<any>('SELECT versie, verzegeld_voor_beoordelaars FROM inkoopkader WHERE id = $1', [
    kaderId,
  ]);
  const audits = await count('SELECT count(*) AS n FROM audit_regel WHERE onderwerp_id = $1', [kaderId]);

  const r = await inkoper.patch(`/api/v1/inkoop/kaders/${kaderId}`, { verzegeldVoorBeoordelaars: false });
  assert.equal(r.statusCode, 409, r.body);
  assert.match(String(r.headers['content-type']), /application\/problem\+json/);
  assert.equal(r.json().code, 'verzegeling-vast');
  assert.match(r.json().title, /verzegeldVoorBeoordelaars.*na publicatie/);
  assert.equal(r.json().fouten[0].waar, 'verzegeldVoorBeoordelaars');
  assert.ok(r.json().actie, 'says what to do');
  // a combined edit is refused whole: the title is not changed either
  const samen = await inkoper.patch(`/api/v1/inkoop/kaders/${kaderId}`, {
    titel: 'Andere titel',
    verzegeldVoorBeoordelaars: false,
  });
  assert.equal(samen.statusCode, 409);
  const na = await t.db.one<any>('SELECT versie, titel, verzegeld_voor_beoordelaars FROM inkoopkader WHERE id = $1', [
    kaderId,
  ]);
  assert.deepEqual(
    [na.versie, na.verzegeld_voor_beoordelaars, na.titel],
    [voor.versie, true, 'Zegel 1'],
    'nothing half-written',
  );
  assert.equal(await count('SELECT count(*) AS n FROM audit_regel WHERE onderwerp_id = $1', [kaderId]), audits);
  // the same value is no change and is accepted (a form that sends every field)
  assert.equal(
    (await inkoper.patch(`/api/v1/inkoop/kaders/${kaderId}`, { verzegeldVoorBeoordelaars: true })).statusCode,
    200,
  );

  for (const c of [beoordelaar, inkoper, manager, controller]) {
    for (const url of [`/api/v1/inkoop/inschrijvingen/${id}`, `/api/v1/inkoop/documenten/${doc}`]) {
      const g = await c.get(url);
      assert.equal(g.statusCode, 403, `${url}: ${g.body}`);
      assert.equal(g.json().code, 'verzegeld');
    }
  }
});

test('1. de server leest het gepubliceerde zegel: een afwijkende werkversie (oude gegevens) ontzegelt niets en kan niet gepubliceerd worden', async () => {
  t.setNow(lokaalNaarInstant('2025-06-02T10:00'));
  const kaderId = await gepubliceerdKader('Zegel 1b');
  const { id } = await dienIn(zonnehof, kaderId);
  // a working version that lifted the seal before this fix (straight in the database)
  await t.db.query('UPDATE inkoopkader SET verzegeld_voor_beoordelaars = false, versie = versie + 1 WHERE id = $1', [
    kaderId,
  ]);
  const g = await beoordelaar.get(`/api/v1/inkoop/inschrijvingen/${id}`);
  assert.equal(g.statusCode, 403, g.body);
  assert.equal((await inkoper.get(`/api/v1/inkoop/kaders/${kaderId}/status`)).json().verzegeld, true);
  const p = await inkoper.post(`/api/v1/inkoop/kaders/${kaderId}/publiceren`, {});
  assert.equal(p.statusCode, 409, p.body);
  assert.equal(p.json().code, 'verzegeling-vast');
});

// ───────────────────────────── 2. moving the deadline ─────────────────────────────

test('2. de sluitingstermijn naar het verleden of eerder zetten wordt geweigerd (409, veld genoemd); niets gewijzigd, aanbieders kunnen indienen, OCDS toont de gepubliceerde datum', async () => {
  t.setNow(lokaalNaarInstant('2025-07-10T10:00'));
  const kaderId = await gepubliceerdKader('Zegel 2');
  const { id } = await dienIn(zonnehof, kaderId);
  const termijnenVoor = await t.db.query<any>(
    'SELECT fase, begint_op, eindigt_op FROM termijn WHERE kader_id = $1 ORDER BY fase',
    [kaderId],
  );
  const minuutGeleden = new Date(t.ctx.now().getTime() - 60_000).toISOString();
  for (const eindigt of [minuutGeleden, '2025-07-20T17:00']) {
    const r = await inkoper.put(`/api/v1/inkoop/kaders/${kaderId}/termijnen`, {
      termijnen: [
        { fase: 'vragen', begint: '2025-06-01T09:00', eindigt: '2025-06-20T17:00' },
        { fase: 'inschrijving', begint: '2025-06-01T09:00', eindigt },
      ],
    });
    assert.equal(r.statusCode, 409, `${eindigt}: ${r.body}`);
    assert.match(String(r.headers['content-type']), /application\/problem\+json/);
    assert.equal(r.json().code, 'deadline-niet-vervroegen');
    assert.match(r.json().title, /alleen later.*nooit eerder.*1 inschrijving ingediend/);
    assert.equal(r.json().fouten[0].waar, 'termijnen/1/eindigt');
  }
  // dropping the deadline is no extension for a procedure that needs one
  const weg = await inkoper.put(`/api/v1/inkoop/kaders/${kaderId}/termijnen`, {
    termijnen: [{ fase: 'vragen', begint: '2025-06-01T09:00', eindigt: '2025-06-20T17:00' }],
  });
  assert.equal(weg.statusCode, 409, weg.body);
  assert.deepEqual(
    await t.db.query<any>('SELECT fase, begint_op, eindigt_op FROM termijn WHERE kader_id = $1 ORDER BY fase', [
      kaderId,
    ]),
    termijnenVoor,
    'nothing written',
  );
  const k = await t.db.one<any>('SELECT versie, gepubliceerde_versie FROM inkoopkader WHERE id = $1', [kaderId]);
  assert.equal(k.versie, k.gepubliceerde_versie, 'no new working version');

  // still sealed; another provider inside the published deadline can submit; OCDS shows the published date
  assert.equal((await beoordelaar.get(`/api/v1/inkoop/inschrijvingen/${id}`)).statusCode, 403);
  await dienIn(heideweg, kaderId);
  const ocds = (await t.anonymous.get(`/api/v1/inkoop/kaders/${kaderId}/ocds`)).json();
  assert.equal(ocds.releases[0].tender.tenderPeriod.endDate, DEADLINE.toISOString().replace('.000Z', 'Z'));
});

test('2. de server handhaaft nooit een ongepubliceerde werkversie: een eerdere datum in de werkversie (oude gegevens) ontzegelt niets en weigert geen aanbieder', async () => {
  t.setNow(lokaalNaarInstant('2025-07-10T10:00'));
  const kaderId = await gepubliceerdKader('Zegel 2b');
  const { id } = await dienIn(zonnehof, kaderId);
  // what the old PUT did: an unpublished working version with a deadline one minute ago
  await t.db.query(`UPDATE termijn SET eindigt_op = $2 WHERE kader_id = $1 AND fase = 'inschrijving'`, [
    kaderId,
    new Date(t.ctx.now().getTime() - 60_000),
  ]);
  await t.db.query('UPDATE inkoopkader SET versie = versie + 1 WHERE id = $1', [kaderId]);
  const g = await beoordelaar.get(`/api/v1/inkoop/inschrijvingen/${id}`);
  assert.equal(g.statusCode, 403, 'sealed until the published deadline');
  assert.equal((await beoordelaar.get(`/api/v1/inkoop/kaders/${kaderId}/inschrijvingen`)).statusCode, 403);
  await dienIn(heideweg, kaderId); // inside the published deadline: not refused
  const ocds = (await t.anonymous.get(`/api/v1/inkoop/kaders/${kaderId}/ocds`)).json();
  assert.equal(ocds.releases[0].tender.tenderPeriod.endDate, DEADLINE.toISOString().replace('.000Z', 'Z'));
  const st = (await inkoper.get(`/api/v1/inkoop/kaders/${kaderId}/status`)).json();
  assert.equal(st.deadline, DEADLINE.toISOString());
  assert.equal(st.inschrijvenOpen, true);
  // the public page shows the published deadline too
  const pub = (await t.anonymous.get(`/api/v1/openbaar/inkoopkaders/${kaderId}`)).json();
  assert.equal(pub.deadline, DEADLINE.toISOString());
});

test('2. verlengen mag (ook met biedingen binnen), wordt geaudit en geldt pas na publicatie; na de gepubliceerde termijn publiceert niets meer', async () => {
  t.setNow(lokaalNaarInstant('2025-07-10T10:00'));
  const kaderId = await gepubliceerdKader('Zegel 2c');
  const { id } = await dienIn(zonnehof, kaderId);
  const verleng = (eindigt: string) =>
    inkoper.put(`/api/v1/inkoop/kaders/${kaderId}/termijnen`, {
      termijnen: [
        { fase: 'vragen', begint: '2025-06-01T09:00', eindigt: '2025-06-20T17:00' },
        { fase: 'inschrijving', begint: '2025-06-01T09:00', eindigt },
      ],
    });
  const r = await verleng('2025-08-15T17:00');
  assert.equal(r.statusCode, 200, r.body);
  const a = await t.db.one<any>(
    `SELECT resultaat FROM audit_regel WHERE onderwerp_id = $1 AND actie = 'inkoop.kader.termijnen_gewijzigd' ORDER BY volgnummer DESC LIMIT 1`,
    [kaderId],
  );
  assert.equal(a.resultaat.verlenging.gepubliceerdeDeadline, DEADLINE.toISOString());
  assert.equal(a.resultaat.verlenging.ingediend, 1);
  assert.equal(a.resultaat.verlenging.geldtNa, 'publicatie');
  // not yet published: the published deadline still governs
  let st = (await inkoper.get(`/api/v1/inkoop/kaders/${kaderId}/status`)).json();
  assert.equal(st.deadline, DEADLINE.toISOString());
  assert.equal((await inkoper.get(`/api/v1/inkoop/kaders/${kaderId}`)).json().ongepubliceerdeWijzigingen, true);

  const p = await inkoper.post(`/api/v1/inkoop/kaders/${kaderId}/publiceren`, { wijzigingen: 'Termijn verlengd' });
  assert.equal(p.statusCode, 200, p.body);
  const pa = await t.db.one<any>(
    `SELECT resultaat FROM audit_regel WHERE onderwerp_id = $1 AND actie = 'inkoop.kader.gepubliceerd' ORDER BY volgnummer DESC LIMIT 1`,
    [kaderId],
  );
  assert.deepEqual(pa.resultaat.deadline, {
    was: DEADLINE.toISOString(),
    wordt: lokaalNaarInstant('2025-08-15T17:00').toISOString(),
  });
  st = (await inkoper.get(`/api/v1/inkoop/kaders/${kaderId}/status`)).json();
  assert.equal(st.deadlineLokaal, '2025-08-15T17:00:00+02:00');
  // after the old deadline: still sealed, and a provider can still submit
  t.setNow(sec(60));
  assert.equal((await beoordelaar.get(`/api/v1/inkoop/inschrijvingen/${id}`)).statusCode, 403);
  await dienIn(heideweg, kaderId);

  // an extension left unpublished past the published deadline is never published (it would reopen bids)
  t.setNow(lokaalNaarInstant('2025-08-10T10:00'));
  assert.equal((await verleng('2025-09-15T17:00')).statusCode, 200);
  // and an unpublished extra weighted criterion: never part of the scoring
  const f9 = await inkoper.post(`/api/v1/inkoop/kaders/${kaderId}/eisen`, {
    code: 'F9',
    groep: 'gunningscriterium_gewogen',
    tekst: 'Nieuw criterium (niet gepubliceerd)',
    soort: 'oordeel',
    gewicht: '10',
    schaalMin: '0',
    schaalMax: '10',
    verplicht: false,
  });
  assert.equal(f9.statusCode, 201, f9.body);
  t.setNow(new Date(lokaalNaarInstant('2025-08-15T17:00').getTime() + 1000));
  const laat = await inkoper.post(`/api/v1/inkoop/kaders/${kaderId}/publiceren`, {});
  assert.equal(laat.statusCode, 409, laat.body);
  assert.equal(laat.json().code, 'deadline-verstreken');
  assert.equal((await beoordelaar.get(`/api/v1/inkoop/inschrijvingen/${id}`)).statusCode, 200, 'unsealed');
  // no deadlock: the void working version is not waited for; scoring uses the published criteria
  const detail = (await beoordelaar.get(`/api/v1/inkoop/inschrijvingen/${id}/beoordeling`)).json();
  assert.deepEqual(
    detail.criteria.map((c: any) => c.code),
    ['KO1'],
  );
  const score = await beoordelaar.put(`/api/v1/inkoop/inschrijvingen/${id}/beoordeling`, {
    scores: [{ criteriumCode: 'KO1', voldaan: true, motivatie: 'Aangetoond' }],
  });
  assert.equal(score.statusCode, 200, score.body);
  const late = await t.db.one<any>('SELECT id FROM inschrijving WHERE kader_id = $1 AND organisatie_id = $2', [
    kaderId,
    'za-demo-0002',
  ]);
  assert.equal(
    (await heideweg.post(`/api/v1/inkoop/inschrijvingen/${late.id}/intrekken`, {})).statusCode,
    409,
    'closed at the published deadline',
  );
});

// ───────────────────────────── one rule, one answer ─────────────────────────────

test('één zegelregel: elke route die biedingen, documenten, dialoog of scores leest geeft vóór de sluitingstermijn hetzelfde antwoord (403 verzegeld)', async () => {
  t.setNow(lokaalNaarInstant('2025-07-10T10:00'));
  const kaderId = await gepubliceerdKader('Zegel één regel');
  const { id, doc } = await dienIn(zonnehof, kaderId, true);
  const routes: [string, () => ReturnType<TestClient['get']>][] = [
    ['GET inschrijving', () => beoordelaar.get(`/api/v1/inkoop/inschrijvingen/${id}`)],
    ['GET inschrijvingen van het kader', () => beoordelaar.get(`/api/v1/inkoop/kaders/${kaderId}/inschrijvingen`)],
    ['GET document', () => beoordelaar.get(`/api/v1/inkoop/documenten/${doc}`)],
    ['GET dialoog', () => beoordelaar.get(`/api/v1/inkoop/inschrijvingen/${id}/dialoog`)],
    [
      'POST dialoog',
      () =>
        inkoper.post(`/api/v1/inkoop/inschrijvingen/${id}/dialoog`, {
          datum: '2025-07-10T10:00:00Z',
          deelnemers: [{ naam: 'X' }],
          onderwerpen: ['plan'],
        }),
    ],
    ['GET beoordeling', () => beoordelaar.get(`/api/v1/inkoop/inschrijvingen/${id}/beoordeling`)],
    [
      'PUT beoordeling (scores)',
      () =>
        beoordelaar.put(`/api/v1/inkoop/inschrijvingen/${id}/beoordeling`, {
          scores: [{ criteriumCode: 'KO1', voldaan: true, motivatie: 'ok' }],
        }),
    ],
    [
      'POST besluit',
      () =>
        beoordelaar2.post(`/api/v1/inkoop/inschrijvingen/${id}/beoordeling/besluit`, {
          besluit: 'vastgesteld',
          motivatie: 'x',
        }),
    ],
    ['GET best value voorstel', () => beoordelaar.get(`/api/v1/inkoop/inschrijvingen/${id}/best-value`)],
  ];
  const antwoorden = [];
  for (const [naam, req] of routes) {
    const r = await req();
    antwoorden.push([naam, r.statusCode, r.json().code, r.json().title]);
    assert.match(String(r.headers['content-type']), /application\/problem\+json/, naam);
  }
  const eerste = antwoorden[0];
  for (const a of antwoorden)
    assert.deepEqual(a.slice(1), eerste.slice(1), `${a[0]} answers like ${eerste[0]}: ${JSON.stringify(a)}`);
  assert.deepEqual(eerste.slice(1, 3), [403, 'verzegeld']);
  assert.match(
    String(eerste[3]),
    /verzegeld tot de sluitingstermijn \(2025-07-31T17:00:00\+02:00.*regel inkoop\.verzegeling/,
  );
  assert.equal(await count('SELECT count(*) AS n FROM beoordeling WHERE inschrijving_id = $1', [id]), 0);
  assert.equal(await count('SELECT count(*) AS n FROM dialooggesprek WHERE inschrijving_id = $1', [id]), 0);
  // the overview says sealed without listing anything
  const o = (await beoordelaar.get(`/api/v1/inkoop/kaders/${kaderId}/beoordelingen`)).json();
  assert.deepEqual([o.ontzegeld, o.inschrijvingen], [false, []]);
  // one second after the deadline every route opens
  t.setNow(sec(1));
  assert.equal((await beoordelaar.get(`/api/v1/inkoop/inschrijvingen/${id}`)).statusCode, 200);
  assert.equal((await beoordelaar.get(`/api/v1/inkoop/documenten/${doc}`)).statusCode, 200);
  assert.equal((await beoordelaar.get(`/api/v1/inkoop/inschrijvingen/${id}/beoordeling`)).statusCode, 200);
});

// ───────────────────────────── 10. withdrawn bids and concept counts ─────────────────────────────

test('10. ingetrokken biedingen zijn na de termijn 404 (bieding, document, dialoog); concepten en ingetrokken aantallen zijn tot de termijn verzegeld (API en CLI)', async () => {
  t.setNow(lokaalNaarInstant('2025-07-10T10:00'));
  const kaderId = await gepubliceerdKader('Zegel 10');
  const { id: ingetrokken, doc } = await dienIn(heideweg, kaderId, true);
  assert.equal((await heideweg.post(`/api/v1/inkoop/inschrijvingen/${ingetrokken}/intrekken`, {})).statusCode, 200);
  // a concept that is being prepared
  assert.equal((await zonnehof.post(`/api/v1/inkoop/kaders/${kaderId}/inschrijving`, {})).statusCode, 200);

  const st = (await inkoper.get(`/api/v1/inkoop/kaders/${kaderId}/status`)).json();
  assert.deepEqual([st.aantallen.concept, st.aantallen.ingetrokken, st.aantallen.ingediend], [null, null, 0]);
  const k = (await manager.get(`/api/v1/inkoop/kaders/${kaderId}`)).json();
  assert.equal(k.status.aantallen.concept, null);
  const cli = async () => {
    const printed: any[] = [];
    const human: string[] = [];
    const out = {
      json: false,
      result: (d: unknown, f?: (x: unknown) => string) => {
        printed.push(d);
        if (f) human.push(f(d));
      },
      info: () => {},
    } as unknown as Output;
    const ctx = {
      run: async (_c: Command, fn: (c: typeof t.ctx, o: Output) => Promise<unknown>) => {
        await fn(t.ctx, out);
      },
    } as unknown as CliContext;
    const program = new Command().exitOverride();
    inkoopCapability.cli!(program, ctx);
    await program.parseAsync(['node', 'zorginkoop', 'inkoop', 'status', '--kader', kaderId]);
    return { json: printed[0], tekst: human[0] };
  };
  const voor = await cli();
  assert.deepEqual([voor.json.aantallen.concept, voor.json.aantallen.ingetrokken], [null, null]);
  assert.doesNotMatch(voor.tekst, /concept,/);
  assert.match(
    voor.tekst,
    /Inschrijvingen: 0 ingediend \(verzegeld\); concepten en ingetrokken inschrijvingen zijn tot de sluitingstermijn verzegeld/,
  );

  t.setNow(sec(1));
  for (const [wat, r] of [
    ['bieding', await beoordelaar.get(`/api/v1/inkoop/inschrijvingen/${ingetrokken}`)],
    ['document', await beoordelaar.get(`/api/v1/inkoop/documenten/${doc}`)],
    ['dialoog', await manager.get(`/api/v1/inkoop/inschrijvingen/${ingetrokken}/dialoog`)],
    [
      'dialoog vastleggen',
      await inkoper.post(`/api/v1/inkoop/inschrijvingen/${ingetrokken}/dialoog`, {
        datum: '2025-08-01T10:00:00Z',
        deelnemers: [{ naam: 'X' }],
        onderwerpen: ['plan'],
      }),
    ],
    ['beoordeling', await beoordelaar.get(`/api/v1/inkoop/inschrijvingen/${ingetrokken}/beoordeling`)],
  ] as const) {
    assert.equal(r.statusCode, 404, `${wat}: ${r.body}`);
  }
  assert.equal(await count('SELECT count(*) AS n FROM dialooggesprek WHERE inschrijving_id = $1', [ingetrokken]), 0);
  // the provider still sees its own withdrawn bid and document
  assert.equal((await heideweg.get(`/api/v1/inkoop/inschrijvingen/${ingetrokken}`)).statusCode, 200);
  assert.equal((await heideweg.get(`/api/v1/inkoop/documenten/${doc}`)).statusCode, 200);
  // after the deadline the counts are shown: concepts simply were not submitted
  const na = await cli();
  assert.deepEqual([na.json.aantallen.concept, na.json.aantallen.ingetrokken], [1, 1]);
  assert.match(na.tekst, /Inschrijvingen: 1 concept, 0 ingediend, 1 ingetrokken/);
});

// ───────────────────────────── 4. generated documents ─────────────────────────────

test('4. de afwijzingsbrief na heraanmelden: niet te verwijderen of te koppelen door de aanbieder (409, document genoemd); de brief blijft opvraagbaar', async () => {
  t.setNow(lokaalNaarInstant('2025-09-01T10:00'));
  const kaderId = await gepubliceerdKader('Zegel open house', 'open_house');
  assert.equal(
    (await inkoper.post(`/api/v1/inkoop/kaders/${kaderId}/overgangen`, { actie: 'toelating_openen' })).statusCode,
    200,
  );
  const { id } = await dienIn(heideweg, kaderId);
  const s = await beoordelaar.put(`/api/v1/inkoop/inschrijvingen/${id}/beoordeling`, {
    scores: [{ criteriumCode: 'KO1', voldaan: false, motivatie: 'Programma van Eisen niet aangetoond' }],
  });
  assert.equal(s.statusCode, 200, s.body);
  assert.equal(
    (
      await beoordelaar2.post(`/api/v1/inkoop/inschrijvingen/${id}/beoordeling/besluit`, {
        besluit: 'vastgesteld',
        motivatie: 'Terecht',
      })
    ).statusCode,
    200,
  );
  const tl = await manager.post(`/api/v1/inkoop/inschrijvingen/${id}/toelating`, {});
  assert.equal(tl.statusCode, 200, tl.body);
  assert.equal(tl.json().besluit, 'afgewezen');
  const { toelatingId, briefDocumentId } = tl.json();
  const brief = await t.db.one<any>('SELECT naam, gegenereerd FROM document WHERE id = $1', [briefDocumentId]);
  assert.equal(brief.gegenereerd, true);

  assert.equal((await heideweg.post(`/api/v1/inkoop/inschrijvingen/${id}/heraanmelden`, {})).statusCode, 200);
  const v = (await heideweg.get(`/api/v1/inkoop/inschrijvingen/${id}`)).json();
  assert.equal(v.status, 'concept');
  assert.equal(v.documenten.find((d: any) => d.id === briefDocumentId)?.gegenereerd, true);

  const del = await heideweg.delete(`/api/v1/inkoop/inschrijvingen/${id}/documenten/${briefDocumentId}`);
  assert.equal(del.statusCode, 409, del.body);
  assert.match(String(del.headers['content-type']), /application\/problem\+json/);
  assert.equal(del.json().code, 'document-gegenereerd');
  assert.ok(del.json().title.includes(brief.naam), 'names the document');
  assert.match(del.json().title, /regel inkoop\.document\.gegenereerd/);
  const koppel = await heideweg.put(`/api/v1/inkoop/inschrijvingen/${id}/antwoorden/KO1`, {
    waarde: 'zie brief',
    documentId: briefDocumentId,
  });
  assert.equal(koppel.statusCode, 409, koppel.body);
  assert.equal(koppel.json().code, 'document-gegenereerd');
  assert.equal(
    await count('SELECT count(*) AS n FROM document WHERE id = $1 AND NOT verwijderd', [briefDocumentId]),
    1,
  );
  assert.equal(
    await count('SELECT count(*) AS n FROM inschrijving_antwoord WHERE document_id = $1', [briefDocumentId]),
    0,
  );
  const m = await manager.get(`/api/v1/inkoop/toelatingen/${toelatingId}/brief`);
  assert.equal(m.statusCode, 200, m.body);
  assert.equal(m.rawPayload.subarray(0, 5).toString(), '%PDF-');

  // the provider's own upload stays its own to delete; the letter is no part of the new receipt
  const u = await upload(heideweg, id, 'eigen.pdf');
  assert.equal(u.statusCode, 201, u.body);
  assert.equal(
    (await heideweg.delete(`/api/v1/inkoop/inschrijvingen/${id}/documenten/${u.json().id}`)).statusCode,
    200,
  );
  const o = await heideweg.post(`/api/v1/inkoop/inschrijvingen/${id}/indienen`, {});
  assert.equal(o.statusCode, 200, o.body);
  assert.ok(!o.json().documenten.some((d: any) => d.sha256 === briefDocumentId || d.naam === brief.naam));
});
