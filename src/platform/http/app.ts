/**
 * The HTTP server: Fastify with schema-validated routes under /api/v1, an OpenAPI 3.1 document,
 * problem+json errors, sessions with CSRF protection, security headers, and the web app.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.ts';
import { AppError, type Fout } from '../errors.ts';
import { mayCall, type Access, type Actor } from '../auth/roles.ts';
import { loadSession, safeEqual, SESSION_COOKIE } from '../auth/sessions.ts';

export type Api = FastifyInstance<any, any, any, any, TypeBoxTypeProvider>;

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

export function problem(
  reply: FastifyReply,
  status: number,
  code: string,
  title: string,
  extra: { fouten?: Fout[]; actie?: string; instance?: string } = {},
) {
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
  logger?: boolean;
  /** where log lines go (default stdout); tests read them to prove no personal data is logged */
  logStream?: NodeJS.WritableStream;
  serveWeb?: boolean;
}

export async function buildApp(ctx: AppContext, opts: BuildAppOptions = {}): Promise<Api> {
  const app = Fastify({
    logger: opts.logger
      ? {
          level: 'info',
          // Personal data never reaches the log: no bodies are logged, and these paths are redacted.
          redact: {
            paths: [
              'req.headers.cookie',
              'req.headers.authorization',
              '*.bsn',
              '*.wachtwoord',
              'req.headers["x-csrf-token"]',
            ],
            censor: '[verborgen]',
          },
          ...(opts.logStream ? { stream: opts.logStream } : {}),
        }
      : false,
    bodyLimit: 2 * 1024 * 1024,
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

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
      const s = await loadSession(ctx.db, token);
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

  app.setErrorHandler((err: any, req, reply) => {
    if (err instanceof AppError) {
      return problem(reply, err.status, err.code, err.message, {
        fouten: err.fouten.length ? err.fouten : undefined,
        actie: err.actie,
        instance: req.url,
      });
    }
    if (err.validation) {
      const fouten: Fout[] = err.validation.map((v: any) => ({
        waar: `${err.validationContext ?? 'body'}${v.instancePath || ''}${v.params?.missingProperty ? '/' + v.params.missingProperty : ''}`,
        wat: v.message ?? 'ongeldig',
        actie: v.params?.allowedValues ? `toegestaan: ${v.params.allowedValues.join(', ')}` : undefined,
      }));
      return problem(reply, 400, 'ongeldige-invoer', 'De invoer is ongeldig.', { fouten, instance: req.url });
    }
    if (err.statusCode && err.statusCode < 500) {
      return problem(reply, err.statusCode, err.code ?? 'fout', err.message, { instance: req.url });
    }
    req.log.error({ err }, 'onverwachte fout');
    return problem(
      reply,
      500,
      'interne-fout',
      'Er ging iets mis aan onze kant. Probeer het opnieuw; blijft het misgaan, meld dan het tijdstip aan de beheerder.',
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

  const { registerCapabilities } = await import('../../capabilities.ts');
  await app.register(
    async (api) => {
      await registerCapabilities(api as Api, ctx);
    },
    { prefix: '/api/v1' },
  );

  app.get('/api/v1/openapi.json', { config: { access: { publiek: true } }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  if (opts.serveWeb && fs.existsSync(webDist)) {
    await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false, index: 'index.html' });
  }
  await app.ready();
  return app;
}
