import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  definitieveGunningsbrief,
  overeenkomstPdf,
  pdfTekst,
  voorlopigeGunningsbrief,
  type BriefGegevens,
} from './pdf.ts';

const g: BriefGegevens = {
  kenmerk: 'ZK-2016-0001',
  zorgkantoorNaam: 'CZ Zorgkantoor',
  aanbiederNaam: 'Zorggroep Zonnehof',
  aanbiederId: 'za-demo-0001',
  kaderTitel: 'Inkoopkader GZ 2016',
  sector: 'GZ',
  jaarVan: 2016,
  jaarTot: 2016,
  uitkomst: 'tweejarig-opslag',
  uitkomstTekst: 'Tweejarige overeenkomst met tariefopslag',
  looptijdJaren: 2,
  opslagPercentage: '2.50',
  redenen: [
    {
      code: 'G1',
      regel: 'Geen locaties onder verscherpt toezicht',
      voldaan: true,
      toelichting: 'Geen locatie staat onder verscherpt toezicht.',
    },
  ],
  totaalscore: '3.80',
  datum: new Date('2015-10-09T10:00:00Z'),
  bezwaarTot: new Date('2015-10-23T15:59:00Z'),
  besluitDoor: 'Marja Manager',
};

test('voorlopige gunningsbrief: geldige PDF in het Nederlands met aanbieder, uitkomst en bezwaartermijn', async () => {
  const pdf = await voorlopigeGunningsbrief(g);
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  assert.match(pdf.subarray(-8).toString(), /%%EOF/);
  const t = pdfTekst(pdf);
  assert.match(t, /Voorlopige gunningsbeslissing/);
  assert.match(t, /Zorggroep Zonnehof/);
  assert.match(t, /Tweejarige overeenkomst met tariefopslag/);
  assert.match(t, /2,50%/);
  assert.match(t, /23 oktober 2015 om 17:59/); // Europe/Amsterdam, summer time
});

test('definitieve gunningsbrief zonder overeenkomst', async () => {
  const pdf = await definitieveGunningsbrief({
    ...g,
    uitkomst: 'geen-overeenkomst',
    uitkomstTekst: 'Geen overeenkomst',
    looptijdJaren: 0,
    opslagPercentage: '0.00',
    knockOut: 'KO1 Bestuursverklaring',
  });
  const t = pdfTekst(pdf);
  assert.match(t, /Definitieve gunningsbeslissing/);
  assert.match(t, /Geen overeenkomst/);
  assert.match(t, /knock-outeis KO1 Bestuursverklaring/);
});

test('overeenkomst bevat de Nota van Inlichtingen als bijlage', async () => {
  const pdf = await overeenkomstPdf({
    ...g,
    ingangsdatum: '2016-01-01',
    einddatum: '2017-12-31',
    kaderVersie: 2,
    nviVersie: 1,
    nvi: [
      {
        nummer: 1,
        eisCode: 'A2',
        vraag: 'Moet de bestuursverklaring door beide bestuurders worden getekend?',
        antwoord: 'Ja, door alle statutaire bestuurders.',
      },
    ],
    eisen: [{ code: 'A2', tekst: 'Bestuursverklaring' }],
  });
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  const t = pdfTekst(pdf);
  assert.match(t, /Overeenkomst Wlz-zorg/);
  assert.match(t, /1 januari 2016/);
  assert.match(t, /31 december 2017/);
  assert.match(t, /Bijlage 1 – Nota van Inlichtingen \(versie 1\)/);
  assert.match(t, /alle statutaire bestuurders/);
  assert.ok((pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length >= 2, 'NvI starts on its own page');
});
