/** Platform routes and commands: sign-in, sessions, jobs, audit log, users, migrations. */
import fs from 'node:fs';
import { Type } from '@fastify/type-provider-typebox';
import type { Capability } from './capability-type.ts';
import { actorOf, type Api } from './http/app.ts';
import type { AppContext } from './context.ts';
import crypto from 'node:crypto';
import { hashPassword, prepareLoginCheck, verifyLogin, MIN_PASSWORD_LENGTH } from './auth/password.ts';
import {
  createSession,
  deleteSession,
  deleteSessionsOf,
  loadSession,
  purgeExpiredSessions,
  SESSION_COOKIE,
  SESSION_HOURS,
} from './auth/sessions.ts';
import { BackOff, PER_ACCOUNT_EN_ADRES, PER_ADRES } from './auth/ratelimit.ts';
import { ROLLEN, ROLLEN_PER_SOORT, type Actor, type Rol, type OrganisatieSoort } from './auth/roles.ts';
import { appendAudit, auditActor, verifyAudit, type AuditRij } from './audit.ts';
import { AppError, badRequest, notFound } from './errors.ts';
import { migrate } from './db/migrate.ts';
import { oidcClient } from './auth/oidc.ts';
import { problems } from './http/problems.ts';

const ActorSchema = Type.Object({
  gebruikerId: Type.String(),
  naam: Type.String(),
  email: Type.String(),
  organisatieId: Type.String(),
  organisatieNaam: Type.String(),
  organisatieSoort: Type.String(),
  rollen: Type.Array(Type.String()),
  taal: Type.String(),
});
const SessieSchema = Type.Object({ gebruiker: ActorSchema, csrfToken: Type.String() });
const TaakSchema = Type.Object({
  id: Type.String(),
  soort: Type.String(),
  omschrijving: Type.String(),
  status: Type.String(),
  voortgang: Type.String(),
  stap: Type.Union([Type.String(), Type.Null()]),
  fout: Type.Union([Type.String(), Type.Null()]),
  resultaat: Type.Unknown(),
  aangemaaktOp: Type.String(),
  klaarOp: Type.Union([Type.String(), Type.Null()]),
});

function cookieOpts(ctx: AppContext) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: ctx.config.cookieSecure,
    maxAge: SESSION_HOURS * 3600,
  };
}

/** "45 seconden", "1 minuut", "15 minuten": how long to wait, for the 429 message. */
function wachttijd(sec: number): string {
  if (sec < 60) return sec === 1 ? '1 seconde' : `${sec} seconden`;
  const min = Math.ceil(sec / 60);
  return min === 1 ? '1 minuut' : `${min} minuten`;
}

