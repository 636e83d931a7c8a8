/**
 * The web app shell in Chromium: a purchaser signs in, opens the region overview and sees the
 * regions, switches to English; a provider sees its own organisation and never another provider.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { alsGebruiker, e2eOmgeving, login, logout, naarMenu, newPage, sessieVoor, sluitPagina } from './helpers.ts';

describe('web app: inloggen, regio-overzicht, taal, eigen gegevens', () => {
  const env = e2eOmgeving();

  test('a wrong password is announced as an error', async () => {
    const page = await newPage(env.browser, env.server);
    await page.goto('/inloggen');
    await page.getByLabel('E-mailadres').fill('inkoper@cz.demo');
    await page.getByLabel('Wachtwoord').fill('fout-wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'E-mailadres of wachtwoord onjuist' });
    await alert.waitFor();
    assert.equal(
      await page.getByRole('link', { name: /^Inloggen met/ }).count(),
      0,
      'no OIDC button when OIDC is not configured',
    );
    await page.context().close();
  });

  test('with OIDC configured the login page offers "Inloggen met <naam>" next to the password form', async () => {
    const oud = env.server.ctx.config.oidc;
    env.server.ctx.config.oidc = {
      issuer: 'http://127.0.0.1:9',
      clientId: 'zorginkoop',
      redirectUri: `${env.server.url}/api/v1/auth/oidc/callback`,
      emailClaim: 'email',
      naam: 'Testorganisatie',
    };
    try {
      const page = await newPage(env.browser, env.server);
      await page.goto('/inloggen');
      const knop = page.getByRole('link', { name: 'Inloggen met Testorganisatie' });
      await knop.waitFor();
      // a plain link: the browser leaves the app and the server redirects to the identity provider
      assert.equal(await knop.getAttribute('href'), '/api/v1/auth/oidc');
      await page.getByRole('button', { name: 'Inloggen', exact: true }).waitFor();
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('link', { name: 'Sign in with Testorganisatie' }).waitFor();
      await page.context().close();
    } finally {
      env.server.ctx.config.oidc = oud;
    }
  });

  test('purchaser sees the regions, switches to English', async () => {
    const { page, errors } = await alsGebruiker(env, 'inkoper@cz.demo');
    await page.getByRole('heading', { level: 1, name: /Welkom, Ingrid Inkoper/ }).waitFor();

    // Navigation is role-aware: a purchaser has no Beheer section.
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('link', { name: "Regio's" }).click();
    await page.getByRole('heading', { level: 1, name: "Regio's" }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/regios');
    assert.equal(await nav.getByRole('link', { name: 'Gebruikers' }).count(), 0);

    const table = page.getByRole('table');
    await table.getByRole('row', { name: /Zuidoost-Brabant/ }).waitFor();
    await table
      .getByRole('row', { name: /Groningen/ })
      .first()
      .waitFor();
    const rows = await table.locator('tbody tr').count();
    assert.ok(rows >= 31, `verwacht minstens 31 regio's, zag ${rows}`);
    // the focus moved to the page heading after navigating (screen readers announce it)
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'page-title');
    await page.screenshot({ path: '/tmp/zorginkoop-regios.png', fullPage: true });

    // sort by name (descending) and filter
    await page.getByRole('button', { name: /^Naam/ }).click();
    await page.getByRole('button', { name: /^Naam/ }).click();
    assert.equal(await table.locator('th[aria-sort="descending"]').count(), 1);
    await page.getByLabel('Zoeken in deze tabel').fill('brabant');
    await page.getByRole('status').filter({ hasText: 'rijen gevonden' }).waitFor();
    assert.ok((await table.locator('tbody tr').count()) < rows);
    await page.getByLabel('Zoeken in deze tabel').fill('');

    // region detail: a region CZ serves shows its providers; another region only general details
    await table.getByRole('link', { name: 'Zuid-Limburg' }).click();
    await page.getByRole('heading', { level: 1, name: /5531 Zuid-Limburg/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Zorgaanbieders in deze regio' }).waitFor();
    assert.ok((await page.getByRole('table').locator('tbody tr').count()) > 0);
    await page.screenshot({ path: '/tmp/zorginkoop-regio.png', fullPage: true });
    await page.goBack();
    await page.getByRole('table').getByRole('link', { name: 'Zuidoost-Brabant' }).click();
    await page.getByRole('heading', { level: 1, name: /Zuidoost-Brabant/ }).waitFor();
    await page.getByText(/Uw organisatie voert deze regio in \d{4} niet uit/).waitFor();

    // providers list (paged on the server) and the dashboard
    await nav.getByRole('link', { name: 'Zorgaanbieders' }).click();
    await page.getByRole('heading', { level: 1, name: 'Zorgaanbieders' }).waitFor();
    await page.getByRole('table').locator('tbody tr').first().waitFor();
    await nav.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByText("Zorgaanbieders in uw regio's").waitFor();
    await page.screenshot({ path: '/tmp/zorginkoop-dashboard.png', fullPage: true });

    // English
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Regions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Regions' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.getByRole('button', { name: 'Sign out', exact: true }).waitFor();
    await page.screenshot({ path: '/tmp/zorginkoop-regions-en.png', fullPage: true });

    // the choice is saved for the user: after signing in again the app is still English
    await logout(page);
    await page.evaluate(() => localStorage.clear());
    await login(page, 'inkoper@cz.demo');
    await page.getByRole('heading', { level: 1, name: /Welcome, Ingrid Inkoper/ }).waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { level: 1, name: /Welkom/ }).waitFor();

    // 401 from GET /auth/sessie before signing in is expected; anything else is a bug.
    await sluitPagina(page, errors, [401, 404]);
  });

  test('provider sees its own organisation and not another provider', async () => {
    const { page } = await alsGebruiker(env, 'contractmanager@zonnehof.demo');
    await page.getByRole('heading', { level: 1, name: /Welkom, Carla Contract/ }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    // a provider has "Mijn organisatie", not the list of all providers
    assert.equal(await nav.getByRole('link', { name: 'Zorgaanbieders' }).count(), 0);
    await nav.getByRole('link', { name: 'Mijn organisatie' }).click();
    await page.getByRole('heading', { level: 1, name: /Zonnehof/ }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/aanbieders/za-demo-0001');
    await page.screenshot({ path: '/tmp/zorginkoop-aanbieder.png', fullPage: true });

    // the list page sends a provider to its own page
    await page.goto('/aanbieders');
    await page.waitForURL('**/aanbieders/za-demo-0001');
    await page.getByRole('heading', { level: 1, name: /Zonnehof/ }).waitFor();

    // another provider: looks exactly like a provider that does not exist
    await page.goto('/aanbieders/za-demo-0002');
    await page.getByText('Deze zorgaanbieder bestaat niet of u heeft er geen toegang toe.').waitFor();
    assert.equal(await page.getByText(/Heideweg/).count(), 0);

    // a session that ends on the server (expired, signed out elsewhere) brings back the login form
    await env.server.ctx.db.query(
      `DELETE FROM sessie WHERE gebruiker_id = (SELECT id FROM gebruiker WHERE email = 'contractmanager@zonnehof.demo')`,
    );
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Taken' }).click();
    await page.getByRole('button', { name: 'Inloggen' }).waitFor();
    await page.context().close();
  });

  test('beheerder sees the users page; the region mapping is for the applicatiebeheerder only; a purchaser gets "Geen toegang"', async () => {
    const { page } = await alsGebruiker(env, 'beheerder@cz.demo');
    await naarMenu(page, 'Gebruikers');
    await page.getByRole('row', { name: /inkoper@cz\.demo/ }).waitFor();
    await page.getByLabel('E-mailadres').fill('niet-goed');
    await page.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    await page.getByText('Vul een naam in.').waitFor();

    // a zorgkantoor's beheerder does not assign regions (that decides which zorgkantoor sees whose figures)
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    assert.equal(await nav.getByRole('link', { name: 'Regio-indeling' }).count(), 0);
    await page.goto('/beheer/regio-indeling');
    await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
    await logout(page);

    // the applicatiebeheerder edits the mapping; a change replaces the example assignment
    await login(page, 'applicatiebeheerder@zorginkoop.demo');
    await naarMenu(page, 'Regio-indeling');
    const groningen = page.getByRole('row', { name: /5501 Groningen/ });
    await groningen.getByLabel('Zorgkantoor voor 5501 Groningen').selectOption({ label: 'CZ Zorgkantoor' });
    await groningen.getByRole('button', { name: 'Opslaan voor 5501 Groningen' }).click();
    await page.getByRole('status').filter({ hasText: 'Regio 5501 is in' }).waitFor();
    await groningen.getByText('CZ Zorgkantoor').first().waitFor();
    assert.equal(await groningen.getByText('voorbeeldindeling').count(), 0);
    await page.screenshot({ path: '/tmp/zorginkoop-indeling.png' });
    // a past year is shown read-only
    const vorigJaar = new Date().getFullYear() - 1;
    await page.getByLabel('Jaar', { exact: true }).selectOption(String(vorigJaar));
    await page.getByText(`De indeling van ${vorigJaar} ligt vast`).waitFor();
    assert.equal(await page.getByRole('button', { name: /^Opslaan voor/ }).count(), 0);
    await logout(page);
    await login(page, 'inkoper@cz.demo');
    await page.goto('/beheer/gebruikers');
    await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
    await page.context().close();
  });

  test('one session per person, and "Overal uitloggen" ends the sessions in every browser', async () => {
    const eerste = await alsGebruiker(env, 'manager@cz.demo');
    await eerste.page.getByRole('heading', { level: 1, name: /Welkom, Marieke Manager/ }).waitFor();
    // signing in with the password in a second browser ends the session in the first
    const tweede = await alsGebruiker(env, 'manager@cz.demo');
    await eerste.page.reload();
    await eerste.page.getByRole('button', { name: 'Inloggen' }).waitFor();

    // a third browser with its own session (made directly: a password sign-in would end the second's)
    const derde = await newPage(env.browser, env.server);
    const { cookie } = await sessieVoor(env.server, 'manager@cz.demo');
    const [naam, waarde] = cookie.split('=');
    await derde.context().addCookies([{ name: naam, value: waarde, url: env.server.url }]);
    await derde.goto('/');
    await derde.getByRole('heading', { level: 1, name: /Welkom, Marieke Manager/ }).waitFor();

    await tweede.page.getByRole('button', { name: 'Overal uitloggen' }).click();
    await tweede.page.getByRole('button', { name: 'Inloggen' }).waitFor();
    await derde.reload();
    await derde.getByRole('button', { name: 'Inloggen' }).waitFor();
    assert.equal(await derde.getByText(/Welkom, Marieke Manager/).count(), 0);
    for (const p of [eerste.page, tweede.page, derde]) await p.context().close();
  });

  test('jobs: a running job shows its progress in the header panel and on the Taken page', async () => {
    const g = await env.server.ctx.db.one<{ id: string; organisatie_id: string }>(
      `SELECT id, organisatie_id FROM gebruiker WHERE email = 'inkoper@cz.demo'`,
    );
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const taakId = await env.server.ctx.jobs.start(
      'e2e',
      'Proeftaak voor de browsertest',
      { gebruikerId: g.id, organisatieId: g.organisatie_id },
      {},
      async (progress) => {
        await progress(0.4, 'halverwege');
        await gate;
        return { ok: true };
      },
    );
    const page = await newPage(env.browser, env.server);
    // whatever happens below, let the job end (server.close() waits for running jobs)
    const timer = setTimeout(() => release(), 60_000);
    try {
      await login(page, 'inkoper@cz.demo');
      await page.getByRole('button', { name: /^Taken/ }).click();
      const panel = page.getByRole('region', { name: 'Lopende en recente taken' });
      const bar = panel.getByRole('progressbar', { name: 'Proeftaak voor de browsertest' });
      await bar.waitFor();
      assert.equal(await bar.getAttribute('aria-valuenow'), '40');
      await page.screenshot({ path: '/tmp/zorginkoop-taken.png' });
      release();
      await env.server.ctx.jobs.done(taakId);
      await panel.getByText('Klaar').waitFor();
      await panel.getByRole('link', { name: 'Alle taken' }).click();
      await page.getByRole('heading', { level: 1, name: 'Taken' }).waitFor();
      await page
        .getByRole('row', { name: /Proeftaak voor de browsertest/ })
        .getByRole('progressbar')
        .waitFor();
    } finally {
      release();
      clearTimeout(timer);
    }
    await page.context().close();
  });

  test('accessibility basics on every shell page: landmarks, one h1, labelled controls, keyboard skip link', async () => {
    const page = await newPage(env.browser, env.server);
    await page.goto('/inloggen');
    await page.getByRole('button', { name: 'Inloggen' }).waitFor();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Naar de inhoud');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'inhoud');

    const check = async (path: string) => {
      // A string, not a function: tsx would add helper calls (__name) that do not exist in the page.
      const r: {
        h1: number;
        main: number;
        header: number;
        unlabelled: string[];
        nameless: string[];
        lang: string;
        title: string;
      } = await page.evaluate(`(() => {
        function naam(e) { return (e.getAttribute('aria-label') || e.innerText || '').trim(); }
        const unlabelled = [...document.querySelectorAll('input, select, textarea')]
          .filter((e) => e.type !== 'hidden' && !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
          .map((e) => e.outerHTML.slice(0, 80));
        const nameless = [...document.querySelectorAll('button, a[href]')].filter((e) => !naam(e)).map((e) => e.outerHTML.slice(0, 80));
        return {
          h1: document.querySelectorAll('h1').length, main: document.querySelectorAll('main').length,
          header: document.querySelectorAll('header.app-header').length,
          unlabelled, nameless, lang: document.documentElement.lang, title: document.title,
        };
      })()`);
      assert.equal(r.h1, 1, `${path}: één h1`);
      assert.equal(r.main, 1, `${path}: één main`);
      assert.equal(r.header, 1, `${path}: header`);
      assert.deepEqual(r.unlabelled, [], `${path}: velden zonder label`);
      assert.deepEqual(r.nameless, [], `${path}: knoppen/links zonder naam`);
      assert.equal(r.lang, 'nl');
      assert.match(r.title, /Zorginkoop Wlz/);
    };
    await check('/inloggen');
    await login(page, 'beheerder@cz.demo');
    for (const path of [
      '/',
      '/regios',
      '/regios/5531',
      '/aanbieders',
      '/aanbieders/za-demo-0001',
      '/taken',
      '/beheer/gebruikers',
    ]) {
      await page.goto(path);
      await page.locator('h1').first().waitFor();
      await page.locator('.loading').waitFor({ state: 'detached' });
      await check(path);
    }
    await logout(page);
    await login(page, 'applicatiebeheerder@zorginkoop.demo');
    await page.goto('/beheer/regio-indeling');
    await page.locator('h1').first().waitFor();
    await page.locator('.loading').waitFor({ state: 'detached' });
    await check('/beheer/regio-indeling');
    await page.goto('/bestaat-niet');
    await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
    await page.context().close();
  });
});
