/**
 * The regional paragraph in Chromium: the purchaser sets a regional weight and a regional
 * two-year condition with its kind (computed by the decision table) on the kader page, is shown the server's refusal of a bad weight at the
 * field itself, saves and publishes; the provider then sees the paragraph read-only on the
 * published kader.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { alsGebruiker, apiAls, e2eOmgeving, sluitPagina, toegankelijkheid } from './helpers.ts';

describe('regionale paragraaf: inkoper stelt weging en voorwaarde in → aanbieder leest mee', () => {
  const env = e2eOmgeving({ nu: new Date('2025-06-02T08:00:00Z') });
  let kaderId = '';

  test('inkoper: foutmelding bij het veld voor een ongeldig gewicht, daarna opslaan en publiceren', async () => {
    let api = await apiAls(env.server, 'inkoper@cz.demo');
    const r = await api.post('/inkoop/kaders', {
      titel: 'Regionaal V&V 2026',
      jaarVan: 2026,
      sector: 'VV',
      regioCodes: ['5527'],
      procedureType: 'dialoog',
      sjabloon: 'wlz-2016',
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    kaderId = r.body.id;

    const { page, errors } = await alsGebruiker(env, 'inkoper@cz.demo');
    // the browser sign-in (a password sign-in) ended the inkoper's earlier sessions: a new API session
    api = await apiAls(env.server, 'inkoper@cz.demo');
    await page.goto(`/inkoop/kaders/${kaderId}`);
    await page.getByRole('heading', { level: 2, name: 'Regionale paragraaf' }).waitFor();
    const f1 = page.getByLabel('Regionaal gewicht F1', { exact: true });
    await f1.fill('12,345');
    await page.getByRole('button', { name: 'Regionale paragraaf opslaan' }).click();
    // the server's 422 is shown at the field (and the input is marked invalid), not only in the summary
    await page
      .locator('#rp-weging-F1-error')
      .filter({ hasText: /Het gewicht van F1 "12,345" heeft meer dan twee decimalen/ })
      .waitFor();
    assert.equal(await f1.getAttribute('aria-invalid'), 'true');
    assert.deepEqual((await api.get(`/inkoop/kaders/${kaderId}`)).body.regionaleParagraaf, {}, 'nothing stored');

    await f1.fill('60');
    await page.getByLabel('Tekst van de regionale paragraaf').fill('CZ weegt het effect voor de cliënt zwaarder.');
    await page.getByRole('button', { name: 'Regionale voorwaarde toevoegen' }).click();
    await page.getByLabel('Code voorwaarde 1').fill('R1');
    await page.getByLabel('Omschrijving voorwaarde 1').fill('Geen fraudeonderzoek in de laatste vijf jaar');
    // a condition without a kind cannot be computed by the decision table: refused at its field
    await page.getByRole('button', { name: 'Regionale paragraaf opslaan' }).click();
    await page
      .locator('#rp-vw-0-soort-error')
      .filter({ hasText: 'Voorwaarde 1 (R1) heeft geen soort: de beslistabel kan haar niet berekenen.' })
      .waitFor();
    await page.getByLabel('Soort voorwaarde 1').selectOption('geen-signalen');
    await page.getByLabel('fraudeonderzoek', { exact: true }).check();
    await page.getByLabel('Terugkijkperiode in jaren (voorwaarde 1)').fill('5');
    await page.getByRole('button', { name: 'Regionale paragraaf opslaan' }).click();
    await page.getByText('De regionale paragraaf is opgeslagen.').waitFor();
    assert.equal(await page.locator('#rp-weging-F1-error').count(), 0);
    assert.deepEqual((await api.get(`/inkoop/kaders/${kaderId}`)).body.regionaleParagraaf, {
      toelichting: 'CZ weegt het effect voor de cliënt zwaarder.',
      weging: { F1: '60' },
      tweejarigeVoorwaarden: [
        {
          code: 'R1',
          omschrijving: 'Geen fraudeonderzoek in de laatste vijf jaar',
          soort: 'geen-signalen',
          signaalSoorten: ['fraudeonderzoek'],
          jaren: 5,
        },
      ],
    });
    const a11y = await toegankelijkheid(page);
    assert.deepEqual([a11y.unlabelled, a11y.nameless], [[], []]);

    await page.getByRole('button', { name: 'Publiceren' }).click();
    await page.getByText('Versie 1 is gepubliceerd.').waitFor();
    await sluitPagina(page, errors);
  });

  test('aanbieder: de paragraaf van de gepubliceerde versie, alleen lezen', async () => {
    const { page, errors } = await alsGebruiker(env, 'contractmanager@zonnehof.demo');
    await page.goto(`/inkoop/kaders/${kaderId}`);
    // the section is a region named by its heading
    const sectie = page.getByRole('region', { name: 'Regionale paragraaf' });
    await sectie.getByRole('heading', { level: 2, name: 'Regionale paragraaf' }).waitFor();
    await sectie.getByText('CZ weegt het effect voor de cliënt zwaarder.').waitFor();
    const rij = sectie.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^F1 / }) });
    assert.deepEqual(await rij.getByRole('cell').allTextContents(), ['40', '60']);
    assert.deepEqual(
      await sectie
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: /^F2 / }) })
        .getByRole('cell')
        .allTextContents(),
      ['30', 'gelijk aan gepubliceerd'],
    );
    await sectie
      .getByRole('listitem')
      .filter({
        hasText: 'R1: Geen fraudeonderzoek in de laatste vijf jaar (geen fraudeonderzoek in de 5 jaar vóór de gunning)',
      })
      .waitFor();
    // read-only: no fields, no save button
    assert.equal(await sectie.locator('input, textarea, select').count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Regionale paragraaf opslaan' }).count(), 0);
    const a11y = await toegankelijkheid(page);
    assert.deepEqual([a11y.unlabelled, a11y.nameless], [[], []]);
    await sluitPagina(page, errors);
  });
});
