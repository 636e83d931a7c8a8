/**
 * The HTTP server: Fastify with schema-validated routes under /api/v1, an OpenAPI 3.1 document,
 * problem+json errors, sessions with CSRF protection, security headers, and the web app.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { registerCapabilities, type Api, type Capability } from '../capability-type.ts';
import type { AppContext } from '../context.ts';
import { AppError, type Fout } from '../errors.ts';
import { mayCall, type Access, type Actor } from '../auth/roles.ts';
import { loadSession, safeEqual, SESSION_COOKIE } from '../auth/sessions.ts';
import { ajvFouten, frameworkProbleem, maakValidatorCompiler, ongeldigeTekens } from './invoer.ts';
import { loggerOpties, type LogOptie } from './logging.ts';

export type { Api };

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    csrf: string | null;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');
export const API_VERSION = '0.1.0';

/** Which problem code a reply carried (for the security log). */
const probleemCodes = new WeakMap<FastifyReply, string>();

/**
 * Browser features the app never uses, switched off for every response (Permissions-Policy).
 * Only features Chromium knows are named, so the browser console stays clean.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'encrypted-media=()',
  'fullscreen=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'picture-in-picture=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'sync-xhr=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

export function problem(
  reply: FastifyReply,
  status: number,
  code: string,
  title: string,
  extra: { fouten?: Fout[]; actie?: string; instance?: string; foutId?: string } = {},
) {
  probleemCodes.set(reply, code);
  return reply
    .status(status)
    .type('application/problem+json')
    .send({
      type: `https://zorginkoop.example/problemen/${code}`,
      title,
      status,
      code,
      ...extra,
    });
}

/** The signed-in actor; routes that declare roles are only reached with one. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError(401, 'niet-ingelogd', 'Niet ingelogd. Log in en probeer het opnieuw.');
  return req.actor;
}

function describeAccess(a: Access): string {
  if ('publiek' in a) return 'Toegang: publiek.';
  const rollen = a.rollen === 'ingelogd' ? 'iedere ingelogde gebruiker' : a.rollen.join(', ');
  return `Toegang: ${rollen}${a.organisaties ? ` (${a.organisaties.join(', ')})` : ''}; gegevens: ${a.data}.`;
}

export interface BuildAppOptions {
  /** the capabilities whose routes are served (the composition root's list, src/capabilities.ts) */
  capabilities: readonly Capability[];
  /** structured JSON logging (pino): true = stdout at level info; off (false) by default, as in tests */
  logger?: LogOptie;
  serveWeb?: boolean;
  /** tests only: extra routes, registered before the app is ready */
  extraRoutes?: (app: Api) => void | Promise<void>;
}

