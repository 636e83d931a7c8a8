/**
 * Cliëntstroom in Chromium, the whole flow: an indicatiebesluit (IO31) arrives and the
 * zorgbemiddelaar reads it in; the client is on the worklist; she assigns the client to Zonnehof
 * (AW33); Zonnehof reports the start of care (AW35) and gets AW36 with 0200; the client leaves the
 * worklist and the waiting list shows the status "In zorg". Example messages: examples/iwlz.
 * Then Zonnehof asks for a new and a bridging toewijzing in an AW39 (Aanvraag); the zorgbemiddelaar
 * grants the one and refuses the other with a reason, and Zonnehof sees both decisions. Also: a
 * mediation note is edited (earlier version kept) and an mpt toewijzing gets its function fields.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import os from 'node:os';
import { alsGebruiker, apiAls, e2eOmgeving, naarMenu, sluitPagina, toegankelijkheid } from './helpers.ts';
import { bouwAw39 } from '../src/iwlz/index.ts';
import { voorbeeldAw39 } from '../src/iwlz/voorbeelden.ts';

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
  test('Zonnehof vraagt via AW39 een toewijzing en een overbrugging aan; de zorgbemiddelaar kent toe en weigert met reden', async () => {
    const b = voorbeeldAw39('5527', '73730001');
    b.kop.berichtId = 'AANVRAAGE2E';
    b.clienten[0].bsn = '999900006';
    b.clienten[0].zorgzwaartepakketten = [];
    b.clienten[0].aanvragen = [
      {
        besluitnummer: '250000101',
        afgiftedatum: '2025-05-20',
        instelling: '73730001',
        zzpCode: '755',
        leveringsvorm: '4',
        instellingen: [
          { instelling: '73730001', soort: '1', toewijzingIngangsdatum: '2025-07-01', opname: true },
          {
            instelling: '73730001',
            soort: '3',
            toewijzingIngangsdatum: '2025-06-25',
            toewijzingEinddatum: '2025-06-30',
          },
        ],
      },
    ];
    const bestand = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aw39-')), 'aw39-aanvraag.xml');
    fs.writeFileSync(bestand, bouwAw39(b));

    const aanbieder = await alsGebruiker(env, 'contractmanager@zonnehof.demo');
    await naarMenu(aanbieder.page, 'iWlz-berichten');
    await aanbieder.page.getByLabel('Bericht (XML)').setInputFiles(bestand);
    await aanbieder.page.getByRole('button', { name: 'Mutatie versturen (AW39)' }).click();
    await aanbieder.page.getByText('Antwoord AW310: 1 verwerkt, 0 geweigerd.').waitFor();
    await aanbieder.page.getByText(/1 aanvraag\/aanvragen doorgezet naar de zorgbemiddelaar/).waitFor();
    await sluitPagina(aanbieder.page, aanbieder.errors);

    const { page, errors } = await alsGebruiker(env, 'zorgbemiddelaar@cz.demo');
    await naarMenu(page, 'Toewijzingsverzoeken', 'Verzoeken om toewijzing');
    await page.getByRole('heading', { level: 1, name: 'Verzoeken om toewijzing' }).waitFor();
    const lijst = page.getByRole('region', { name: 'Verzoeken' });
    const regulier = lijst.getByRole('row').filter({ hasText: 'Regulier' });
    await regulier.getByText('Open', { exact: true }).waitFor();
    const a11y = await toegankelijkheid(page);
    assert.deepEqual([a11y.h1, a11y.main, a11y.unlabelled, a11y.nameless], [1, 1, [], []]);
    await regulier.getByRole('button', { name: 'Beslissen' }).click();
    const besluit = page.getByRole('region', { name: 'Beslissen over het verzoek' });
    await besluit.getByText('AW39 AANVRAAGE2E').waitFor();
    await besluit.getByRole('button', { name: 'Toekennen en AW33 versturen' }).click();
    await besluit.getByText(/^Toegekend; de toewijzing is gemaakt/).waitFor();
    await regulier.getByText('Toegekend', { exact: true }).waitFor();

    const overbrugging = lijst.getByRole('row').filter({ hasText: 'Overbrugging' });
    await overbrugging.getByRole('button', { name: 'Beslissen' }).click();
    const besluit2 = page.getByRole('region', { name: 'Beslissen over het verzoek' });
    await besluit2.getByLabel('Reden van weigering').fill('Niet nodig: de plaats is per 1 juli vrij.');
    await besluit2.getByRole('button', { name: 'Weigeren' }).click();
    await besluit2.getByText(/^Geweigerd; de aanbieder ziet de reden/).waitFor();
    await overbrugging.getByText('Geweigerd', { exact: true }).waitFor();
    await sluitPagina(page, errors);

    // the provider sees both decisions and the reason
    const zh = await alsGebruiker(env, 'contractmanager@zonnehof.demo');
    await naarMenu(zh.page, 'Toewijzingsverzoeken', 'Verzoeken om toewijzing');
    const eigen = zh.page.getByRole('region', { name: 'Verzoeken' });
    await eigen.getByRole('row').filter({ hasText: 'Regulier' }).getByText('Toegekend', { exact: true }).waitFor();
    await eigen
      .getByRole('row')
      .filter({ hasText: 'Overbrugging' })
      .getByText('Niet nodig: de plaats is per 1 juli vrij.')
      .waitFor();
    assert.equal(await eigen.getByRole('button', { name: 'Beslissen' }).count(), 0, 'a provider does not decide');
    await sluitPagina(zh.page, zh.errors);
    const api = await apiAls(env.server, 'contractmanager@heideweg.demo');
    assert.deepEqual((await api.get('/clientstroom/verzoeken')).body, [], 'another provider sees none');
  });

  test('een bemiddelingsnotitie wordt gewijzigd; de eerdere versie blijft zichtbaar', async () => {
    const { page, errors } = await alsGebruiker(env, 'zorgbemiddelaar@cz.demo');
    await page.goto(env.server.url + clientUrl);
    const notities = page.getByRole('region', { name: 'Notities' });
    await notities.getByLabel('Nieuwe notitie').fill('Eerste versie: dochter bellen op maandag.');
    await notities.getByRole('button', { name: 'Notitie opslaan' }).click();
    await notities.getByText('Eerste versie: dochter bellen op maandag.').waitFor();
    await notities.getByRole('button', { name: 'Notitie wijzigen' }).click();
    await notities
      .getByLabel('Nieuwe tekst van de notitie')
      .fill('Tweede versie: dochter gebeld, terugbellen vrijdag.');
    await notities.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await notities.getByText(/Tweede versie: dochter gebeld, terugbellen vrijdag\./).waitFor();
    await notities.getByText(/gewijzigd op \d{4}-\d{2}-\d{2}/).waitFor();
    await notities.getByText('Eerdere versies (1)').click();
    await notities.getByText(/Eerste versie: dochter bellen op maandag\./).waitFor();
    await sluitPagina(page, errors);
  });

  test('mpt: de functie en klasse worden bij het toewijzen gekozen en staan bij de toewijzing', async () => {
    const api = await apiAls(env.server, 'zorgbemiddelaar@cz.demo');
    const werk = (await api.get('/clientstroom/werklijst?regio=5527&limiet=1000')).body as {
      bsn: string;
      geboortejaar: number;
      clientId: string;
    }[];
    const tweede = werk.find((x) => x.bsn === '******018' && x.geboortejaar === 1941)!;
    const { page, errors } = await alsGebruiker(env, 'zorgbemiddelaar@cz.demo');
    await page.goto(`${env.server.url}/clientstroom/clienten/${tweede.clientId}`);
    const form = page.getByRole('region', { name: 'Toewijzen' });
    await form.getByLabel('Gecontracteerde zorgaanbieder (id)').fill('za-demo-0001');
    await form.getByLabel('Soort toewijzing').selectOption('1');
    await form.getByLabel('Leveringsvorm').selectOption('mpt');
    await form.getByLabel('Functie (mpt wordt per functie toegewezen)').selectOption('41');
    await form.getByLabel('Klasse van de functie (LDT_Klasse, bijv. K3)').fill('k3');
    await form.getByLabel('Ingangsdatum').fill('2025-06-15');
    await form.getByLabel('Zorg thuis is verantwoord (toetsingskader)').check();
    await form.getByLabel('Zorg thuis is doelmatig (rekenmodule)').check();
    await form.getByRole('button', { name: 'Toewijzen en AW33 versturen' }).click();
    await form.getByText('Toegewezen; het AW33-bericht is klaargezet voor de aanbieder.').waitFor();
    const tw = page.getByRole('region', { name: 'Toewijzingen' });
    await tw.getByRole('row').filter({ hasText: 'Zorggroep Zonnehof' }).getByText('mpt 41 (K3)').waitFor();
    await sluitPagina(page, errors);
  });
});
