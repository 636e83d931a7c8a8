/**
 * The opslag judgement at the nacalculatie in Chromium: a purchaser proposes the nacalculatie and sees
 * Zonnehof paid 102,000.00 (its declarations, under its agreement); a manager rejects that proposal; the
 * purchaser withholds Zonnehof's 2.00 % opslag with a motivation in the form and proposes again: paid
 * 100,000.00 at basistarief, exactly the opslag share (2,000.00) less, with the amount with opslag
 * beside it. A manager decides; Zonnehof, signed in as its account, sees the judgement and the reason.
 * Example figures: the 2024 VV ledger of region 5527 and one month of declarations written for the test.
 * Then a herschikkingsronde with a typed maximum shows where the maximum came from, in Dutch and English.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { alsGebruiker, apiAls, e2eOmgeving, naarMenu, sluitPagina } from './helpers.ts';

const REGIO = '5527';
const JAAR = 2024;
const A = 'za-demo-0001';
const MOTIVATIE = 'Het ontwikkelplan dagbesteding heeft zijn resultaat niet bereikt (e2e).';

describe('nacalculatie: de opslag onthouden met motivatie; herschikking: de bron van het maximum', () => {
  const env = e2eOmgeving({ nu: new Date('2025-03-10T09:00:00Z') });

  test('inkoper onthoudt de opslag, het betaalde bedrag daalt met precies het opslagdeel, de aanbieder ziet de reden', async () => {
    const db = env.server.ctx.db;
    const inkoperApi = await apiAls(env.server, 'inkoper@cz.demo');
    const som = await db.one<{ som: string }>(
      `SELECT sum(bedrag)::text AS som FROM productieafspraak WHERE jaar = $1 AND regio_code = $2 AND sector = 'VV'`,
      [JAAR, REGIO],
    );
    const totaal = (BigInt(som.som.replace('.', '')) + 50_000_000n).toString().replace(/(\d\d)$/, '.$1');
    const cr = await inkoperApi.post('/budget/contracteerruimte', { regio: REGIO, jaar: JAAR, sector: 'VV', totaal });
    assert.equal(cr.status, 201, JSON.stringify(cr.body));
    // the year's declarations: Zonnehof only, 102,000.00 on one agreed prestatie (below its agreement)
    const p = await db.one<{ prestatie_code: string; bedrag: string }>(
      `SELECT prestatie_code, sum(bedrag)::text AS bedrag FROM productieafspraak WHERE jaar = $1 AND regio_code = $2 AND sector = 'VV' AND organisatie_id = $3 AND prijs > 0 GROUP BY 1 ORDER BY sum(bedrag) DESC, 1 LIMIT 1`,
      [JAAR, REGIO, A],
    );
    assert.ok(Number(p.bedrag) > 102_000, 'Zonnehof declares less than its agreement');
    await db.query('DELETE FROM realisatie WHERE jaar = $1 AND regio_code = $2', [JAAR, REGIO]);
    await db.query(
      `INSERT INTO realisatie (jaar, maand, regio_code, organisatie_id, prestatie_code, clienten, volume, bedrag) VALUES ($1,6,$2,$3,$4,2,500,102000.00)`,
      [JAAR, REGIO, A, p.prestatie_code],
    );
    const managerApi = await apiAls(env.server, 'manager@cz.demo');
    const r = await managerApi.put('/realisatie/nacalculatie/regel', { jaar: JAAR, regel: 'niet-vergoed' });
    assert.equal(r.status, 200, JSON.stringify(r.body));

    // 1. without a judgement: paid as declared
    let { page, errors } = await alsGebruiker(env, 'inkoper@cz.demo');
    await naarMenu(page, 'Nacalculatie');
    await page.getByLabel('Jaar').selectOption(String(JAAR));
    await page.getByRole('textbox', { name: /^Regio/ }).fill(REGIO);
    await page.getByRole('button', { name: 'Berekenen en voorstellen' }).click();
    await page.getByText('Voorgesteld', { exact: true }).first().waitFor();
    const rij = () => page.getByRole('row').filter({ hasText: `(${A})` });
    await rij().getByText('€ 102.000,00').first().waitFor();
    assert.equal(await page.getByTestId(`opslag-${A}`).count(), 0, 'no judgement yet');
    await sluitPagina(page, errors);

    ({ page, errors } = await alsGebruiker(env, 'manager@cz.demo'));
    await naarMenu(page, 'Nacalculatie');
    await page.getByLabel('Jaar').selectOption(String(JAAR));
    await page.getByRole('button', { name: 'Afwijzen' }).click();
    await page.getByText('Afgewezen', { exact: true }).first().waitFor();
    await sluitPagina(page, errors);

    // 2. the purchaser withholds the opslag with a motivation and proposes again
    ({ page, errors } = await alsGebruiker(env, 'inkoper@cz.demo'));
    await naarMenu(page, 'Nacalculatie');
    await page.getByLabel('Jaar').selectOption(String(JAAR));
    await page.getByRole('textbox', { name: /^Regio/ }).fill(REGIO);
    await page.getByText(`Voor regio ${REGIO}, VV, ${JAAR}.`).waitFor();
    await page.getByRole('textbox', { name: /^Zorgaanbieder/ }).fill(A);
    await page.getByRole('combobox', { name: 'Oordeel' }).selectOption('onthouden');
    await page.getByRole('textbox', { name: /^Opslag \(%\)/ }).fill('2.00');
    await page.getByRole('textbox', { name: /^Motivatie/ }).fill(MOTIVATIE);
    await page.getByRole('button', { name: 'Oordeel vastleggen' }).click();
    await page.getByRole('status').getByText(`Opslag 2.00% onthouden — ${A}`).waitFor();
    await page.getByRole('button', { name: 'Berekenen en voorstellen' }).click();
    const oordeel = page.getByTestId(`opslag-${A}`);
    await oordeel.getByText('Opslag 2.00% onthouden').waitFor();
    await oordeel.getByText('Met opslag: € 102.000,00').waitFor();
    await oordeel.getByText('Tegen basistarief: € 100.000,00 (€ 2.000,00 minder)').waitFor();
    await oordeel.getByText(MOTIVATIE).waitFor();
    // the paid column: 102,000.00 − 2,000.00
    const vastgesteld = await page.getByRole('row').filter({ has: oordeel }).getByRole('cell').nth(2).innerText();
    assert.equal(vastgesteld.trim(), '€ 100.000,00');
    await page.screenshot({ path: '/tmp/zorginkoop-nacalculatie-opslag.png', fullPage: true });
    await sluitPagina(page, errors);

    ({ page, errors } = await alsGebruiker(env, 'manager@cz.demo'));
    await naarMenu(page, 'Nacalculatie');
    await page.getByLabel('Jaar').selectOption(String(JAAR));
    await page.getByRole('button', { name: 'Vaststellen' }).click();
    await page.getByText('Vastgesteld', { exact: true }).first().waitFor();
    await sluitPagina(page, errors);

    // 3. the provider sees its own line: the judgement, the amounts and the reason
    ({ page, errors } = await alsGebruiker(env, 'contractmanager@zonnehof.demo'));
    await naarMenu(page, 'Nacalculatie');
    await page.getByLabel('Jaar').selectOption(String(JAAR));
    const eigen = page.getByTestId(`opslag-${A}`);
    await eigen.getByText('Opslag 2.00% onthouden').waitFor();
    await eigen.getByText('Tegen basistarief: € 100.000,00 (€ 2.000,00 minder)').waitFor();
    await eigen.getByText(MOTIVATIE).waitFor();
    const tekst = await page.locator('main').innerText();
    assert.ok(!tekst.includes('za-demo-0002'), 'no other provider on the page');
    assert.ok(!tekst.includes('Oordeel vastleggen'), 'a provider cannot judge');
    await sluitPagina(page, errors);
  });
  test('de herschikkingsronde toont de bron van elk maximum (Nederlands en Engels)', async () => {
    const api = await apiAls(env.server, 'inkoper@cz.demo');
    const af = await env.server.ctx.db.one<{ som: string }>(
      `SELECT sum(bedrag)::text AS som FROM productieafspraak WHERE jaar = $1 AND regio_code = $2 AND sector = 'VV' AND organisatie_id = $3`,
      [JAAR, REGIO, A],
    );
    const maximum = (BigInt(af.som.replace('.', '')) + 100_000n).toString().replace(/(\d\d)$/, '.$1');
    const r = await api.post('/realisatie/herschikkingsrondes', {
      regio: REGIO,
      jaar: JAAR,
      sector: 'VV',
      maxima: { [A]: maximum },
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const g = r.body.regels.find((x: any) => x.aanbieder === A);
    assert.equal(g.maximumBron, 'inkoper');
    const { page, errors } = await alsGebruiker(env, 'manager@cz.demo');
    await page.goto(`/realisatie/herschikking/${r.body.id}`);
    await page.getByTestId(`maximum-bron-${A}`).getByText('(ingevoerd door inkoper)').waitFor();
    assert.match(
      (await page.getByTestId(`maximum-bron-${A}`).getAttribute('title')) ?? '',
      /Ingevoerd door de inkoper/,
    );
    // the same screen in English
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByTestId(`maximum-bron-${A}`).getByText('(entered by purchaser)').waitFor();
    await sluitPagina(page, errors);
  });
});
