/**
 * The core procurement screens in Chromium: the purchaser creates a kader from the UI, sets the
 * submission deadline, adds a requirement and publishes; the provider finds it under "Open
 * procedures" with a countdown, starts a bid, is refused a wrong file type, uploads a PDF, answers,
 * submits and sees the receipt with its SHA-256; another provider cannot open the bid.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { alsGebruiker, e2eOmgeving, maakKaderViaScherm, sluitPagina } from './helpers.ts';

describe('inkoopschermen: kader opstellen en publiceren → aanbieder schrijft in', () => {
  let inschrijvingUrl = '';
  const env = e2eOmgeving({ nu: new Date('2025-06-02T08:00:00Z') });

  test('inkoper stelt een kader op en publiceert het', async () => {
    const { page, errors } = await alsGebruiker(env, 'inkoper@cz.demo');
    await maakKaderViaScherm(page, {
      titel: 'Schermtest V&V 2026',
      jaar: 2026,
      regios: '5527',
      procedureType: 'openbaar',
    });
    assert.match(new URL(page.url()).pathname, /^\/inkoop\/kaders\/[0-9a-f-]{36}$/);
    // publishing an empty kader is refused, naming what is missing
    await page.getByRole('button', { name: 'Publiceren' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /sluitingstermijn voor inschrijvingen ontbreekt/ })
      .waitFor();
    // the deadline phases by name (web/src/app/namen.ts), not by code
    await page.getByRole('rowheader', { name: 'Inschrijving (incl. zelfanalyse en voorstel ontwikkelplan)' }).waitFor();
    await page.getByLabel('Begint inschrijving').fill('2025-06-01T09:00');
    await page.getByLabel('Eindigt inschrijving').fill('2025-07-31T17:00');
    await page.getByRole('button', { name: 'Tijdlijn opslaan' }).click();
    await page.getByText('De tijdlijn is opgeslagen.').waitFor();
    await page.getByLabel('Code van de eis').fill('BV1');
    await page.getByLabel('Groep').selectOption('bestuursverklaring');
    await page.getByLabel('Tekst van de eis').fill('Ondertekende bestuursverklaring');
    await page.getByLabel('Soort').selectOption('document');
    await page.getByRole('button', { name: 'Eis toevoegen', exact: true }).click();
    await page.getByRole('rowheader', { name: 'Ondertekende bestuursverklaring' }).waitFor();
    await page.getByRole('button', { name: 'Publiceren' }).click();
    await page.getByText('Versie 1 is gepubliceerd.').waitFor();
    await sluitPagina(page, errors);
  });

  test('aanbieder ziet de procedure met aftelling, dient in en krijgt een ontvangstbewijs', async () => {
    const { page, errors } = await alsGebruiker(env, 'contractmanager@zonnehof.demo');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Open procedures' }).click();
    await page.getByRole('link', { name: 'Schermtest V&V 2026' }).click();
    // the countdown follows the server clock (2 June 2025), not the browser's
    await page
      .locator('time.countdown')
      .filter({ hasText: /^nog 59 d 7 u/ })
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Inschrijving starten' }).click();
    await page.getByRole('heading', { level: 1, name: /Inschrijving: Schermtest V&V 2026/ }).waitFor();
    inschrijvingUrl = new URL(page.url()).pathname;
    await page.getByText(/Verplicht document ontbreekt: BV1/).waitFor();
    await page
      .getByLabel('Document BV1')
      .setInputFiles({ name: 'programma.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
    await page.getByRole('button', { name: 'Uploaden BV1' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /geen PDF- of Office-document/ })
      .waitFor();
    await page.getByLabel('Document BV1').setInputFiles({
      name: 'bestuursverklaring.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    await page.getByRole('button', { name: 'Uploaden BV1' }).click();
    await page.getByText(/bestuursverklaring\.pdf is opgeslagen/).waitFor();
    await page.getByRole('button', { name: 'Inschrijving indienen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ontvangstbewijs' }).waitFor();
    await page.getByRole('button', { name: 'Inschrijving intrekken' }).waitFor();
    const hash = await page.locator('code').first().textContent();
    assert.match(hash ?? '', /^[0-9a-f]{64}$/);
    await page.screenshot({ path: '/tmp/zorginkoop-inschrijving.png', fullPage: true });
    await sluitPagina(page, errors, [401, 404, 415, 422]);

    const { page: other } = await alsGebruiker(env, 'contractmanager@heideweg.demo');
    const r = await other.request.get(`/api/v1${inschrijvingUrl}`);
    assert.equal(r.status(), 404);
    await other.context().close();
  });
});