async function routes(api: Api, ctx: AppContext) {
  // Failed sign-ins slow down with exponential back-off (src/platform/auth/ratelimit.ts): strictly per
  // (account, source address), loosely per source address. Nothing is locked; a person signing in from
  // another address than the one guessing their password is not held up.
  const perPaar = new BackOff(PER_ACCOUNT_EN_ADRES);
  const perAdres = new BackOff(PER_ADRES);
  // the account part of the key: a hash, so the limiter's memory holds no e-mail addresses
  const accountSleutel = (email: string) => crypto.createHash('sha256').update(email).digest('hex').slice(0, 32);
  await prepareLoginCheck(ctx.config.passwordHashCost);
  api.post(
    '/auth/login',
    {
      config: { access: { publiek: true } },
      schema: {
        tags: ['auth'],
        summary: 'Inloggen met e-mail en wachtwoord',
        description:
          'Een geslaagde aanmelding met wachtwoord beëindigt de eerdere sessies van dezelfde gebruiker (één sessie per persoon). ' +
          'Mislukte pogingen vertragen exponentieel per combinatie van account en adres en, ruimer, per adres: dan 429 met Retry-After.',
        body: Type.Object({
          email: Type.String({ minLength: 3, maxLength: 200 }),
          wachtwoord: Type.String({ minLength: 1, maxLength: 200 }),
        }),
        response: { 200: SessieSchema, ...problems(400, 401, 429) },
      },
    },
    async (req, reply) => {
      const email = req.body.email.trim().toLowerCase();
      const paar = `${accountSleutel(email)}|${req.ip}`;
      const wachtPaar = perPaar.retryAfter(paar);
      const wachtAdres = perAdres.retryAfter(req.ip);
      const wait = Math.max(wachtPaar, wachtAdres);
      if (wait > 0) {
        req.log.warn(
          {
            event: 'auth.backoff-geweigerd',
            sleutel: wachtPaar >= wachtAdres ? 'account-en-adres' : 'adres',
            wachtSeconden: wait,
          },
          'inlogpoging geweigerd tijdens back-off',
        );
        reply.header('retry-after', String(wait));
        throw new AppError(
          429,
          'te-veel-pogingen',
          `Te veel mislukte inlogpogingen. Wacht ${wachttijd(wait)} en probeer het dan opnieuw.`,
          {
            actie:
              'Controleer uw e-mailadres en wachtwoord. Wachtwoord vergeten? Vraag de beheerder van uw organisatie om een nieuw wachtwoord.',
          },
        );
      }
      const g = await ctx.db.maybeOne<{ id: string; wachtwoord_hash: string | null; actief: boolean }>(
        'SELECT id, wachtwoord_hash, actief FROM gebruiker WHERE lower(email) = $1',
        [email],
      );
      // An unknown address is checked against a dummy hash: the same argon2 work, so the answer time
      // does not tell which e-mail addresses have an account.
      const ok = await verifyLogin(g?.wachtwoord_hash, req.body.wachtwoord, ctx.config.passwordHashCost);
      if (!g || !ok || !g.actief) {
        const nuPaar = perPaar.fail(paar);
        const nuAdres = perAdres.fail(req.ip);
        const gebruikerId = g?.id ?? null;
        req.log.warn(
          {
            event: 'auth.inloggen-mislukt',
            gebruikerId,
            reden: !g ? 'onbekend-account' : !ok ? 'wachtwoord-onjuist' : 'account-inactief',
            pogingen: perPaar.failures(paar),
          },
          'inloggen mislukt',
        );
        if (nuPaar > 0 || nuAdres > 0) {
          req.log.warn(
            {
              event: 'auth.backoff',
              gebruikerId,
              sleutel: nuPaar >= nuAdres ? 'account-en-adres' : 'adres',
              wachtSeconden: Math.max(nuPaar, nuAdres),
            },
            'back-off na mislukte inlogpogingen',
          );
        }
        throw new AppError(401, 'inloggen-mislukt', 'E-mailadres of wachtwoord onjuist.');
      }
      perPaar.succeed(paar);
      // One session per person: a password sign-in ends this person's earlier sessions (another browser,
      // a forgotten computer). Expired sessions of everyone are purged here too.
      const { sessie, beeindigd, opgeruimd } = await ctx.db.tx(async (t) => {
        const beeindigd = await deleteSessionsOf(t, g.id);
        const opgeruimd = await purgeExpiredSessions(t, ctx.config.sessieInactiefMinuten);
        return { sessie: await createSession(t, g.id), beeindigd, opgeruimd };
      });
      req.log.info(
        { event: 'auth.ingelogd', gebruikerId: g.id, methode: 'wachtwoord', beeindigdeSessies: beeindigd, opgeruimd },
        'ingelogd',
      );
      reply.setCookie(SESSION_COOKIE, sessie.token, cookieOpts(ctx));
      const loaded = (await loadSession(ctx.db, sessie.token, ctx.config.sessieInactiefMinuten))!;
      return { gebruiker: loaded.actor, csrfToken: sessie.csrf };
    },
  );

  api.post(
    '/auth/logout',
    {
      config: { access: { rollen: 'ingelogd', data: 'eigen-organisatie' } },
      schema: { tags: ['auth'], summary: 'Uitloggen', response: { 204: Type.Null(), ...problems(401, 403) } },
    },
    async (req, reply) => {
      if (req.sessionToken) await deleteSession(ctx.db, req.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/auth/uitloggen-overal',
    {
      config: { access: { rollen: 'ingelogd', data: 'eigen-organisatie' } },
      schema: {
        tags: ['auth'],
        summary: 'Overal uitloggen: beëindigt alle sessies van de ingelogde gebruiker, op elk apparaat, ook deze',
        response: {
          200: Type.Object({ beeindigdeSessies: Type.Integer({ minimum: 1 }) }),
          ...problems(401, 403),
        },
      },
    },
    async (req, reply) => {
      const a = actorOf(req);
      const n = await ctx.db.tx(async (t) => {
        const n = await deleteSessionsOf(t, a.gebruikerId);
        await appendAudit(t, auditActor(a), {
          actie: 'auth.uitloggen-overal',
          onderwerpType: 'gebruiker',
          onderwerpId: a.gebruikerId,
          invoer: {},
          resultaat: { beeindigdeSessies: n },
        });
        return n;
      });
      req.log.info(
        { event: 'auth.uitloggen-overal', gebruikerId: a.gebruikerId, beeindigdeSessies: n },
        'overal uitgelogd',
      );
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { beeindigdeSessies: n };
    },
  );

  api.get(
    '/auth/sessie',
    {
      config: { access: { rollen: 'ingelogd', data: 'eigen-organisatie' } },
      schema: {
        tags: ['auth'],
        summary: 'De ingelogde gebruiker en het CSRF-token',
        response: { 200: SessieSchema, ...problems(401) },
      },
    },
    async (req) => ({ gebruiker: actorOf(req), csrfToken: req.csrf! }),
  );

  api.put(
    '/auth/taal',
    {
      config: { access: { rollen: 'ingelogd', data: 'eigen-organisatie' } },
      schema: {
        tags: ['auth'],
        summary: 'Taal van de gebruiker kiezen',
        body: Type.Object({ taal: Type.Union([Type.Literal('nl'), Type.Literal('en')]) }),
        response: { 204: Type.Null(), ...problems(400, 401, 403) },
      },
    },
    async (req, reply) => {
      await ctx.db.query('UPDATE gebruiker SET taal = $2 WHERE id = $1', [actorOf(req).gebruikerId, req.body.taal]);
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/auth/methoden',
    {
      config: { access: { publiek: true } },
      schema: {
        tags: ['auth'],
        summary:
          'Beschikbare inlogmethoden voor de inlogpagina (wachtwoord; OpenID Connect met de naam van de identity provider, of null)',
        response: {
          200: Type.Object({
            wachtwoord: Type.Boolean(),
            oidc: Type.Union([Type.Object({ naam: Type.String() }), Type.Null()]),
          }),
        },
      },
    },
    async () => {
      const o = ctx.config.oidc;
      let naam = o?.naam;
      if (o && !naam) {
        try {
          naam = new URL(o.issuer).hostname;
        } catch {
          naam = o.issuer;
        }
      }
      return { wachtwoord: true, oidc: o ? { naam: naam! } : null };
    },
  );

  api.get(
    '/auth/oidc',
    {
      config: { access: { publiek: true } },
      schema: {
        tags: ['auth'],
        summary: 'Inloggen via OpenID Connect (indien ingesteld)',
        response: { 302: Type.Null(), ...problems(404, 503) },
      },
    },
    async (_req, reply) => {
      if (!ctx.config.oidc)
        throw new AppError(404, 'oidc-uit', 'Inloggen via OpenID Connect is niet ingesteld.', {
          actie: 'Zet OIDC_ISSUER, OIDC_CLIENT_ID en OIDC_REDIRECT_URI.',
        });
      const c = await oidcBereikbaar(ctx.config.oidc);
      const { url, verifier, state } = await c.authorizationUrl();
      reply.setCookie('zk_oidc', JSON.stringify({ verifier, state }), { ...cookieOpts(ctx), maxAge: 600 });
      return reply.redirect(url);
    },
  );

  api.get(
    '/auth/oidc/callback',
    {
      config: { access: { publiek: true } },
      schema: {
        tags: ['auth'],
        summary: 'Terugkeer van de identity provider',
        response: { 302: Type.Null(), ...problems(400, 401, 404, 503) },
      },
    },
    async (req, reply) => {
      if (!ctx.config.oidc) throw new AppError(404, 'oidc-uit', 'Inloggen via OpenID Connect is niet ingesteld.');
      const saved = leesOidcCookie(req.cookies.zk_oidc);
      if (!saved) throw badRequest('oidc-sessie', 'De inlogpoging is verlopen; begin opnieuw.');
      const c = await oidcBereikbaar(ctx.config.oidc);
      const claims = await c
        .callback(new URL(req.url, ctx.config.oidc.redirectUri), saved.verifier, saved.state)
        .catch(() => {
          throw new AppError(401, 'oidc-mislukt', 'Het inloggen bij uw organisatie is mislukt of verlopen.', {
            actie: 'Begin opnieuw met inloggen.',
          });
        });
      const g = await ctx.db.maybeOne<{ id: string }>(
        'SELECT id FROM gebruiker WHERE actief AND (oidc_subject = $1 OR (oidc_subject IS NULL AND lower(email) = lower($2)))',
        [claims.subject, claims.email ?? ''],
      );
      if (!g)
        throw new AppError(
          401,
          'oidc-onbekend',
          'U bent aangemeld bij uw organisatie, maar heeft nog geen account in Zorginkoop Wlz.',
          { actie: 'Vraag de beheerder van uw organisatie om een account.' },
        );
      await ctx.db.query('UPDATE gebruiker SET oidc_subject = $2 WHERE id = $1', [g.id, claims.subject]);
      // The identity provider governs sign-in here (its own sessions, MFA): earlier sessions stay; expired ones are purged.
      await purgeExpiredSessions(ctx.db, ctx.config.sessieInactiefMinuten);
      const s = await createSession(ctx.db, g.id);
      req.log.info({ event: 'auth.ingelogd', gebruikerId: g.id, methode: 'oidc' }, 'ingelogd');
      reply.clearCookie('zk_oidc', { path: '/' });
      reply.setCookie(SESSION_COOKIE, s.token, cookieOpts(ctx));
      return reply.redirect('/');
    },
  );

  api.get(
    '/taken/:id',
    {
      config: { access: { rollen: 'ingelogd', data: 'eigen-organisatie' } },
      schema: {
        tags: ['taken'],
        summary: 'Voortgang van een taak',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: TaakSchema, ...problems(401, 404) },
      },
    },
    async (req) => {
      const t = await ctx.jobs.get(req.params.id);
      if (!t || (t.organisatie_id && t.organisatie_id !== actorOf(req).organisatieId)) throw notFound('Deze taak');
      return taakOut(t);
    },
  );

  api.get(
    '/taken',
    {
      config: { access: { rollen: 'ingelogd', data: 'eigen-organisatie' } },
      schema: {
        tags: ['taken'],
        summary: 'Recente taken van de eigen organisatie',
        response: { 200: Type.Array(TaakSchema), ...problems(401) },
      },
    },
    async (req) => {
      const rows = await ctx.db.query<TaakRij>(
        'SELECT * FROM taak WHERE organisatie_id = $1 ORDER BY aangemaakt_op DESC LIMIT 50',
        [actorOf(req).organisatieId],
      );
      return rows.map(taakOut);
    },
  );

  api.get(
    '/audit',
    {
      config: {
        access: { rollen: ['manager', 'controller', 'toezichthouder', 'beheerder'], data: 'eigen-organisatie' },
      },
      schema: {
        tags: ['audit'],
        summary: 'Auditregels (eigen organisatie; toezichthouder: alle)',
        querystring: Type.Object({
          onderwerpType: Type.Optional(Type.String()),
          onderwerpId: Type.Optional(Type.String()),
          limiet: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
        }),
        response: {
          200: Type.Array(
            Type.Object({
              volgnummer: Type.Integer(),
              tijd: Type.String(),
              actorNaam: Type.Union([Type.String(), Type.Null()]),
              organisatieId: Type.Union([Type.String(), Type.Null()]),
              actie: Type.String(),
              onderwerpType: Type.String(),
              onderwerpId: Type.String(),
              invoer: Type.Unknown(),
              resultaat: Type.Unknown(),
              regel: Type.Union([Type.String(), Type.Null()]),
              hash: Type.String(),
            }),
          ),
          ...problems(401, 403),
        },
      },
    },
    async (req) => {
      const a = actorOf(req);
      const all = a.rollen.includes('toezichthouder');
      const rows = await ctx.db.query<AuditRij>(
        `SELECT * FROM audit_regel WHERE ($1::text IS NULL OR organisatie_id = $1) AND ($2::text IS NULL OR onderwerp_type = $2) AND ($3::text IS NULL OR onderwerp_id = $3)
       ORDER BY volgnummer DESC LIMIT $4`,
        [
          all ? null : a.organisatieId,
          req.query.onderwerpType ?? null,
          req.query.onderwerpId ?? null,
          req.query.limiet ?? 100,
        ],
      );
      return rows.map((r) => ({
        volgnummer: Number(r.volgnummer),
        tijd: new Date(r.tijd).toISOString(),
        actorNaam: r.actor_naam,
        organisatieId: r.organisatie_id,
        actie: r.actie,
        onderwerpType: r.onderwerp_type,
        onderwerpId: r.onderwerp_id,
        invoer: r.invoer,
        resultaat: r.resultaat,
        regel: r.regel,
        hash: r.hash,
      }));
    },
  );

  api.get(
    '/audit/verificatie',
    {
      config: { access: { rollen: ['toezichthouder', 'beheerder', 'controller'], data: 'alle' } },
      schema: {
        tags: ['audit'],
        summary: 'Controleer de hele hashketen van het auditlog',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            gecontroleerd: Type.Integer(),
            kopHash: Type.String(),
            fout: Type.Optional(Type.Object({ volgnummer: Type.Integer(), reden: Type.String() })),
          }),
          ...problems(401, 403),
        },
      },
    },
    async () => verifyAudit(ctx.db),
  );

  api.get(
    '/gebruikers',
    {
      config: { access: { rollen: ['beheerder'], data: 'eigen-organisatie' } },
      schema: {
        tags: ['beheer'],
        summary: 'Gebruikers van de eigen organisatie',
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              email: Type.String(),
              naam: Type.String(),
              rollen: Type.Array(Type.String()),
              actief: Type.Boolean(),
            }),
          ),
          ...problems(401, 403),
        },
      },
    },
    async (req) =>
      ctx.db.query('SELECT id, email, naam, rollen, actief FROM gebruiker WHERE organisatie_id = $1 ORDER BY naam', [
        actorOf(req).organisatieId,
      ]),
  );

  api.post(
    '/gebruikers',
    {
      config: { access: { rollen: ['beheerder'], data: 'eigen-organisatie' } },
      schema: {
        tags: ['beheer'],
        summary: 'Gebruiker aanmaken in de eigen organisatie',
        body: Type.Object({
          email: Type.String({ format: 'email' }),
          naam: Type.String({ minLength: 1 }),
          rollen: Type.Array(Type.Union(ROLLEN.map((r) => Type.Literal(r))), { minItems: 1 }),
          wachtwoord: Type.String({ minLength: MIN_PASSWORD_LENGTH }),
        }),
        response: { 201: Type.Object({ id: Type.String() }), ...problems(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const a = actorOf(req);
      const id = await createUser(ctx, a, {
        ...req.body,
        organisatieId: a.organisatieId,
        rollen: req.body.rollen as Rol[],
      });
      return reply.status(201).send({ id });
    },
  );
}

/** The state cookie of an OIDC login ({ verifier, state }), or null when absent or malformed. */
function leesOidcCookie(v: string | undefined): { verifier: string; state: string } | null {
  if (!v) return null;
  try {
    const o = JSON.parse(v);
    return o && typeof o.verifier === 'string' && typeof o.state === 'string' ? o : null;
  } catch {
    return null;
  }
}

/** The OIDC client; an unreachable or misconfigured identity provider answers 503, not 500. */
async function oidcBereikbaar(cfg: NonNullable<AppContext['config']['oidc']>) {
  try {
    return await oidcClient(cfg);
  } catch {
    throw new AppError(503, 'oidc-onbereikbaar', 'De inlogdienst van uw organisatie is nu niet bereikbaar.', {
      actie: 'Probeer het over enkele minuten opnieuw; blijft het misgaan, meld het aan de beheerder.',
    });
  }
}

/** A row of table taak as the routes read it. */
interface TaakRij {
  id: string;
  soort: string;
  omschrijving: string;
  status: string;
  voortgang: string | number;
  stap: string | null;
  fout: string | null;
  resultaat: unknown;
  aangemaakt_op: Date | string;
  klaar_op: Date | string | null;
}

function taakOut(t: TaakRij) {
  return {
    id: t.id,
    soort: t.soort,
    omschrijving: t.omschrijving,
    status: t.status,
    voortgang: String(t.voortgang),
    stap: t.stap,
    fout: t.fout,
    resultaat: t.resultaat ?? null,
    aangemaaktOp: new Date(t.aangemaakt_op).toISOString(),
    klaarOp: t.klaar_op ? new Date(t.klaar_op).toISOString() : null,
  };
}

/** Creates a user; roles must fit the organisation's kind. Audited. */
export async function createUser(
  ctx: AppContext,
  by: Actor | null,
  u: { email: string; naam: string; organisatieId: string; rollen: Rol[]; wachtwoord?: string },
): Promise<string> {
  const org = await ctx.db.maybeOne<{ soort: OrganisatieSoort }>('SELECT soort FROM organisatie WHERE id = $1', [
    u.organisatieId,
  ]);
  if (!org) throw badRequest('organisatie-onbekend', `Organisatie ${u.organisatieId} bestaat niet.`);
  const wrong = u.rollen.filter((r) => !ROLLEN_PER_SOORT[org.soort].includes(r));
  if (wrong.length)
    throw badRequest('rol-past-niet', `Rol ${wrong.join(', ')} past niet bij een organisatie van soort ${org.soort}.`, {
      actie: `Kies uit: ${ROLLEN_PER_SOORT[org.soort].join(', ')}.`,
    });
  if (u.wachtwoord !== undefined && u.wachtwoord.length < MIN_PASSWORD_LENGTH)
    throw badRequest('wachtwoord-kort', `Een wachtwoord heeft minstens ${MIN_PASSWORD_LENGTH} tekens.`);
  const hash = u.wachtwoord ? await hashPassword(u.wachtwoord, ctx.config.passwordHashCost) : null;
  return ctx.db.tx(async (t) => {
    const exists = await t.maybeOne('SELECT 1 FROM gebruiker WHERE lower(email) = lower($1)', [u.email]);
    if (exists) throw new AppError(409, 'email-bestaat', `Er is al een gebruiker met e-mailadres ${u.email}.`);
    const row = await t.one<{ id: string }>(
      'INSERT INTO gebruiker (email, naam, organisatie_id, rollen, wachtwoord_hash) VALUES ($1,$2,$3,$4,$5) RETURNING id',
      [u.email.toLowerCase(), u.naam, u.organisatieId, u.rollen, hash],
    );
    await appendAudit(t, by ? auditActor(by) : { gebruikerId: null, naam: 'systeem', organisatieId: null }, {
      actie: 'gebruiker.aangemaakt',
      onderwerpType: 'gebruiker',
      onderwerpId: row.id,
      invoer: { email: u.email, organisatieId: u.organisatieId, rollen: u.rollen },
    });
    return row.id;
  });
}

export const platformCapability: Capability = {
  naam: 'platform',
  routes,
  cli(program, cli) {
    program
      .command('migrate')
      .description('voer databasemigraties uit')
      .action(async (_o, cmd) => {
        await cli.run(cmd, async (ctx, out) => {
          out.result({ ok: true, database: ctx.db.kind }, () => `Database is bijgewerkt (${ctx.db.kind}).`);
        });
      });
    const audit = program.command('audit').description('auditlog');
    audit
      .command('verify')
      .description('controleer de hashketen van het auditlog; exit 1 bij manipulatie')
      .action(async (_o, cmd) => {
        await cli.run(cmd, async (ctx, out) => {
          const bar = out.progress('auditketen controleren');
          const r = await verifyAudit(ctx.db, (d, t) => bar(t ? d / t : 1));
          bar.end();
          if (!r.ok) {
            throw new AppError(
              1,
              'audit-gemanipuleerd',
              `Auditlog NIET intact: regel ${r.fout!.volgnummer}: ${r.fout!.reden}. ${r.gecontroleerd} regels daarvoor zijn in orde.`,
              {
                actie:
                  'Meld dit aan de functionaris gegevensbescherming; herstel uit een back-up en vergelijk met de laatst gepubliceerde kophash.',
              },
            );
          }
          out.result(r, (x) => `Auditlog intact: ${x.gecontroleerd} regels gecontroleerd. Kophash: ${x.kopHash}`);
        });
      });
    program
      .command('gebruiker-toevoegen')
      .description('maak een gebruiker aan')
      .requiredOption('--email <email>')
      .requiredOption('--naam <naam>')
      .requiredOption('--organisatie <id>')
      .requiredOption('--rollen <rollen>', 'komma-gescheiden, bijv. inkoper,beoordelaar')
      .option('--wachtwoord-bestand <pad>', 'bestand met het wachtwoord (niet op de opdrachtregel)')
      .action(async (o, cmd) => {
        await cli.run(cmd, async (ctx, out) => {
          const rollen = String(o.rollen)
            .split(',')
            .map((s: string) => s.trim()) as Rol[];
          const bad = rollen.filter((r) => !(ROLLEN as readonly string[]).includes(r));
          if (bad.length)
            throw badRequest('rol-onbekend', `Onbekende rol: ${bad.join(', ')}.`, {
              actie: `Kies uit ${ROLLEN.join(', ')}.`,
            });
          const wachtwoord = o.wachtwoordBestand ? fs.readFileSync(o.wachtwoordBestand, 'utf8').trim() : undefined;
          const id = await createUser(ctx, null, {
            email: o.email,
            naam: o.naam,
            organisatieId: o.organisatie,
            rollen,
            wachtwoord,
          });
          out.result({ id }, () => `Gebruiker ${o.email} aangemaakt.`);
        });
      });
  },
};

export { migrate };
