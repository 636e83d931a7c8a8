/**
 * The procurement flow in Chromium: purchaser publishes a kader → provider submits → the deadline
 * passes (server clock) → assessor scores → a second person decides (four eyes) → manager awards
 * provisionally → provider sees the award and its letter; another provider sees nothing.
 *
 * Everything runs in the browser: the core's screens for kader, timeline, requirements, publishing,
 * the bid and the procedure steps; this capability's screens for scoring, the four-eyes decision,
 * the award, the objection, the final award and the board's acceptance of the contract.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { alsGebruiker, e2eOmgeving, maakKaderViaScherm, naarMenu, sluitPagina } from './helpers.ts';

describe('inkoopprocedure: publiceren → inschrijven → beoordelen → vier ogen → gunnen → aanbieder ziet gunning', () => {
  let kaderId = '';
  let inschrijvingId = '';
  let gunningUrl = '';
  const env = e2eOmgeving({ nu: new Date('2015-06-02T08:00:00Z') });

  test('inkoper publiceert een kader en de aanbieder dient in (schermen van de kern)', async () => {
    const { page } = await alsGebruiker(env, 'inkoper@cz.demo');
    kaderId = await maakKaderViaScherm(page, {
      titel: 'E2E Inkoopkader V&V 2016',
      jaar: 2016,
      regios: '5527',
      procedureType: 'openbaar',
    });
    await page.getByLabel('Begint inschrijving').fill('2015-06-01T10:00');
    await page.getByLabel('Eindigt inschrijving').fill('2015-07-31T17:00');
    await page.getByRole('button', { name: 'Tijdlijn opslaan' }).click();
    await page.getByText('De tijdlijn is opgeslagen.').waitFor();
    const eis = async (code: string, groep: string, tekst: string, gewicht?: string) => {
      await page.getByLabel('Code van de eis').fill(code);
      await page.getByLabel('Groep').selectOption(groep);
      await page.getByLabel('Tekst van de eis').fill(tekst);
      await page.getByLabel('Soort').selectOption('oordeel');
      if (gewicht) {
        await page.getByLabel('Gewicht (gewogen criterium)').fill(gewicht);
        await page.getByLabel('Schaal minimum').fill('1');
        await page.getByLabel('Schaal maximum').fill('5');
      }
      await page.getByLabel('Verplicht').setChecked(false); // assessed by the zorgkantoor, not answered by the provider
      await page.getByRole('button', { name: 'Eis toevoegen', exact: true }).click();
      await page.getByRole('row').filter({ hasText: tekst }).first().waitFor();
    };
    await eis('KO1', 'gunningscriterium_knockout', 'Voldoet aan het Programma van Eisen');
    await eis('F1', 'gunningscriterium_gewogen', 'Effect voor de cliënt', '60');
    await eis('F2', 'gunningscriterium_gewogen', 'Haalbaarheid', '40');
    await page.getByRole('button', { name: 'Publiceren' }).click();
    await page.getByText('Versie 1 is gepubliceerd.').waitFor();
    await page.context().close();

    const { page: za } = await alsGebruiker(env, 'contractmanager@zonnehof.demo');
    await za.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Open procedures' }).click();
    await za.getByRole('link', { name: 'E2E Inkoopkader V&V 2016' }).click();
    await za.getByRole('button', { name: 'Inschrijving starten' }).click();
    await za.getByRole('heading', { level: 1, name: /Inschrijving: E2E Inkoopkader V&V 2016/ }).waitFor();
    inschrijvingId = new URL(za.url()).pathname.split('/').pop()!;
    await za.getByRole('button', { name: 'Inschrijving indienen' }).click();
    await za.getByRole('heading', { level: 2, name: 'Ontvangstbewijs' }).waitFor();
    await za.context().close();

    // The deadline passes on the server clock; the purchaser closes the submission and starts the assessment.
    env.server.setNow(new Date('2015-08-03T08:00:00Z'));
    const { page: p2 } = await alsGebruiker(env, 'inkoper@cz.demo');
    await p2.goto(`/inkoop/kaders/${kaderId}`);
    await p2.getByRole('button', { name: 'Volgende stap: inschrijving_sluiten' }).click();
    await p2.getByText('De procedure is nu in fase inschrijving_gesloten.').waitFor();
    await p2.getByRole('button', { name: 'Volgende stap: beoordeling_starten' }).click();
    await p2.getByText('De procedure is nu in fase beoordeling.').waitFor();
    await p2.context().close();
  });

  test('beoordelaar scoort in de browser', async () => {
    const { page, errors } = await alsGebruiker(env, 'beoordelaar@cz.demo');
    await naarMenu(page, 'Beoordeling en gunning');
    await page.getByRole('link', { name: 'E2E Inkoopkader V&V 2016' }).click();
    await page.getByRole('link', { name: /Zonnehof/ }).click();
    await page.getByRole('heading', { level: 1, name: /Beoordeling Zorggroep Zonnehof/ }).waitFor();
    // a score outside the scale is refused with criterion and scale named
    await page.getByLabel('KO1 voldaan').selectOption('true');
    await page.getByLabel('Motivatie KO1').fill('Programma van Eisen aantoonbaar');
    await page.getByLabel(/^Score F1/).fill('9');
    await page.getByLabel('Motivatie F1').fill('Sterk cliëntdoel');
    await page.getByLabel(/^Score F2/).fill('3');
    await page.getByLabel('Motivatie F2').fill('Planning krap');
    await page.getByRole('button', { name: 'Scores opslaan' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /F1.*buiten de schaal/ })
      .first()
      .waitFor();
    await page.getByLabel(/^Score F1/).fill('4');
    await page.getByRole('button', { name: 'Scores opslaan' }).click();
    await page.getByText('Scores opgeslagen').waitFor();
    await page.getByText(/wacht op besluit/).waitFor();
    await page.screenshot({ path: '/tmp/zorginkoop-beoordelen.png', fullPage: true });
    await sluitPagina(page, errors);
  });

  test('tweede beoordelaar besluit (vier ogen); de manager gunt voorlopig', async () => {
    const { page } = await alsGebruiker(env, 'beoordelaar2@cz.demo');
    await page.goto(`/gunning/inschrijvingen/${inschrijvingId}`);
    await page.getByLabel('Motivatie besluit').fill('Eens met de scores');
    await page.getByRole('button', { name: 'Beoordeling vaststellen' }).click();
    await page.getByText(/Status: vastgesteld/).waitFor();
    await page.context().close();

    const { page: m } = await alsGebruiker(env, 'manager@cz.demo');
    await m.goto(`/gunning/kaders/${kaderId}`);
    await m.getByRole('link', { name: /Zonnehof/ }).click();
    await m.getByRole('heading', { level: 2, name: 'Gunnen' }).waitFor();
    await m.getByLabel('Tariefopslag (%)').fill('4');
    await m.getByRole('button', { name: 'Voorlopig gunnen' }).click();
    await m
      .getByRole('alert')
      .filter({ hasText: /landelijke maximum van 3%/ })
      .waitFor();
    await m.getByLabel('Tariefopslag (%)').fill('');
    await m.getByLabel('Motivatie gunning').fill('Voldoet aan de toetredingseisen');
    await m.getByRole('button', { name: 'Voorlopig gunnen' }).click();
    await m.getByText('Gegund: Eenjarig, basistarief.').waitFor();
    await m.screenshot({ path: '/tmp/zorginkoop-gunnen.png', fullPage: true });
    await m.context().close();
  });

  test('aanbieder ziet de gunning en de brief; een andere aanbieder niet', async () => {
    const { page } = await alsGebruiker(env, 'contractmanager@zonnehof.demo');
    await naarMenu(page, 'Mijn gunningen');
    await page.getByRole('link', { name: 'E2E Inkoopkader V&V 2016' }).click();
    await page.getByRole('heading', { level: 1, name: /Gunning \(voorlopig\)/ }).waitFor();
    await page.getByText('Eenjarige overeenkomst tegen het basistarief').waitFor();
    await page.getByText('A1 Inschrijving vóór de sluitingstermijn ontvangen').waitFor();
    const href = await page.getByRole('link', { name: 'Gunningsbrief (PDF)' }).getAttribute('href');
    assert.ok(href);
    const pdf = await page.request.get(href!);
    assert.equal(pdf.status(), 200);
    assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
    const url = page.url();
    await page.screenshot({ path: '/tmp/zorginkoop-gunning-aanbieder.png', fullPage: true });
    // within the objection window the provider may object
    await page.getByLabel('Toelichting op uw bezwaar').fill('Wij hebben wel een overeenkomst in 2015 gehad.');
    await page.getByRole('button', { name: 'Bezwaar maken' }).click();
    await page.getByText('Uw bezwaar is ingediend.').waitFor();
    gunningUrl = new URL(url).pathname;
    await page.context().close();

    const { page: other } = await alsGebruiker(env, 'contractmanager@heideweg.demo');
    await other.goto(new URL(url).pathname);
    await other.getByText('Deze gunning bestaat niet of u heeft er geen toegang toe.').waitFor();
    assert.equal((await other.request.get(href!)).status(), 404);
    await other.context().close();
  });

  test('manager beslist op het bezwaar en gunt definitief; de bestuurder accepteert de overeenkomst', async () => {
    const { page: m } = await alsGebruiker(env, 'manager@cz.demo');
    await m.goto(`/gunning/inschrijvingen/${inschrijvingId}`);
    await m.getByLabel('Besluit op bezwaar').fill('Geen overeenkomst in 2015 gevonden; de uitkomst blijft.');
    await m.getByRole('button', { name: 'Ongegrond' }).click();
    await m.getByText('Geen overeenkomst in 2015 gevonden; de uitkomst blijft.').waitFor();
    env.server.setNow(new Date('2015-09-01T08:00:00Z')); // after the objection window
    await m.getByRole('button', { name: 'Definitief gunnen' }).click();
    await m
      .getByText(/Gegund: Eenjarig, basistarief/)
      .last()
      .waitFor();
    await m.context().close();

    const { page: b } = await alsGebruiker(env, 'bestuurder@zonnehof.demo');
    await b.goto('/gunning/mijn');
    await b.getByRole('link', { name: 'E2E Inkoopkader V&V 2016' }).first().waitFor();
    const rij = b.getByRole('row', { name: /definitief/ });
    await rij.getByRole('link', { name: 'E2E Inkoopkader V&V 2016' }).click();
    await b.getByRole('heading', { level: 1, name: /Gunning \(definitief\)/ }).waitFor();
    const href = await b.getByRole('link', { name: /Overeenkomst met Nota van Inlichtingen/ }).getAttribute('href');
    const pdf = await b.request.get(href!);
    assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
    await b.getByRole('button', { name: 'Overeenkomst accepteren als bestuurder' }).click();
    await b.getByText('Status: geaccepteerd', { exact: true }).waitFor();
    await b.screenshot({ path: '/tmp/zorginkoop-overeenkomst.png', fullPage: true });
    await b.context().close();
    assert.ok(gunningUrl);
  });
});
