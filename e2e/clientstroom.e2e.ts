/**
 * Cliëntstroom in Chromium, the whole flow: an indicatiebesluit (IO31) arrives and the
 * zorgbemiddelaar reads it in; the client is on the worklist; she assigns the client to Zonnehof
 * (AW33); Zonnehof reports the start of care (AW35) and gets AW36 with 0200; the client leaves the
 * worklist and the waiting list shows the status "In zorg". Example messages: examples/iwlz.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { alsGebruiker, apiAls, e2eOmgeving, naarMenu, sluitPagina, toegankelijkheid } from './helpers.ts';

const voorbeelden = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../examples/iwlz');

describe('cliëntstroom: indicatie → werklijst → toewijzing → aanvang zorg → wachtlijst', () => {
  const env = e2eOmgeving({ nu: new Date('2025-06-20T08:00:00Z') });
  let clientUrl = '';

  test('de zorgbemiddelaar leest het indicatiebesluit in en wijst toe', async () => {
    const { page, errors } = await alsGebruiker(env, 'zorgbemiddelaar@cz.demo');
    await naarMenu(page, 'Zorgbemiddeling');
    const a11y = await toegankelijkheid(page);
    assert.deepEqual([a11y.h1, a11y.main, a11y.unlabelled, a11y.nameless], [1, 1, [], []]);

    const upload = page.getByRole('region', { name: 'Indicatiebesluiten ontvangen (IO31)' });
    await upload.getByLabel('IO31-bericht (XML)').setInputFiles(path.join(voorbeelden, 'io31-indicatiebesluit.xml'));
    // Read in straight away, while the first load of the worklist may still be under way (on a
    // database server it takes a moment): the page must not keep that answer from before the import.
    await upload.getByRole('button', { name: 'Inlezen' }).click();
    await upload.getByText('2 opgeslagen, 0 al ontvangen, 0 geweigerd.').waitFor();

    const werk = page.getByRole('region', { name: 'Werklijst' });
    await werk.getByLabel('Zoeken').fill('******006 (1938)');
    const rij = werk.getByRole('row').filter({ hasText: '******006 (1938)' });
    await page.screenshot({ path: '/tmp/zorginkoop-clientstroom-werklijst.png', fullPage: true });
    await rij.getByText('geen aanbieder', { exact: true }).waitFor();
    await rij.getByRole('link', { name: '******006 (1938)' }).click();
    await page.getByRole('heading', { level: 1, name: /Cliënt AM de Voorbeeld/ }).waitFor();
    clientUrl = new URL(page.url()).pathname;
    await page.getByText('999900006').waitFor();

    const form = page.getByRole('region', { name: 'Toewijzen' });
    await form.getByLabel('Gecontracteerde zorgaanbieder (id)').fill('za-demo-0001');
    await form.getByLabel('Soort toewijzing').selectOption('1');
    await form.getByLabel('Leveringsvorm').selectOption('verblijf');
    await form.getByLabel('Ingangsdatum').fill('2025-06-01');
    await form.getByRole('button', { name: 'Toewijzen en AW33 versturen' }).click();
    await form.getByText('Toegewezen; het AW33-bericht is klaargezet voor de aanbieder.').waitFor();
    const tw = page.getByRole('region', { name: 'Toewijzingen' });
    await tw.getByRole('row').filter({ hasText: 'Zorggroep Zonnehof' }).getByText('Regulier').waitFor();
    await sluitPagina(page, errors);
  });

  test('Zonnehof meldt de aanvang zorg (AW35) en krijgt AW36 met 0200', async () => {
    const { page, errors } = await alsGebruiker(env, 'contractmanager@zonnehof.demo');
    await naarMenu(page, 'iWlz-berichten');
    const lijst = page.getByRole('region', { name: 'Toewijzingen aan uw organisatie' });
    await lijst.getByRole('link', { name: 'AW33 downloaden' }).waitFor();
    await page.getByLabel('Bericht (XML)').setInputFiles(path.join(voorbeelden, 'aw35-melding-aanvang-zorg.xml'));
    await page.getByRole('button', { name: 'Aanvang zorg versturen (AW35)' }).click();
    await page.getByText('Antwoord AW36: 1 verwerkt, 0 geweigerd.').waitFor();
    await page.getByText(/\*\*\*\*\*\*006: 0200/).waitFor();
    // a malformed message: refused with 0001 and the line
    await page
      .getByLabel('Bericht (XML)')
      .setInputFiles(path.join(voorbeelden, 'ongeldig-onbekende-leveringsstatus.xml'));
    await page.getByRole('button', { name: 'Aanvang zorg versturen (AW35)' }).click();
    await page.getByText(/retourcode 0001/).waitFor();
    await page.getByText('regel 39').waitFor();
    await sluitPagina(page, errors, [400, 401, 404, 422]);
  });

  test('de cliënt is in zorg: van de werklijst af, status "In zorg" in het dossier en op de wachtlijst bijgewerkt', async () => {
    const { page, errors } = await alsGebruiker(env, 'zorgbemiddelaar@cz.demo');
    await page.goto(env.server.url + clientUrl);
    const st = page.getByRole('region', { name: 'Leveringsstatus (wachtlijst)' });
    await st.getByRole('row').filter({ hasText: '2025-06-09' }).getByText('In zorg').waitFor();
    await naarMenu(page, 'Wachtlijst');
    await page.getByText(/wachtend, .* zonder aanbieder/).waitFor();
    const normen = page.getByRole('region', { name: 'Normen' });
    await normen.getByLabel('Status').selectOption('2');
    await normen.getByLabel('Norm in dagen').fill('90');
    await normen.getByLabel('Bron of reden').fill('Regionaal beleid (voorbeeld, e2e)');
    await normen.getByRole('button', { name: 'Norm opslaan' }).click();
    await normen.getByText('Norm opgeslagen.').waitFor();
    await normen
      .getByRole('row')
      .filter({ hasText: 'Regionaal beleid (voorbeeld, e2e)' })
      .getByText('90')
      .first()
      .waitFor();
    const api = await apiAls(env.server, 'zorgbemiddelaar@cz.demo');
    const werk = (await api.get('/clientstroom/werklijst?limiet=1000')).body as { bsn: string; geboortejaar: number }[];
    assert.equal(werk.filter((x) => x.bsn === '******006' && x.geboortejaar === 1938).length, 0);
    assert.ok(
      werk.some((x) => x.bsn === '******018'),
      'the second client is still waiting',
    );
    await sluitPagina(page, errors);
  });
});
