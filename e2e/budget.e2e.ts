/**
 * Contracteerruimte and productieafspraken in Chromium: a purchaser enters a contracteerruimte,
 * computes a Q scenario and a second one with a higher floor and weight, compares them; a manager
 * promotes the second; the provider sees its agreements and the explanation of its allocation.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { alsGebruiker, e2eOmgeving, naarMenu, sluitPagina } from './helpers.ts';

describe('budget: contracteerruimte, scenario’s, vergelijken, omzetten, mijn afspraken', () => {
  const env = e2eOmgeving();
  let tweede = '';

  test('inkoper voert de contracteerruimte in, rekent twee scenario’s door en vergelijkt ze', async () => {
    const { page, errors } = await alsGebruiker(env, 'inkoper@cz.demo');
    await naarMenu(page, 'Contracteerruimte');
    await page.getByLabel('Jaar').first().selectOption('2026');
    const form = page.getByRole('form', { name: 'Contracteerruimte invoeren' });
    await form.getByLabel('Regio').fill('5527');
    await form.getByLabel('Sector').selectOption('VV');
    await form.getByLabel('Contracteerruimte').fill('500000000,00');
    await form.getByRole('button', { name: 'Invoeren (voorlopig)' }).click();
    await page.getByRole('heading', { level: 1, name: /Contracteerruimte 5527/ }).waitFor();
    await page.getByTestId('cr-totaal').getByText('€ 500.000.000,00').waitFor();
    await page
      .getByTestId('nza-deadline')
      .getByText(/Budgetformulier 2026/)
      .waitFor();
    await page.getByText('in balans').first().waitFor();

    // 1% earmark
    const oormerk = page.getByRole('form', { name: 'Oormerken' });
    await oormerk.getByLabel('Percentage van de contracteerruimte').fill('1');
    await oormerk.getByRole('button', { name: 'Oormerk vastleggen' }).click();
    await page.getByText('innovatie: € 5.000.000,00').waitFor();

    // scenario 1: model Q from the current situation
    await naarMenu(page, 'Scenario’s');
    const nieuw = page.getByRole('form', { name: 'Nieuw scenario' });
    await nieuw.getByLabel('Naam').fill('Basis Q');
    await nieuw.getByLabel('Regio').fill('5527');
    await nieuw.getByLabel('Model').selectOption('Q');
    await nieuw.getByRole('button', { name: 'Scenario aanmaken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Basis Q' }).waitFor();
    await page.getByRole('button', { name: 'Doorrekenen' }).click();
    await page.getByTestId('scenario-totaal').waitFor({ timeout: 60_000 });

    // scenario 2: copy, floor 95, Zonnehof weighs more
    await naarMenu(page, 'Scenario’s');
    await nieuw.getByLabel('Naam').fill('Bodem 95');
    await nieuw.getByLabel('Regio').fill('5527');
    await nieuw.getByLabel('Uitgangspunt').selectOption({ label: 'Basis Q' });
    await nieuw.getByRole('button', { name: 'Scenario aanmaken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bodem 95' }).waitFor();
    tweede = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByLabel('Bodem (% van vorig jaar)').fill('95');
    await page.getByLabel(/^Score .*Zonnehof/).fill('3');
    await page.getByLabel('Wachtlijst weegt mee (factor 0–1, model Q)').fill('0,5');
    await page.getByRole('button', { name: 'Doorrekenen' }).click();
    await page.getByTestId('scenario-totaal').waitFor({ timeout: 60_000 });
    // the cliëntstroom signal per provider is shown in the result
    await page.getByRole('columnheader', { name: 'Wachtlijst' }).waitFor();
    await page
      .getByText(/\d+ wachtend, \d+ met voorkeur, \d+ plaatsen; populariteit/)
      .first()
      .waitFor();

    // compare
    await naarMenu(page, 'Scenario’s');
    await page.getByRole('checkbox', { name: 'Basis Q' }).check();
    await page.getByRole('checkbox', { name: 'Bodem 95' }).check();
    await page.getByRole('button', { name: 'Vergelijken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Scenario’s vergelijken' }).waitFor();
    await page.getByRole('img', { name: 'Totaal per zorgaanbieder' }).waitFor();
    await page.getByRole('table', { name: 'Totaal per leveringsvorm' }).waitFor();
    assert.ok((await page.locator('figure.staafdiagram rect').count()) >= 4);
    await page.screenshot({ path: '/tmp/zorginkoop-budget-vergelijk.png', fullPage: true });
    await sluitPagina(page, errors);
  });

  test('manager zet het tweede scenario om in productieafspraken', async () => {
    assert.ok(tweede, 'scenario from the previous test');
    const { page, errors } = await alsGebruiker(env, 'manager@cz.demo');
    await page.goto(`${env.server.url}/budget/scenarios/${tweede}`);
    await page.getByRole('heading', { level: 1, name: 'Bodem 95' }).waitFor();
    await page.getByRole('button', { name: 'Omzetten in productieafspraken' }).click();
    await page.getByText('Omgezet in productieafspraken door Marieke Manager.').waitFor({ timeout: 60_000 });
    await naarMenu(page, 'Productieafspraken');
    await page.getByLabel('Jaar').first().selectOption('2026');
    const tabel = page.getByRole('table', { name: 'Productieafspraken' });
    await tabel.locator('tbody tr').first().waitFor();
    await tabel.getByText('scenario').first().waitFor();
    await sluitPagina(page, errors);
  });

  test('de aanbieder ziet zijn eigen afspraken en de uitleg van zijn toekenning, niet die van anderen', async () => {
    const { page, errors } = await alsGebruiker(env, 'contractmanager@zonnehof.demo');
    await naarMenu(page, 'Mijn productieafspraken');
    await page.getByLabel('Jaar').first().selectOption('2026');
    await page.getByRole('table', { name: 'Mijn productieafspraken' }).locator('tbody tr').first().waitFor();
    await page.getByTestId('toelichting').first().waitFor();
    await page
      .getByTestId('toelichting')
      .getByText(/verdeelmodel Q/)
      .waitFor();
    const tekst = await page.locator('main').innerText();
    assert.ok(!/Heideweg/.test(tekst), 'no other provider on the page');
    await page.getByRole('heading', { name: 'Gebruik van de contracteerruimte per regio' }).waitFor();
    await sluitPagina(page, errors);
  });
});