export async function buildApp(ctx: AppContext, opts: BuildAppOptions): Promise<Api> {
  const app = Fastify({
    logger: loggerOpties(opts.logger),
    bodyLimit: 2 * 1024 * 1024,
    // Router failures (bad percent-encoding, over-long path parameters) answer problem+json too.
    frameworkErrors: (err, req, reply) => {
      const p = frameworkProbleem(err) ?? { status: 400, code: 'verzoek-ongeldig', title: 'Het verzoek is ongeldig.' };
      return problem(reply, p.status, p.code, p.title, { fouten: p.fouten, actie: p.actie });
    },
    // Requests Node's HTTP parser refuses (e.g. a raw NUL in the request line) never reach Fastify.
    clientErrorHandler: clientFout,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(maakValidatorCompiler());

  app.decorateRequest('actor', null);
  app.decorateRequest('csrf', null);
  app.decorateRequest('sessionToken', null);

  // Every API route must declare who may call it and whose data it serves.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const access = (route.config as any)?.access as Access | undefined;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declareert geen toegang (config.access).`);
    if (route.schema) {
      const s = route.schema as any;
      s.description = [s.description, describeAccess(access)].filter(Boolean).join('\n\n');
      if (!('publiek' in access)) s.security = [{ sessie: [] }];
    }
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: ctx.config.cookieSecure ? [] : null,
      },
    },
    strictTransportSecurity: ctx.config.cookieSecure,
  });
  await app.register(multipart, { limits: { fileSize: 25 * 1024 * 1024, files: 10, fields: 50 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Zorginkoop Wlz API',
        version: API_VERSION,
        description:
          'API van Zorginkoop Wlz. Elke route vermeldt wie haar mag aanroepen en wiens gegevens zij toont. Fouten volgen RFC 9457 (application/problem+json).',
      },
      components: { securitySchemes: { sessie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
  });

  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const s = await loadSession(ctx.db, token, ctx.config.sessieInactiefMinuten);
      if (s) {
        req.actor = s.actor;
        req.csrf = s.csrf;
        req.sessionToken = token;
      }
    }
    const access = req.routeOptions.config?.access as Access | undefined;
    if (!access) return; // 404 handler
    const verdict = mayCall(access, req.actor);
    if (verdict === 'niet-ingelogd')
      return problem(reply, 401, 'niet-ingelogd', 'Niet ingelogd. Log in en probeer het opnieuw.');
    if (verdict === 'geen-toegang')
      return problem(reply, 403, 'geen-toegang', 'Uw rol geeft geen toegang tot deze functie.');
    // CSRF: a state-changing request with a session must carry the session's token in a header.
    if (req.actor && !['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !req.csrf || !safeEqual(sent, req.csrf)) {
        return problem(reply, 403, 'csrf', 'CSRF-controle mislukt: het verzoek mist een geldige X-CSRF-Token-header.', {
          actie: 'Vernieuw de pagina; gebruik via de API het csrfToken uit GET /api/v1/auth/sessie.',
        });
      }
    }
  });

  // NUL characters and lone surrogates are refused wherever they appear, naming the field.
  app.addHook('preValidation', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    const fouten = ongeldigeTekens(req.params, 'params');
    ongeldigeTekens(req.query, 'querystring', fouten);
    ongeldigeTekens(req.body, 'body', fouten);
    if (fouten.length)
      return problem(reply, 400, 'ongeldige-tekens', 'De invoer bevat tekens die niet kunnen worden verwerkt.', {
        fouten,
        instance: req.url.split('?')[0],
      });
  });

  // Answers that are not public are never stored by a browser or proxy; no browser features for anyone.
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    if (req.url.startsWith('/api/')) {
      const access = req.routeOptions.config?.access as Access | undefined;
      if (!access || !('publiek' in access) || req.actor) reply.header('cache-control', 'no-store');
    }
    return payload;
  });

  // Security-relevant refusals are logged (route, status, code, user id; never e-mail, BSN or body).
  app.addHook('onResponse', async (req, reply) => {
    const s = reply.statusCode;
    if (s !== 401 && s !== 403 && s !== 429) return;
    req.log.warn(
      {
        route: req.routeOptions.url ?? null,
        methode: req.method,
        status: s,
        code: probleemCodes.get(reply) ?? null,
        gebruikerId: req.actor?.gebruikerId ?? null,
      },
      'toegang geweigerd',
    );
  });

  app.setErrorHandler((err: any, req, reply) => {
    if (err instanceof AppError) {
      return problem(reply, err.status, err.code, err.message, {
        fouten: err.fouten.length ? err.fouten : undefined,
        actie: err.actie,
        instance: req.url,
      });
    }
    if (err.validation) {
      const fouten = ajvFouten(err.validation, err.validationContext);
      return problem(reply, 400, 'ongeldige-invoer', 'De invoer is ongeldig.', {
        fouten,
        instance: req.url.split('?')[0],
      });
    }
    const fw = frameworkProbleem(err);
    if (fw) return problem(reply, fw.status, fw.code, fw.title, { fouten: fw.fouten, actie: fw.actie });
    if (err.statusCode && err.statusCode < 500) {
      return problem(reply, err.statusCode, 'verzoek-ongeldig', 'Het verzoek kan niet worden verwerkt.', {
        fouten: [{ wat: String(err.message ?? 'onbekende fout') }],
        instance: req.url.split('?')[0],
      });
    }
    // Unexpected: an id the user can report; the log has the error under that id (no personal data).
    const foutId = crypto.randomUUID();
    req.log.error({ foutId, route: req.routeOptions.url ?? null, methode: req.method, err }, 'onverwachte fout');
    return problem(
      reply,
      500,
      'interne-fout',
      `Er ging iets mis aan onze kant. Probeer het opnieuw; blijft het misgaan, meld dan foutcode ${foutId} aan de beheerder.`,
      { foutId, actie: `Meld foutcode ${foutId} aan de beheerder; die vindt de fout onder die code in het serverlog.` },
    );
  });

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !opts.serveWeb || !fs.existsSync(path.join(webDist, 'index.html'))) {
      return problem(reply, 404, 'niet-gevonden', `Geen route voor ${req.method} ${req.url.split('?')[0]}.`, {
        actie: 'Zie /api/v1/openapi.json voor de beschikbare routes.',
      });
    }
    return reply.type('text/html').sendFile('index.html');
  });

  app.get('/healthz', { config: {}, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (req, reply) => {
    try {
      await ctx.db.query('SELECT 1 FROM schema_migratie LIMIT 1');
      return { status: 'ok', database: ctx.db.kind };
    } catch (e) {
      return reply.status(503).send({ status: 'niet-gereed', reden: (e as Error).message });
    }
  });

  await app.register(
    async (api) => {
      await registerCapabilities(api as Api, ctx, opts.capabilities);
    },
    { prefix: '/api/v1' },
  );

  app.get('/api/v1/openapi.json', { config: { access: { publiek: true } }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  if (opts.extraRoutes) await opts.extraRoutes(app as Api);

  if (opts.serveWeb && fs.existsSync(webDist)) {
    await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false, index: 'index.html' });
  }
  await app.ready();
  return app;
}

/** Requests Node's HTTP parser refuses: a problem+json answer instead of Fastify's bare JSON. */
function clientFout(err: NodeJS.ErrnoException, socket: Duplex) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, title] =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'time-out', 'Het verzoek duurde te lang.']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers-te-groot', 'De headers van het verzoek zijn te groot.']
        : err.code === 'HPE_URI_TOO_LONG'
          ? [414, 'adres-te-lang', 'Het adres (URL) is te lang.']
          : [
              400,
              'verzoek-ongeldig',
              'Het verzoek is geen geldig HTTP-verzoek (bijv. een ongeldig teken in het adres).',
            ];
  const body = JSON.stringify({ type: `https://zorginkoop.example/problemen/${code}`, title, status, code });
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nPermissions-Policy: ${PERMISSIONS_POLICY}\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(err);
}
