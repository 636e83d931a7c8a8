/**
 * Open house admission in Chromium: an open house kader is published and admission opened (API);
 * a provider applies in the browser (the core's bid screens); assessors score the knock-out
 * requirement and a second person confirms (API, to keep it short); the manager records the
 * admission on the open house page; the provider's bestuurder sees "Toegelaten" on "Mijn
 * toelatingen", downloads letter and framework contract and accepts it; a rejected provider sees
 * the failed requirement and re-applies.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { alsGebruiker, apiAls, e2eOmgeving, naarMenu, sluitPagina, toegankelijkheid } from './helpers.ts';

describe('open house: aanmelden → beoordelen → vier ogen → toelaten → aanbieder ziet "Toegelaten"', () => {
  const env = e2eOmgeving({ nu: new Date('2025-09-01T08:00:00Z') });
  const TITEL = 'E2E Open house V&V 2026';
  let kaderId = '';
  let insZon = '';
  let insHei = '';

  test('het zorgkantoor publiceert een open house-kader en opent de toelating; Zonnehof meldt zich aan in het scherm', async () => {
    const inkoper = await apiAls(env.server, 'inkoper@cz.demo');
    const k = await inkoper.post('/inkoop/kaders', {
      titel: TITEL,
      jaarVan: 2026,
      sector: 'VV',
      regioCodes: ['5526', '5527'],
      procedureType: 'open_house',
    });
    assert.equal(k.status, 201, JSON.stringify(k.body));
    kaderId = k.body.id;
    const eis = await inkoper.post(`/inkoop/kaders/${kaderId}/eisen`, {
      code: 'KO1',
      groep: 'gunningscriterium_knockout',
      tekst: 'Voldoet aan de minimumeisen',
      soort: 'oordeel',
      verplicht: false,
      bron: 'Inkoopsafari – Verkenning van de praktijk van zorginkoop, §4.2',
    });
    assert.ok(eis.status < 300, JSON.stringify(eis.body));
    assert.equal((await inkoper.post(`/inkoop/kaders/${kaderId}/publiceren`, {})).status, 200);
    assert.equal(
      (await inkoper.post(`/inkoop/kaders/${kaderId}/overgangen`, { actie: 'toelating_openen' })).status,
      200,
    );

    const { page, errors } = await alsGebruiker(env, 'contractmanager@zonnehof.demo');
    await naarMenu(page, 'Open procedures');
    await page.getByRole('link', { name: TITEL }).click();
    await page.getByRole('button', { name: 'Inschrijving starten' }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`Inschrijving: ${TITEL}`) }).waitFor();
    insZon = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('button', { name: 'Inschrijving indienen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ontvangstbewijs' }).waitFor();
    await sluitPagina(page, errors);

    // Heideweg applies too (API)
    const hei = await apiAls(env.server, 'contractmanager@heideweg.demo');
    insHei = (await hei.post(`/inkoop/kaders/${kaderId}/inschrijving`, {})).body.id;
    assert.equal((await hei.post(`/inkoop/inschrijvingen/${insHei}/indienen`, {})).status, 200);

    // Assessors score, a second person confirms (four eyes): Zonnehof meets KO1, Heideweg does not.
    const b1 = await apiAls(env.server, 'beoordelaar@cz.demo');
    const b2 = await apiAls(env.server, 'beoordelaar2@cz.demo');
    assert.equal(
      (
        await b1.put(`/inkoop/inschrijvingen/${insZon}/beoordeling`, {
          scores: [{ criteriumCode: 'KO1', voldaan: true, motivatie: 'Aangetoond' }],
        })
      ).status,
      200,
    );
    assert.equal(
      (
        await b1.put(`/inkoop/inschrijvingen/${insHei}/beoordeling`, {
          scores: [{ criteriumCode: 'KO1', voldaan: false, motivatie: 'Klachtenregeling ontbreekt' }],
        })
      ).status,
      200,
    );
    for (const id of [insZon, insHei])
      assert.equal(
        (
          await b2.post(`/inkoop/inschrijvingen/${id}/beoordeling/besluit`, {
            besluit: 'vastgesteld',
            motivatie: 'Eens',
          })
        ).status,
        200,
      );
  });

  test('de manager legt de toelating per aanbieder vast op de open house-pagina', async () => {
    const { page, errors } = await alsGebruiker(env, 'manager@cz.demo');
    await naarMenu(page, 'Open house', 'Open house: toelating');
    // the phase by its name from the shared dictionary (web/src/app/namen.ts), never the API code
    const kaderRij = page.getByRole('row', { name: new RegExp(TITEL) });
    await kaderRij.getByText('Doorlopende toelating', { exact: true }).waitFor();
    assert.equal(await kaderRij.getByText('toelating_doorlopend').count(), 0);
    await page.getByRole('link', { name: TITEL }).click();
    await page.getByRole('heading', { level: 1, name: `Toelating: ${TITEL}` }).waitFor();
    const rijZon = page.getByRole('row', { name: /Zonnehof/ });
    await rijZon.getByText('vastgesteld (vier ogen)').waitFor();
    await rijZon.getByText('toegelaten', { exact: true }).waitFor(); // the outcome under the rule, before recording
    await page.getByRole('button', { name: /^Toelaten \/ afwijzen vastleggen voor .*Zonnehof/ }).click();
    await page.getByText(/Het besluit voor .*Zonnehof.* is vastgelegd: toegelaten\./).waitFor();
    await rijZon.getByText('Toegelaten', { exact: true }).waitFor();
    await page.getByRole('button', { name: /^Toelaten \/ afwijzen vastleggen voor .*Heideweg/ }).click();
    await page.getByText(/Het besluit voor .*Heideweg.* is vastgelegd: afgewezen\./).waitFor();
    await page.getByRole('heading', { level: 3, name: /Heideweg.*: afgewezen \(aanmelding 1\)/ }).waitFor();
    await page.getByText('Klachtenregeling ontbreekt').first().waitFor();
    const a11y = await toegankelijkheid(page);
    assert.deepEqual([a11y.h1, a11y.main, a11y.unlabelled, a11y.nameless], [1, 1, [], []]);
    await page.screenshot({ path: '/tmp/zorginkoop-openhouse-zk.png', fullPage: true });
    assert.equal(
      await page.getByRole('button', { name: /^Toelaten \/ afwijzen vastleggen/ }).count(),
      0,
      'niets meer vast te leggen',
    );
    await sluitPagina(page, errors);
  });

  test('de bestuurder van Zonnehof ziet "Toegelaten", downloadt brief en raamovereenkomst en accepteert', async () => {
    const { page, errors } = await alsGebruiker(env, 'bestuurder@zonnehof.demo');
    await naarMenu(page, 'Mijn toelatingen');
    const sectie = page.getByRole('region', { name: TITEL });
    await sectie.getByText('Toegelaten', { exact: true }).first().waitFor();
    const brief = await sectie.getByRole('link', { name: /Toelatingsbesluit .*\(PDF\)/ }).getAttribute('href');
    const contract = await sectie
      .getByRole('link', { name: 'Raamovereenkomst met Nota van Inlichtingen (PDF)' })
      .getAttribute('href');
    for (const href of [brief, contract]) {
      const r = await page.request.get(href!);
      assert.equal(r.status(), 200);
      assert.equal((await r.body()).subarray(0, 5).toString(), '%PDF-');
    }
    await sectie.getByRole('button', { name: 'Raamovereenkomst accepteren als bestuurder' }).click();
    await sectie.getByText('Status: geaccepteerd', { exact: true }).waitFor();
    const a11y = await toegankelijkheid(page);
    assert.deepEqual([a11y.h1, a11y.unlabelled, a11y.nameless], [1, [], []]);
    await page.screenshot({ path: '/tmp/zorginkoop-openhouse-aanbieder.png', fullPage: true });
    await sluitPagina(page, errors);
  });

  test('Heideweg ziet de afwijzing met de niet voldane eis en meldt zich opnieuw aan', async () => {
    const { page, errors } = await alsGebruiker(env, 'contractmanager@heideweg.demo');
    await naarMenu(page, 'Mijn toelatingen');
    await page.getByText('Afgewezen', { exact: true }).first().waitFor();
    await page
      .getByRole('listitem')
      .filter({ hasText: 'KO1' })
      .filter({ hasText: 'Voldoet aan de minimumeisen' })
      .waitFor();
    await page.getByRole('button', { name: 'Opnieuw aanmelden' }).click();
    await page.getByText('opnieuw aangemeld (concept)').waitFor();
    await page.getByRole('link', { name: 'Naar de aanmelding' }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`Inschrijving: ${TITEL}`) }).waitFor();
    await page.getByRole('button', { name: 'Inschrijving indienen' }).waitFor();
    await sluitPagina(page, errors);
  });
});
