/**
 * Classification list and dialogue minutes in Chromium: before the deadline the purchaser sees the
 * bids sealed; after it, the classification of every bidder per region with its reason, and records
 * a dialogue meeting (with the cliëntenraad); the provider and its cliëntenraad read the minutes,
 * without a form; another provider sees nothing.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { alsGebruiker, apiAls, e2eOmgeving, sluitPagina, toegankelijkheid } from './helpers.ts';

describe('dialoog: classificatie van de inschrijvers en verslagen van dialooggesprekken', () => {
  const env = e2eOmgeving({ nu: new Date('2025-06-02T08:00:00Z') });
  let kaderId = '';
  let inschrijvingId = '';
  let reden = '';

  test('voor de sluitingstermijn: de classificatie is verzegeld', async () => {
    // Set-up over the API: a published kader, Zonnehof submits.
    const zk = await apiAls(env.server, 'inkoper@cz.demo');
    const k = await zk.post('/inkoop/kaders', {
      titel: 'Dialoogtest V&V 2026',
      jaarVan: 2026,
      sector: 'VV',
      regioCodes: ['5527'],
      procedureType: 'dialoog',
    });
    assert.equal(k.status, 201, JSON.stringify(k.body));
    kaderId = k.body.id;
    assert.equal(
      (
        await zk.put(`/inkoop/kaders/${kaderId}/termijnen`, {
          termijnen: [{ fase: 'inschrijving', begint: '2025-06-01T09:00', eindigt: '2025-07-31T17:00' }],
        })
      ).status,
      200,
    );
    assert.equal(
      (
        await zk.post(`/inkoop/kaders/${kaderId}/eisen`, {
          code: 'KO1',
          groep: 'gunningscriterium_knockout',
          tekst: 'Voldoet aan het Programma van Eisen',
          soort: 'oordeel',
          verplicht: false,
        })
      ).status,
      201,
    );
    const pub = await zk.post(`/inkoop/kaders/${kaderId}/publiceren`);
    assert.equal(pub.status, 200, JSON.stringify(pub.body));
    const za = await apiAls(env.server, 'contractmanager@zonnehof.demo');
    const s = await za.post(`/inkoop/kaders/${kaderId}/inschrijving`);
    assert.equal(s.status, 200, JSON.stringify(s.body));
    inschrijvingId = s.body.id;
    assert.equal((await za.post(`/inkoop/inschrijvingen/${inschrijvingId}/indienen`)).status, 200);

    const { page, errors } = await alsGebruiker(env, 'inkoper@cz.demo');
    await page.goto(`/inkoop/kaders/${kaderId}/classificaties`);
    await page.getByRole('heading', { level: 1, name: 'Classificatie van de inschrijvers' }).waitFor();
    await page.getByText(/De inschrijvingen zijn verzegeld tot de sluitingstermijn \(31 jul 2025,? 17:00\)/).waitFor();
    assert.equal(await page.getByRole('table').count(), 0, 'no bidder is shown while sealed');
    assert.equal(await page.getByText(/Zonnehof/).count(), 0);
    await sluitPagina(page, errors, [401, 403]);
  });

  test('na de sluitingstermijn: de inkoper ziet de classificatie en legt een dialooggesprek vast', async () => {
    env.server.setNow(new Date('2025-08-04T08:00:00Z'));
    const lijst = await (await apiAls(env.server, 'inkoper@cz.demo')).get(`/inkoop/kaders/${kaderId}/inschrijvingen`);
    assert.equal(lijst.status, 200);
    reden = lijst.body[0].classificatie.regios[0].reden;
    assert.ok(reden);

    const { page, errors } = await alsGebruiker(env, 'inkoper@cz.demo');
    await page.goto(`/inkoop/kaders/${kaderId}`);
    await page.getByRole('link', { name: 'Classificatie van de inschrijvers en dialoog' }).click();
    await page.getByRole('heading', { level: 1, name: 'Classificatie van de inschrijvers' }).waitFor();
    const tabel = page.getByRole('table', { name: 'Classificatie per inschrijver en regio' });
    const rij = tabel
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Zorggroep Zonnehof (fictief)' }) });
    await rij.waitFor();
    await rij.getByRole('cell', { name: '5527', exact: true }).waitFor();
    await rij.getByText(reden).waitFor();
    await rij.getByText(lijst.body[0].classificatie.regios[0].klasseNaam).first().waitFor();
    const a11y = await toegankelijkheid(page);
    assert.deepEqual([a11y.h1, a11y.main, a11y.unlabelled, a11y.nameless], [1, 1, [], []]);
    await page.screenshot({ path: '/tmp/zorginkoop-classificaties.png', fullPage: true });

    await rij.getByRole('link', { name: 'Dialoog met Zorggroep Zonnehof (fictief)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dialooggesprekken met Zorggroep Zonnehof (fictief)' }).waitFor();
    await page.getByText('Er zijn nog geen dialooggesprekken vastgelegd.').waitFor();
    // an empty form is refused in the browser, naming the fields
    await page.getByRole('button', { name: 'Gesprek vastleggen' }).click();
    await page.getByText('Controleer de gemarkeerde velden.').waitFor();
    await page.getByText('Vul de datum en tijd van het gesprek in.').waitFor();
    await page.getByText('Noem minstens één deelnemer.').waitFor();

    await page.getByLabel(/^Datum en tijd van het gesprek/).fill('2025-08-20T10:00');
    await page.getByLabel('Naam deelnemer 1').fill('Ingrid Inkoper');
    await page.getByLabel('Naam deelnemer 2').fill('Carla Contract');
    await page.getByLabel('Organisatie deelnemer 2').fill('Zorggroep Zonnehof');
    await page.getByLabel('Naam deelnemer 3').fill('Cor Cliëntenraad');
    await page.getByRole('button', { name: 'Deelnemer toevoegen' }).click();
    await page.getByLabel('Naam deelnemer 4').fill('Wim Wachtlijst');
    await page.getByLabel('Rol deelnemer 4').selectOption('zorgaanbieder');
    await page.getByLabel('Voortgang ontwikkelplan').check();
    await page.getByLabel('Wachtlijstbeheer').check();
    await page.getByLabel(/^Andere onderwerpen/).fill('Dagbesteding');
    await page
      .getByLabel(/^Verslag/)
      .fill('Ontwikkelplan besproken; de cliëntenraad steunt de aanpak. Afspraak: voortgang in november.');
    const a11yForm = await toegankelijkheid(page);
    assert.deepEqual([a11yForm.h1, a11yForm.unlabelled, a11yForm.nameless], [1, [], []]);
    await page.getByRole('button', { name: 'Gesprek vastleggen' }).click();
    await page.getByText('Het dialooggesprek is vastgelegd.').waitFor();
    const gesprek = page.getByRole('article', { name: /^Gesprek van 20 aug 2025,? 10:00$/ });
    await gesprek.waitFor();
    await gesprek.getByText('Cor Cliëntenraad (Cliëntenraad)').waitFor();
    await gesprek.getByText('Carla Contract (Zorgaanbieder), Zorggroep Zonnehof').waitFor();
    await gesprek.getByText('Voortgang ontwikkelplan, Wachtlijstbeheer, Dagbesteding').waitFor();
    await gesprek.getByText(/Afspraak: voortgang in november/).waitFor();
    await page.screenshot({ path: '/tmp/zorginkoop-dialoog.png', fullPage: true });
    await sluitPagina(page, errors);

    // stored as entered: Amsterdam 10:00 is 08:00 UTC in summer; the cliëntenraad is a participant
    const opgeslagen = await (
      await apiAls(env.server, 'inkoper@cz.demo')
    ).get(`/inkoop/inschrijvingen/${inschrijvingId}/dialoog`);
    assert.equal(opgeslagen.status, 200);
    assert.equal(opgeslagen.body.length, 1);
    assert.equal(opgeslagen.body[0].datum, '2025-08-20T08:00:00.000Z');
    assert.deepEqual(opgeslagen.body[0].onderwerpen, ['ontwikkelplan', 'wachtlijstbeheer', 'Dagbesteding']);
    assert.deepEqual(
      opgeslagen.body[0].deelnemers.map((d: any) => d.rol),
      ['zorgkantoor', 'zorgaanbieder', 'clientenraad', 'zorgaanbieder'],
    );
  });

  test('de aanbieder en haar cliëntenraad lezen het verslag; een andere aanbieder niet', async () => {
    const { page, errors } = await alsGebruiker(env, 'contractmanager@zonnehof.demo');
    await page.goto(`/inkoop/kaders/${kaderId}`);
    await page.getByRole('link', { name: 'Verslagen van de dialooggesprekken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dialooggesprekken met Zorggroep Zonnehof (fictief)' }).waitFor();
    await page.getByText(/U kunt ze alleen lezen/).waitFor();
    const gesprek = page.getByRole('article', { name: /^Gesprek van 20 aug 2025,? 10:00$/ });
    await gesprek.getByText(/de cliëntenraad steunt de aanpak/).waitFor();
    assert.equal(
      await page.getByRole('button', { name: 'Gesprek vastleggen' }).count(),
      0,
      'read-only for the provider',
    );
    assert.equal(await page.getByLabel(/^Verslag/).count(), 0);
    await sluitPagina(page, errors);

    const { page: cr, errors: crErrors } = await alsGebruiker(env, 'clientenraad@zonnehof.demo');
    await cr.goto(`/inkoop/inschrijvingen/${inschrijvingId}/dialoog`);
    await cr
      .getByRole('article', { name: /^Gesprek van 20 aug 2025,? 10:00$/ })
      .getByText(/Afspraak: voortgang in november/)
      .waitFor();
    await sluitPagina(cr, crErrors);

    const ander = await apiAls(env.server, 'contractmanager@heideweg.demo');
    assert.equal((await ander.get(`/inkoop/inschrijvingen/${inschrijvingId}/dialoog`)).status, 404);
    const za = await apiAls(env.server, 'contractmanager@zonnehof.demo');
    assert.equal(
      (
        await za.post(`/inkoop/inschrijvingen/${inschrijvingId}/dialoog`, {
          datum: '2025-08-21T10:00:00+02:00',
          deelnemers: [],
          onderwerpen: [],
        })
      ).status,
      403,
      'providers do not record minutes',
    );
  });
});
