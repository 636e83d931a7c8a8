/**
 * Public purchasing frameworks in Chromium, signed out: from the login page to the list, a
 * published kader with its requirements, timeline and Nota van Inlichtingen; a concept stays
 * invisible; a non-public page still shows the login form; English works signed out; the
 * accessibility basics hold. Signed in, the page is in the menu under "Openbaar".
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  alsGebruiker,
  apiAls,
  e2eOmgeving,
  newPage,
  sessieVoor,
  sluitPagina,
  toegankelijkheid,
  watchErrors,
  type E2eServer,
} from './helpers.ts';

/** PATCH as a demo account (the shared ApiClient has no patch). */
async function patchAls(server: E2eServer, email: string, pad: string, body: unknown): Promise<number> {
  const { cookie, csrfToken } = await sessieVoor(server, email);
  const r = await server.app.inject({
    method: 'PATCH',
    url: `/api/v1${pad}`,
    payload: body as object,
    headers: { cookie, 'x-csrf-token': csrfToken },
  });
  return r.statusCode;
}

describe('openbaar: gepubliceerde inkoopkaders zonder inloggen', () => {
  const env = e2eOmgeving({ nu: new Date('2025-06-02T08:00:00Z') });
  const TITEL = 'Openbaar V&V 2026 (e2e)';
  const CONCEPT = 'Geheim concept 2026 (e2e)';
  let kaderId = '';
  let conceptId = '';

  before(async () => {
    const zk = await apiAls(env.server, 'inkoper@cz.demo');
    const za = await apiAls(env.server, 'contractmanager@zonnehof.demo');
    const k = await zk.post('/inkoop/kaders', {
      titel: TITEL,
      jaarVan: 2026,
      sector: 'VV',
      regioCodes: ['5526', '5527'],
      procedureType: 'dialoog',
      sjabloon: 'wlz-2016',
    });
    assert.equal(k.status, 201, JSON.stringify(k.body));
    kaderId = k.body.id;
    const c = await zk.post('/inkoop/kaders', {
      titel: CONCEPT,
      jaarVan: 2026,
      sector: 'VV',
      regioCodes: ['5526'],
      procedureType: 'openbaar',
      sjabloon: 'wlz-2016',
    });
    conceptId = c.body.id;
    assert.equal((await zk.post(`/inkoop/kaders/${kaderId}/publiceren`, {})).status, 200);
    assert.equal(
      (
        await za.post(`/inkoop/kaders/${kaderId}/vragen`, {
          tekst: 'Mag de bestuursverklaring digitaal ondertekend worden?',
          eisCode: 'A2',
        })
      ).status,
      201,
    );
    const vragen = (await zk.get(`/inkoop/kaders/${kaderId}/vragen`)).body;
    assert.equal(
      (
        await zk.put(`/inkoop/kaders/${kaderId}/vragen/${vragen[0].id}/antwoord`, {
          antwoord: 'Ja, een gekwalificeerde elektronische handtekening volstaat.',
        })
      ).status,
      200,
    );
    assert.equal((await zk.post(`/inkoop/kaders/${kaderId}/nvi`)).status, 200);
    // a second version; the first stays readable
    assert.equal(
      await patchAls(env.server, 'inkoper@cz.demo', `/inkoop/kaders/${kaderId}`, {
        omschrijving: 'Tweede versie: omschrijving aangevuld.',
      }),
      200,
    );
    assert.equal(
      (await zk.post(`/inkoop/kaders/${kaderId}/publiceren`, { wijzigingen: 'Omschrijving aangevuld' })).status,
      200,
    );
  });

  test('signed out: login page → public list → a published kader with requirements, timeline and the Nota van Inlichtingen', async () => {
    const page = await newPage(env.browser, env.server);
    const errors = watchErrors(page);
    await page.goto('/inloggen');
    await page.getByRole('link', { name: 'Openbare inkoopkaders' }).click();
    await page.getByRole('heading', { level: 1, name: 'Openbare inkoopkaders' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/openbaar/inkoopkaders');
    assert.equal(await page.getByRole('button', { name: 'Uitloggen' }).count(), 0, 'signed out');
    const tabel = page.getByRole('table', { name: 'Gepubliceerde inkoopkaders' });
    await tabel.getByRole('link', { name: TITEL }).waitFor();
    assert.equal(await page.getByText(CONCEPT).count(), 0, 'a concept is not public');
    // the countdown follows the server clock (2 June 2025 10:00 → 31 July 17:00)
    await tabel
      .locator('time.countdown')
      .filter({ hasText: /^nog 59 d 7 u/ })
      .first()
      .waitFor();
    const a11yLijst = await toegankelijkheid(page);
    assert.deepEqual(a11yLijst, { h1: 1, main: 1, unlabelled: [], nameless: [] });

    // filters live in the URL; clearing them shows everything again
    await page.getByLabel('Sector').selectOption('VV');
    await tabel.getByRole('link', { name: TITEL }).waitFor();
    assert.match(page.url(), /sector=VV/);
    await page.getByRole('button', { name: 'Filters wissen' }).click();

    await tabel.getByRole('link', { name: TITEL }).click();
    await page.getByRole('heading', { level: 1, name: TITEL }).waitFor();
    assert.equal(new URL(page.url()).pathname, `/openbaar/inkoopkaders/${kaderId}`);
    await page.getByRole('heading', { level: 2, name: 'Eisen en gunningscriteria' }).waitFor();
    await page.getByRole('heading', { level: 3, name: /^Bestuursverklaring/ }).waitFor();
    const a2 = page.getByRole('row').filter({ hasText: /^A2/ }).first();
    await a2.waitFor();
    assert.match(
      (await a2.textContent()) ?? '',
      /Inkoopkader Langdurige Zorg 2016, §2\.2\.2/,
      'a requirement shows its source',
    );
    await page.getByRole('heading', { level: 2, name: 'Tijdlijn (Europe/Amsterdam)' }).waitFor();
    const tijdlijn = page.getByRole('table', { name: 'Tijdlijn van de procedure' });
    await tijdlijn
      .getByRole('row')
      .filter({ hasText: /Inschrijving/ })
      .filter({ hasText: '2025-07-31 17:00' })
      .waitFor();
    await page.getByRole('heading', { level: 2, name: 'Nota van Inlichtingen' }).waitFor();
    await page.getByText('Mag de bestuursverklaring digitaal ondertekend worden?').waitFor();
    await page.getByText('Ja, een gekwalificeerde elektronische handtekening volstaat.').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Versiegeschiedenis' }).waitFor();
    await page.getByText('Tweede versie: omschrijving aangevuld.').waitFor();
    const tekst = await page.locator('main').innerText();
    assert.doesNotMatch(tekst, /Zonnehof|za-demo-0001/, 'the asker is never shown');
    const a11y = await toegankelijkheid(page);
    assert.deepEqual(a11y, { h1: 1, main: 1, unlabelled: [], nameless: [] });
    await page.screenshot({ path: '/tmp/zorginkoop-openbaar-kader.png', fullPage: true });

    // English works signed out too
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Requirements and award criteria' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Timeline (Europe/Amsterdam)' }).waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { level: 2, name: 'Eisen en gunningscriteria' }).waitFor();

    // the version history leads to the first version, marked as not the current one
    await page
      .getByRole('table', { name: 'Gepubliceerde versies' })
      .getByRole('link', { name: 'Bekijk versie 1' })
      .click();
    await page.getByText('U bekijkt versie 1. De geldende versie is versie 2.').waitFor();
    assert.equal(new URL(page.url()).pathname, `/openbaar/inkoopkaders/${kaderId}/versies/1`);
    assert.equal(
      await page.getByText('Tweede versie: omschrijving aangevuld.').count(),
      0,
      'version 1 as it was published',
    );
    await page.getByRole('link', { name: 'Naar de geldende versie' }).click();
    await page.getByText('Tweede versie: omschrijving aangevuld.').waitFor();
    await sluitPagina(page, errors, [401]);
  });

  test('signed out: a concept is "not found", and a non-public page still shows the login form', async () => {
    const page = await newPage(env.browser, env.server);
    const errors = watchErrors(page);
    await page.goto(`/openbaar/inkoopkaders/${conceptId}`);
    await page.getByText('Dit inkoopkader bestaat niet of is (nog) niet gepubliceerd.').waitFor();
    assert.equal(await page.getByText(CONCEPT).count(), 0);
    for (const pad of ['/inkoop/kaders', `/inkoop/kaders/${kaderId}`, '/']) {
      await page.goto(pad);
      await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
      await page.getByRole('button', { name: 'Inloggen' }).waitFor();
      assert.equal(
        await page.getByRole('navigation', { name: 'Hoofdmenu' }).count(),
        0,
        `${pad}: no menu when signed out`,
      );
      assert.equal(await page.getByText(TITEL).count(), 0, `${pad}: nothing of the kader behind the login`);
    }
    await sluitPagina(page, errors, [401, 404]);
  });

  test('signed in: "Openbare inkoopkaders" is in the menu under Openbaar', async () => {
    const { page, errors } = await alsGebruiker(env, 'contractmanager@heideweg.demo');
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('heading', { name: 'Openbaar' }).waitFor();
    await nav.getByRole('link', { name: 'Openbare inkoopkaders' }).click();
    await page.getByRole('heading', { level: 1, name: 'Openbare inkoopkaders' }).waitFor();
    await page.getByRole('link', { name: TITEL }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Inloggen' }).count(), 0, 'no sign-in link when signed in');
    await sluitPagina(page, errors);
  });
});
