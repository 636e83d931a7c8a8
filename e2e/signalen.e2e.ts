/**
 * Signalenregister in Chromium: an inkoper registers a fraud investigation about Zonnehof through
 * the page, sees it in the list, withdraws it with a reason; the page passes the accessibility
 * basics; a provider has no link to the register and the API refuses it.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { alsGebruiker, apiAls, e2eOmgeving, naarMenu, sluitPagina, toegankelijkheid } from './helpers.ts';

describe('signalenregister: vastleggen en intrekken via het scherm', () => {
  const env = e2eOmgeving();

  test('inkoper legt een fraudeonderzoek vast en trekt het in', async () => {
    const { page, errors } = await alsGebruiker(env, 'inkoper@cz.demo');
    await naarMenu(page, 'Signalenregister');
    const a11y = await toegankelijkheid(page);
    assert.deepEqual([a11y.h1, a11y.main, a11y.unlabelled, a11y.nameless], [1, 1, [], []]);

    const form = page.getByRole('region', { name: 'Signaal vastleggen' });
    await form.getByLabel('Soort signaal').selectOption('fraudeonderzoek');
    await form.getByLabel('Zoek zorgaanbieder (naam, id of AGB)').first().fill('Zonnehof');
    const kies = form.getByLabel('Zorgaanbieder', { exact: true }).first();
    await kies.locator('option[value="za-demo-0001"]').waitFor({ state: 'attached' });
    await kies.selectOption('za-demo-0001');
    await form.getByLabel('Locatie').waitFor();
    await form.getByLabel('Startdatum onderzoek (JJJJ-MM-DD)').fill('2015-07-01');
    await form.getByLabel('Bron', { exact: false }).first().fill('Melding zorgverzekeraar e2e');
    await form.getByLabel('Omschrijving (intern)').fill('Declaraties nagekeken');
    await form.getByRole('button', { name: 'Signaal vastleggen' }).click();
    await form.getByText('Signaal vastgelegd.').waitFor();

    const lijst = page.getByRole('region', { name: 'Signalen' });
    const rij = lijst.getByRole('row').filter({ hasText: 'Melding zorgverzekeraar e2e' });
    await rij.getByText('Fraudeonderzoek').waitFor();
    await rij.getByRole('button', { name: /^Wijzigen of intrekken: Fraudeonderzoek/ }).click();
    await page.getByLabel('Reden van intrekken').fill('Onjuist vastgelegd (e2e)');
    await page.getByRole('button', { name: 'Signaal intrekken' }).click();
    await rij.waitFor({ state: 'detached' });
    await lijst.getByLabel('Ook ingetrokken signalen tonen').check();
    await lijst.getByRole('row').filter({ hasText: 'Melding zorgverzekeraar e2e' }).getByText('ingetrokken').waitFor();
    await page.screenshot({ path: '/tmp/zorginkoop-signalen.png', fullPage: true });
    await sluitPagina(page, errors);
  });

  test('een zorgaanbieder ziet het register niet', async () => {
    const { page, errors } = await alsGebruiker(env, 'contractmanager@zonnehof.demo');
    const menu = page.getByRole('navigation', { name: /^(Hoofdmenu|Main menu)$/ });
    await menu.waitFor();
    assert.equal(await menu.getByRole('link', { name: 'Signalenregister' }).count(), 0);
    const api = await apiAls(env.server, 'contractmanager@zonnehof.demo');
    assert.equal((await api.get('/inkoop/signalen?aanbieder=za-demo-0001')).status, 403);
    await sluitPagina(page, errors);
  });
});
