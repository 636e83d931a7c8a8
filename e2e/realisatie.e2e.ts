/**
 * Realisatie in Chromium: a purchaser imports a month of declarations (test/fixtures/realisatie),
 * sees the overproduction alert in the monitor, proposes a herschikking round; a manager who did not
 * prepare it approves; the provider sees its new agreement version, the message and the published
 * depletion view of its region.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { alsGebruiker, apiAls, e2eOmgeving, naarMenu, sluitPagina } from './helpers.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../test/fixtures/realisatie/declaraties-2024-01.csv');
const REGIO = '5527';

describe('realisatie: import, monitor, herschikkingsronde, besluit, aanbieder', () => {
  const env = e2eOmgeving({ nu: new Date('2024-02-20T09:00:00Z') });
  let rondeUrl = '';

  test('inkoper importeert een maand declaraties en ziet het signaal in de monitor', async () => {
    // the 2024 VV ledger of the region: the demo's agreements plus a pool of 500,000.00 (example figures)
    const api = await apiAls(env.server, 'inkoper@cz.demo');
    const som = await env.server.ctx.db.one<{ som: string }>(
      `SELECT sum(bedrag)::text AS som FROM productieafspraak WHERE jaar = 2024 AND regio_code = $1 AND sector = 'VV'`,
      [REGIO],
    );
    const totaal = (BigInt(som.som.replace('.', '')) + 50_000_000n).toString().replace(/(\d\d)$/, '.$1');
    const cr = await api.post('/budget/contracteerruimte', { regio: REGIO, jaar: 2024, sector: 'VV', totaal });
    assert.equal(cr.status, 201, JSON.stringify(cr.body));

    const { page, errors } = await alsGebruiker(env, 'inkoper@cz.demo');
    await naarMenu(page, 'Declaraties importeren');
    await page.getByLabel('Jaar').selectOption('2024');
    await page.getByLabel('Declaratiebestand (CSV)').setInputFiles(FIXTURE);
    await page.getByRole('button', { name: 'Importeren' }).click();
    await page.getByTestId('import-resultaat').getByText('40 van 40 regels ingelezen').waitFor({ timeout: 60_000 });

    await naarMenu(page, 'Monitor', 'Monitor realisatie');
    await page.getByLabel('Jaar').selectOption('2024');
    await page.getByLabel(/^Regio/).fill(REGIO);
    await page.getByLabel(/^Regio/).press('Enter');
    await page.getByText('Gerealiseerd tot en met maand 1.').waitFor();
    await page.getByTestId('signalen').locator('li', { hasText: 'za-demo-0001' }).getByText('overproductie').waitFor();
    await page.getByRole('img', { name: 'Afgesproken, gerealiseerd en prognose per zorgaanbieder' }).waitFor();
    await page.screenshot({ path: '/tmp/zorginkoop-realisatie-monitor.png', fullPage: true });

    // the system proposes a round
    await naarMenu(page, 'Herschikking', 'Herschikkingsrondes');
    await page.getByLabel('Jaar').first().selectOption('2024');
    await page.getByLabel('Regio').fill(REGIO);
    await page.getByLabel('Sector').selectOption('VV');
    await page.getByRole('button', { name: 'Voorstel berekenen' }).click();
    await page.getByRole('heading', { level: 1, name: /Herschikking 2024 regio 5527 VV, ronde 1/ }).waitFor();
    rondeUrl = new URL(page.url()).pathname;
    await page
      .getByTestId('pool-na')
      .getByText(/Pool na de ronde/)
      .waitFor();
    await page.getByRole('button', { name: 'Aanpassing opslaan' }).click();
    await page.getByText(/Aangepast door/).waitFor();
    // the purchaser cannot decide
    assert.equal(await page.getByRole('button', { name: 'Goedkeuren' }).count(), 0);
    await sluitPagina(page, errors);
  });

  test('een manager die de ronde niet voorbereidde keurt haar goed', async () => {
    assert.ok(rondeUrl, 'round from the previous test');
    const { page, errors } = await alsGebruiker(env, 'manager@cz.demo');
    await page.goto(`${env.server.url}${rondeUrl}`);
    await page.getByRole('heading', { level: 1, name: /ronde 1/ }).waitFor();
    await page.getByLabel('Toelichting').fill('Akkoord: geld volgt de cliënt');
    await page.getByRole('button', { name: 'Goedkeuren' }).click();
    await page
      .getByText('besloten', { exact: true })
      .first()
      .waitFor()
      .catch(async (e) => {
        throw new Error(`${e.message}\n${await page.locator('main').innerText()}`);
      });
    await page.getByText(/Akkoord: geld volgt de cliënt/).waitFor();
    await sluitPagina(page, errors);
  });

  test('de aanbieder ziet de nieuwe versie van de afspraak, het bericht en de uitnutting van de regio', async () => {
    const { page, errors } = await alsGebruiker(env, 'contractmanager@zonnehof.demo');
    await page.goto(`${env.server.url}/budget/mijn?jaar=2024`);
    await page.getByRole('heading', { level: 1, name: 'Mijn productieafspraken' }).waitFor();
    const tabel = page.getByRole('table').first();
    await tabel.locator('tbody tr').first().waitFor();
    const koppen = await tabel.locator('thead th').allInnerTexts();
    const k = koppen.findIndex((h) => /^Versie/.test(h.trim()));
    assert.ok(k >= 0, `Versie column in ${koppen.join(' | ')}`);
    const versies = await tabel.locator(`tbody tr > :nth-child(${k + 1})`).allInnerTexts();
    assert.ok(
      versies.some((v) => v.trim() === '1'),
      `an agreement line in version 1: ${versies.join(',')}`,
    );
    await naarMenu(page, 'Uitnutting contracteerruimte', 'Uitnutting van de contracteerruimte');
    await page.getByLabel('Jaar').selectOption('2024');
    await page.getByLabel(/^Regio/).fill(REGIO);
    await page.getByLabel(/^Regio/).press('Enter');
    await page.getByTestId('uitputting-uitleg').waitFor();
    await page
      .getByTestId('berichten')
      .getByText(/is herschikt/)
      .waitFor();
    await page.getByText('Uw organisatie').first().waitFor();
    const tekst = await page.locator('main').innerText();
    assert.ok(!tekst.includes('za-demo-0002'), 'no other provider on the page');
    await page.screenshot({ path: '/tmp/zorginkoop-realisatie-aanbieder.png', fullPage: true });
    await sluitPagina(page, errors);
  });

  test('nacalculatie: een manager kiest de regel, de controller stelt voor, de manager stelt vast, de aanbieder ziet alleen zijn eigen regel', async () => {
    let { page, errors } = await alsGebruiker(env, 'manager@cz.demo');
    await naarMenu(page, 'Nacalculatie');
    await page.getByLabel('Jaar').selectOption('2024');
    await page.getByLabel('Kies de regel').selectOption('tariefkorting');
    await page.getByRole('button', { name: 'Regel vastleggen' }).click();
    await page
      .getByTestId('overproductieregel')
      .getByText('Tariefkorting voor allen als de regio overschrijdt')
      .waitFor();
    await sluitPagina(page, errors);

    ({ page, errors } = await alsGebruiker(env, 'controller@cz.demo'));
    await naarMenu(page, 'Nacalculatie');
    await page.getByLabel('Jaar').selectOption('2024');
    await page.getByLabel('Regio').fill(REGIO);
    await page.getByRole('button', { name: 'Berekenen en voorstellen' }).click();
    await page.getByText('Voorgesteld', { exact: true }).first().waitFor();
    assert.equal(await page.getByRole('button', { name: 'Vaststellen' }).count(), 0, 'the controller cannot decide');
    await sluitPagina(page, errors);

    ({ page, errors } = await alsGebruiker(env, 'manager@cz.demo'));
    await naarMenu(page, 'Nacalculatie');
    await page.getByLabel('Jaar').selectOption('2024');
    await page.getByRole('button', { name: 'Vaststellen' }).click();
    await page.getByText('Vastgesteld', { exact: true }).first().waitFor();
    await page.getByText(/Besloten door/).waitFor();
    await page.screenshot({ path: '/tmp/zorginkoop-realisatie-nacalculatie.png', fullPage: true });
    await sluitPagina(page, errors);

    ({ page, errors } = await alsGebruiker(env, 'contractmanager@zonnehof.demo'));
    await naarMenu(page, 'Nacalculatie');
    await page.getByLabel('Jaar').selectOption('2024');
    await page
      .getByText(/za-demo-0001/)
      .first()
      .waitFor();
    await page
      .getByText(/Vastgesteld: /)
      .first()
      .waitFor();
    const tekst = await page.locator('main').innerText();
    assert.ok(!tekst.includes('za-demo-0002'), 'no other provider on the page');
    assert.ok(!tekst.includes('Nacalculatie voorstellen'), 'a provider cannot propose');
    await sluitPagina(page, errors);
  });
});
