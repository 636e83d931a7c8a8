/**
 * "(Verbeter)afspraken vaststellen" in Chromium (Inkoopkader Langdurige Zorg 2016, §2.2.4): a bid made
 * through the 2016 template with a careful zelfanalyse and a plan offered as final; the purchaser sees
 * the two-year conditions read-only with their source, sends the plan back with a reason (the provider
 * reads it), then agrees; the manager takes over the opslag the score table proposes and awards.
 * Set-up over the API; the new steps in the browser.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { alsGebruiker, apiAls, DEMO_PASSWORD, e2eOmgeving, sluitPagina, toegankelijkheid } from './helpers.ts';
import { lokaalNaarInstant } from '../src/domain/inkoop/timeline.ts';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')]);
const GZ_THEMAS = ['3.1', '3.2.1', '3.2.2', '3.2.3', '3.2.4', '3.3.1', '3.3.2', '3.3.3'];

describe('afspraken: voorwaarden alleen-lezen, ontwikkelplan terugsturen en akkoord, opslagvoorstel bij de gunning', () => {
  const env = e2eOmgeving({ nu: lokaalNaarInstant('2025-06-02T10:00') });
  let kaderId = '';
  let ins = '';

  test('opzet via de API: GZ-kader uit het sjabloon 2016, Zonnehof dient in met zelfanalyse en een definitief aangeboden plan', async () => {
    const zk = await apiAls(env.server, 'inkoper@cz.demo');
    const k = await zk.post('/inkoop/kaders', {
      titel: 'Afspraken GZ 2026',
      jaarVan: 2026,
      sector: 'GZ',
      regioCodes: ['5526', '5527'],
      procedureType: 'dialoog',
      sjabloon: 'wlz-2016',
    });
    assert.equal(k.status, 201, JSON.stringify(k.body));
    kaderId = k.body.id;
    await env.server.ctx.db.query('UPDATE inkoopkader SET regionale_paragraaf = $2 WHERE id = $1', [
      kaderId,
      JSON.stringify({
        opslagTabel: [
          { vanaf: '1', opslag: '0' },
          { vanaf: '3', opslag: '1.5' },
          { vanaf: '4', opslag: '2.5' },
        ],
        opslagMomenten: ['initieel'],
      }),
    ]);
    // the basistarief through the regional paragraph's screen; the table and moments stored earlier are kept
    const { page, errors } = await alsGebruiker(env, 'inkoper@cz.demo');
    await page.goto(`/inkoop/kaders/${kaderId}`);
    await page.getByRole('heading', { level: 3, name: 'Basistarief en tariefopslag' }).waitFor();
    assert.equal(await page.getByLabel('Opslag in % (rij 3)').inputValue(), '2.5');
    assert.equal(await page.getByLabel('Initiële toekenning (bij de gunning)').isChecked(), true);
    await page.getByLabel('Basistarief verblijf (% van het NZa-maximum)').fill('99');
    await page.getByRole('button', { name: 'Regionale paragraaf opslaan' }).click();
    await page
      .getByText(/boven het NZa-maximumtarief/)
      .first()
      .waitFor();
    await page.getByLabel('Basistarief verblijf (% van het NZa-maximum)').fill('95');
    await page.getByRole('button', { name: 'Regionale paragraaf opslaan' }).click();
    await page.getByText('De regionale paragraaf is opgeslagen.').waitFor();
    const a11y = await toegankelijkheid(page);
    assert.deepEqual([a11y.h1, a11y.unlabelled, a11y.nameless], [1, [], []]);
    await sluitPagina(page, errors);
    const rp = (await zk.get(`/inkoop/kaders/${kaderId}`)).body.regionaleParagraaf;
    assert.deepEqual(rp.basistarief, { perLeveringsvorm: { verblijf: '95' } });
    assert.equal(rp.opslagTabel.length, 3);
    assert.deepEqual(rp.opslagMomenten, ['initieel']);
    assert.equal((await zk.post(`/inkoop/kaders/${kaderId}/publiceren`)).status, 200);

    env.server.setNow(lokaalNaarInstant('2025-07-10T12:00'));
    const za = await apiAls(env.server, 'contractmanager@zonnehof.demo');
    ins = (await za.post(`/inkoop/kaders/${kaderId}/inschrijving`)).body.id;
    const v = (await za.get(`/inkoop/inschrijvingen/${ins}`)).body;
    // documents need multipart: sign in once more for the raw cookie
    const login = await fetch(`${env.server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'contractmanager@zonnehof.demo', wachtwoord: DEMO_PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    for (const e of v.eisen.filter((x: any) => x.vanToepassingOpMij && x.verplicht)) {
      if (e.soort === 'document') {
        const fd = new FormData();
        fd.append('eisCode', e.code);
        fd.append('bestand', new Blob([PDF]), `${e.code}.pdf`);
        const r = await fetch(`${env.server.url}/api/v1/inkoop/inschrijvingen/${ins}/documenten`, {
          method: 'POST',
          headers: { cookie, 'x-csrf-token': csrfToken },
          body: fd,
        });
        assert.equal(r.status, 201, await r.text());
      } else {
        const r = await za.put(`/inkoop/inschrijvingen/${ins}/antwoorden/${e.code}`, {
          waarde: e.soort === 'ja_nee' ? true : 'Geen onderaanneming.',
        });
        assert.equal(r.status, 200, JSON.stringify(r.body));
      }
    }
    for (const th of GZ_THEMAS)
      assert.equal(
        (
          await za.put(`/inkoop/inschrijvingen/${ins}/zelfanalyse/${th}`, {
            huidigeAanpak: 'Beleid ingevoerd',
            sterktes: 'Vaste teams',
            ontwikkelpunten: 'Eigen regie',
            ervaringClient: 'Positief',
            niveau: 'Organisatie',
            inOntwikkelplan: th === '3.2.3',
          })
        ).status,
        200,
      );
    assert.equal(
      (
        await za.put(`/inkoop/inschrijvingen/${ins}/ontwikkelplan`, {
          themas: ['3.2.3'],
          doelstelling: 'Meer eigen regie voor elke cliënt',
          planVanAanpak: 'SMART',
          planning: '2026',
          investering: '40000.00',
          risicos: 'Personeel',
          resultaten: 'Eigen doelen',
          bewijslast: 'Dossiercontrole',
          clientenraadBetrokkenheid: 'De cliëntenraad schreef mee aan het plan.',
        })
      ).status,
      200,
    );
    assert.equal((await za.post(`/inkoop/inschrijvingen/${ins}/ontwikkelplan/definitief`)).status, 200);
    const d = await za.post(`/inkoop/inschrijvingen/${ins}/indienen`);
    assert.equal(d.status, 200, JSON.stringify(d.body));

    env.server.setNow(lokaalNaarInstant('2025-07-20T12:00'));
    assert.equal((await zk.post(`/inkoop/kaders/${kaderId}/nvi`)).status, 200);
    env.server.setNow(lokaalNaarInstant('2025-08-04T10:00'));
    for (const actie of ['inschrijving_sluiten', 'dialoog_starten'])
      assert.equal((await zk.post(`/inkoop/kaders/${kaderId}/overgangen`, { actie })).status, 200);
  });

  test('de inkoper ziet de voorwaarden alleen-lezen met bron en stuurt het plan terug met een reden; de aanbieder leest de reden', async () => {
    const { page, errors } = await alsGebruiker(env, 'inkoper@cz.demo');
    await page.goto(`/gunning/inschrijvingen/${ins}`);
    await page.getByRole('heading', { level: 2, name: 'Voorwaarden (niet beoordeeld)' }).waitFor();
    const tabel = page.getByRole('table', { name: 'Voorwaarden voor een tweejarige overeenkomst' });
    await tabel.getByRole('rowheader', { name: /^G1 / }).waitFor();
    assert.ok((await tabel.getByText(/Inkoopkader Langdurige Zorg 2016, §2\.2\.4/).count()) >= 4);
    await page.getByRole('heading', { level: 2, name: 'Ontwikkelplan: besluit van het zorgkantoor' }).waitFor();
    await page.getByText('definitief aangeboden, wacht op het zorgkantoor').waitFor();
    await page.getByText('zorgvuldig: alle elementen voor elk thema').waitFor();
    // sending back without a reason is refused, naming the rule
    await page.getByRole('button', { name: 'Terugsturen naar de aanbieder' }).click();
    await page
      .getByText(/vraagt een reden/)
      .first()
      .waitFor();
    await page.getByLabel('Reden om terug te sturen').fill('Maak de resultaten meetbaar per kwartaal.');
    await page.getByRole('button', { name: 'Terugsturen naar de aanbieder' }).click();
    await page.getByText('Teruggestuurd naar de aanbieder: Maak de resultaten meetbaar per kwartaal.').waitFor();
    const a11y = await toegankelijkheid(page);
    assert.deepEqual([a11y.h1, a11y.main, a11y.unlabelled, a11y.nameless], [1, 1, [], []]);
    await sluitPagina(page, errors);

    const { page: za, errors: e2 } = await alsGebruiker(env, 'contractmanager@zonnehof.demo');
    await za.goto(`/inkoop/inschrijvingen/${ins}`);
    await za
      .getByText('Het zorgkantoor heeft het plan teruggestuurd: Maak de resultaten meetbaar per kwartaal.')
      .waitFor();
    await sluitPagina(za, e2);
    const api = await apiAls(env.server, 'contractmanager@zonnehof.demo');
    assert.equal(
      (await api.put(`/inkoop/inschrijvingen/${ins}/ontwikkelplan`, { resultaten: 'Per kwartaal gemeten' })).status,
      200,
    );
    assert.equal((await api.post(`/inkoop/inschrijvingen/${ins}/ontwikkelplan/definitief`)).status, 200);
  });

  test('de inkoper stemt in; de manager neemt het opslagvoorstel over en gunt voorlopig', async () => {
    const { page, errors } = await alsGebruiker(env, 'inkoper@cz.demo');
    await page.goto(`/gunning/inschrijvingen/${ins}`);
    await page.getByRole('button', { name: 'Instemmen met het ontwikkelplan' }).click();
    await page.getByText('akkoord (zorgkantoor)').waitFor();
    await sluitPagina(page, errors);

    // the assessment over the API: the documents by the assessor, yes/no answers automatically, F1–F3 scored
    const b = await apiAls(env.server, 'beoordelaar@cz.demo');
    const d = (await b.get(`/inkoop/inschrijvingen/${ins}/beoordeling`)).body;
    const scores = d.criteria
      .filter((c: any) => !c.automatisch)
      .map((c: any) =>
        c.soort === 'knock-out'
          ? { criteriumCode: c.code, voldaan: true, motivatie: 'Aangetoond' }
          : { criteriumCode: c.code, score: '4', motivatie: 'Goed' },
      );
    assert.equal((await b.put(`/inkoop/inschrijvingen/${ins}/beoordeling`, { scores })).status, 200);
    const b2 = await apiAls(env.server, 'beoordelaar2@cz.demo');
    assert.equal(
      (
        await b2.post(`/inkoop/inschrijvingen/${ins}/beoordeling/besluit`, {
          besluit: 'vastgesteld',
          motivatie: 'Eens',
        })
      ).status,
      200,
    );

    const { page: m, errors: e3 } = await alsGebruiker(env, 'manager@cz.demo');
    await m.goto(`/gunning/inschrijvingen/${ins}`);
    await m.getByText('Voorgestelde opslag: 2,50%').waitFor();
    await m.getByRole('button', { name: 'Voorstel overnemen' }).click();
    assert.equal(await m.getByLabel('Tariefopslag (%)').inputValue(), '2.50');
    await m.getByRole('button', { name: 'Voorlopig gunnen' }).click();
    await m
      .getByText(/^Gegund: /)
      .first()
      .waitFor();
    await sluitPagina(m, e3);
    const g = (await (await apiAls(env.server, 'manager@cz.demo')).get(`/inkoop/gunningen?kader=${kaderId}`)).body;
    assert.equal(g[0].opslagPercentage, '2.50');
    assert.ok(['eenjarig-opslag', 'tweejarig-opslag'].includes(g[0].uitkomst), g[0].uitkomst);
  });
});
