/**
 * Input hygiene for every API route, applied centrally by app.ts:
 *
 * - `ongeldigeTekens`: NUL (0x00, refused by PostgreSQL) and lone UTF-16 surrogates (not valid
 *   Unicode; cannot be stored or encoded) anywhere in path, query or body — values and keys.
 * - `validatorCompiler`: schema validation with two Ajv instances. JSON bodies are not coerced (a
 *   JSON number stays a number, "   " is not 0); path and query strings are coerced, but an integer
 *   must be written as digits ("1e309", "0x10", "   " and 400 digits are refused). Every integer is
 *   a safe integer within PostgreSQL int4 unless its schema names other finite bounds.
 * - `ajvFouten`: the validator's findings as Dutch `{ waar, wat, actie }`.
 * - `frameworkProbleem`: router, body-parser and multipart failures as a Dutch problem.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsImport from 'ajv-formats';
import type { Fout } from '../errors.ts';

const addFormats = addFormatsImport as unknown as (ajv: Ajv) => Ajv;

export const INT4_MIN = -2147483648;
export const INT4_MAX = 2147483647;

// ───────────────────────────── NUL and lone surrogates ─────────────────────────────

// eslint-disable-next-line no-control-regex -- NUL is exactly what is looked for
const NUL = /\u0000/;
/** a high surrogate not followed by a low one, or a low one not preceded by a high one */
const LOS_SURROGAAT = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function tekstFout(s: string): string | null {
  if (NUL.test(s)) return 'bevat een NUL-teken (0x00); dat kan niet worden opgeslagen.';
  if (LOS_SURROGAAT.test(s)) return 'bevat een ongeldig Unicode-teken (een losse surrogaathelft).';
  return null;
}

/** Every string (and object key) in `v` with a NUL or a lone surrogate, as fouten under `waar`. */
export function ongeldigeTekens(v: unknown, waar: string, out: Fout[] = [], diepte = 0): Fout[] {
  if (out.length >= 20 || diepte > 64) return out;
  if (typeof v === 'string') {
    const f = tekstFout(v);
    if (f)
      out.push({
        waar,
        wat: `De tekst ${f}`,
        actie: 'Verwijder het teken (vaak meegekopieerd uit een ander programma) en probeer het opnieuw.',
      });
  } else if (Array.isArray(v)) {
    v.forEach((x, i) => ongeldigeTekens(x, `${waar}/${i}`, out, diepte + 1));
  } else if (v && typeof v === 'object' && !Buffer.isBuffer(v)) {
    for (const [k, x] of Object.entries(v)) {
      const f = tekstFout(k);
      // eslint-disable-next-line no-control-regex -- the offending characters are replaced in the path
      if (f) out.push({ waar: `${waar}/${k.replace(/[\u0000\ud800-\udfff]/g, '?')}`, wat: `De veldnaam ${f}` });
      else ongeldigeTekens(x, `${waar}/${k}`, out, diepte + 1);
    }
  }
  return out;
}

// ───────────────────────────── schema validation ─────────────────────────────

type Schema = Record<string, any>;

/** A copy of the schema (string keys only) in which every integer has finite bounds within int4. */
export function begrensGehelen(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(begrensGehelen);
  if (!s || typeof s !== 'object') return s;
  const o: Schema = {};
  for (const [k, v] of Object.entries(s)) o[k] = begrensGehelen(v);
  const types = Array.isArray(o.type) ? o.type : [o.type];
  if (types.includes('integer')) {
    if (o.minimum === undefined && o.exclusiveMinimum === undefined) o.minimum = INT4_MIN;
    if (o.maximum === undefined && o.exclusiveMaximum === undefined) o.maximum = INT4_MAX;
  }
  return o;
}

/** Which kind of number a (query/path) property expects when written as text, if any. */
function getalSoort(s: Schema | undefined): 'integer' | 'number' | null {
  if (!s) return null;
  const alts: Schema[] = s.anyOf ?? s.oneOf ?? [s];
  const types = alts.flatMap((a) => (Array.isArray(a.type) ? a.type : [a.type]));
  if (types.includes('string')) return null; // text is accepted as text
  if (types.includes('integer')) return 'integer';
  if (types.includes('number')) return 'number';
  if (types.includes('array')) return getalSoort(alts.find((a) => a.type === 'array')?.items);
  return null;
}

const GEHEEL_RE = /^[+-]?\d{1,16}$/;
const GETAL_RE = /^[+-]?\d{1,16}(\.\d{1,16})?$/;

/** Query and path values that should be numbers but are not written as plain digits. */
function tekstGetallen(schema: Schema, data: unknown): ErrorObject[] {
  if (!data || typeof data !== 'object') return [];
  const errors: ErrorObject[] = [];
  for (const [k, prop] of Object.entries<Schema>(schema.properties ?? {})) {
    const soort = getalSoort(prop);
    if (!soort) continue;
    const raw = (data as Record<string, unknown>)[k];
    for (const v of Array.isArray(raw) ? raw : [raw]) {
      if (typeof v !== 'string') continue;
      if (!(soort === 'integer' ? GEHEEL_RE : GETAL_RE).test(v))
        errors.push({
          instancePath: `/${k}`,
          schemaPath: `#/properties/${k}/type`,
          keyword: 'type',
          params: { type: soort },
          message: `must be ${soort}`,
        });
    }
  }
  return errors;
}

const gedeeld = {
  useDefaults: true,
  removeAdditional: false,
  allErrors: true,
  strictNumbers: true,
  strict: false,
  addUsedSchema: false,
} as const;

export interface ValidatorRoute {
  schema: unknown;
  httpPart?: string;
}

/** The validator compiler for app.setValidatorCompiler. */
export function maakValidatorCompiler() {
  const json = new Ajv({ ...gedeeld, coerceTypes: false });
  const tekst = new Ajv({ ...gedeeld, coerceTypes: 'array' });
  addFormats(json);
  addFormats(tekst);
  return ({ schema, httpPart }: ValidatorRoute) => {
    const s = begrensGehelen(schema) as Schema;
    if (httpPart === 'body') return json.compile(s);
    const v: ValidateFunction = tekst.compile(s);
    const wrapped = ((data: unknown) => {
      const pre = tekstGetallen(s, data);
      if (pre.length) {
        wrapped.errors = pre;
        return false;
      }
      const ok = v(data);
      wrapped.errors = v.errors ?? null;
      return ok;
    }) as ((data: unknown) => boolean) & { errors: ErrorObject[] | null };
    wrapped.errors = null;
    return wrapped;
  };
}

// ───────────────────────────── findings in Dutch ─────────────────────────────

const TYPE_NL: Record<string, string> = {
  integer: 'een geheel getal',
  number: 'een getal',
  string: 'tekst',
  boolean: 'true of false',
  object: 'een object',
  array: 'een lijst',
  null: 'leeg (null)',
};
const FORMAT_NL: Record<string, string> = {
  uuid: 'een id (UUID, bijv. 3f1c…-…)',
  email: 'een e-mailadres',
  date: 'een datum JJJJ-MM-DD',
  'date-time': 'een tijdstip (ISO 8601 met tijdzone)',
  uri: 'een webadres (URL)',
};
const DEEL_NL: Record<string, string> = {
  body: 'body',
  querystring: 'querystring',
  params: 'params',
  headers: 'headers',
};

function typeNl(t: unknown): string {
  return (Array.isArray(t) ? t : [t]).map((x) => TYPE_NL[String(x)] ?? String(x)).join(' of ');
}

/** The validator's findings as Dutch fouten; `waar` is "body/titel", "querystring/jaar", "params/id". */
export function ajvFouten(validation: ErrorObject[], context: string | undefined): Fout[] {
  const deel = DEEL_NL[context ?? 'body'] ?? context ?? 'body';
  const fouten: Fout[] = [];
  const keuzes = new Map<string, unknown[]>();
  for (const v of validation) {
    const pad = `${deel}${v.instancePath || ''}`;
    const p: any = v.params ?? {};
    switch (v.keyword) {
      case 'required':
        fouten.push({
          waar: `${pad}/${p.missingProperty}`,
          wat: 'Dit veld ontbreekt.',
          actie: 'Vul het verplichte veld in.',
        });
        break;
      case 'type':
        fouten.push({ waar: pad, wat: `Moet ${typeNl(p.type)} zijn.` });
        break;
      case 'minimum':
      case 'exclusiveMinimum':
        fouten.push({
          waar: pad,
          wat: `Moet ${v.keyword === 'minimum' ? 'minstens' : 'groter dan'} ${p.limit} zijn.`,
        });
        break;
      case 'maximum':
      case 'exclusiveMaximum':
        fouten.push({
          waar: pad,
          wat: `Mag ${v.keyword === 'maximum' ? 'hoogstens' : 'niet groter dan of gelijk aan'} ${p.limit} zijn.`,
        });
        break;
      case 'minLength':
        fouten.push({
          waar: pad,
          wat: p.limit === 1 ? 'Mag niet leeg zijn.' : `Moet minstens ${p.limit} tekens hebben.`,
        });
        break;
      case 'maxLength':
        fouten.push({ waar: pad, wat: `Mag hoogstens ${p.limit} tekens hebben.`, actie: 'Kort de tekst in.' });
        break;
      case 'minItems':
        fouten.push({ waar: pad, wat: `Moet minstens ${p.limit} element(en) bevatten.` });
        break;
      case 'maxItems':
        fouten.push({ waar: pad, wat: `Mag hoogstens ${p.limit} elementen bevatten.` });
        break;
      case 'format':
        fouten.push({ waar: pad, wat: `Moet ${FORMAT_NL[p.format] ?? `de vorm '${p.format}'`} zijn.` });
        break;
      case 'pattern':
        fouten.push({ waar: pad, wat: 'Heeft niet de vereiste vorm.' });
        break;
      case 'additionalProperties':
        fouten.push({
          waar: `${pad}/${p.additionalProperty}`,
          wat: `Onbekend veld '${p.additionalProperty}'.`,
          actie: 'Laat dit veld weg; zie /api/v1/openapi.json voor de velden.',
        });
        break;
      case 'const':
        keuzes.set(pad, [...(keuzes.get(pad) ?? []), p.allowedValue]);
        break;
      case 'enum':
        keuzes.set(pad, [...(keuzes.get(pad) ?? []), ...(p.allowedValues ?? [])]);
        break;
      case 'anyOf':
      case 'oneOf':
        if (!keuzes.has(pad) && !fouten.some((f) => f.waar === pad))
          fouten.push({ waar: pad, wat: 'Past bij geen van de toegestane vormen.' });
        break;
      default:
        fouten.push({ waar: pad, wat: `Ongeldig (${v.keyword}).` });
    }
  }
  for (const [pad, waarden] of keuzes) {
    const lijst = [...new Set(waarden.map((w) => String(w)))];
    fouten.push({ waar: pad, wat: 'Deze waarde is niet toegestaan.', actie: `Kies uit: ${lijst.join(', ')}.` });
  }
  return fouten;
}

// ───────────────────────────── router, parser and multipart failures ─────────────────────────────

export interface FrameworkProbleem {
  status: number;
  code: string;
  title: string;
  actie?: string;
  fouten?: Fout[];
}

/** A Dutch problem for errors Fastify, its router, body parsers and multipart raise; null if unknown. */
export function frameworkProbleem(err: {
  code?: string;
  message?: string;
  statusCode?: number;
}): FrameworkProbleem | null {
  const m = err.message ?? '';
  switch (err.code) {
    case 'FST_ERR_BAD_URL':
      return {
        status: 400,
        code: 'adres-ongeldig',
        title: 'Het adres (URL) is ongeldig: een deel is niet correct gecodeerd.',
        actie: 'Codeer bijzondere tekens in het adres met procentcodering (UTF-8), bijv. %20 voor een spatie.',
        fouten: [{ waar: 'url', wat: 'Ongeldige procentcodering of ongeldig UTF-8-teken in het pad.' }],
      };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return {
        status: 414,
        code: 'adres-te-lang',
        title: 'Het adres (URL) is te lang: een deel van het pad heeft meer dan 100 tekens.',
        actie: 'Controleer het id of getal in het adres.',
        fouten: [{ waar: 'params', wat: 'Een padparameter is langer dan 100 tekens.' }],
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        code: 'inhoudstype-onbekend',
        title: 'Dit inhoudstype (Content-Type) wordt hier niet ondersteund.',
        actie: 'Stuur JSON (application/json) of, bij een upload, multipart/form-data.',
      };
    case 'FST_ERR_CTP_INVALID_TYPE':
    case 'FST_ERR_CTP_EMPTY_TYPE':
      return {
        status: 415,
        code: 'inhoudstype-onbekend',
        title: 'Het inhoudstype (Content-Type) van het verzoek ontbreekt of is ongeldig.',
        actie: 'Zet Content-Type: application/json.',
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        status: 400,
        code: 'json-leeg',
        title: 'Het verzoek zegt JSON te bevatten, maar is leeg.',
        actie: 'Stuur een JSON-object, bijv. {}.',
      };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return {
        status: 400,
        code: 'json-ongeldig',
        title: 'De JSON in het verzoek is ongeldig.',
        actie: 'Controleer de JSON.',
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413,
        code: 'te-groot',
        title: 'Het verzoek is te groot.',
        actie: 'Stuur minder gegevens tegelijk of een kleiner bestand.',
      };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return {
        status: 400,
        code: 'lengte-ongeldig',
        title: 'De opgegeven lengte (Content-Length) klopt niet met de inhoud.',
        actie: 'Stuur het verzoek opnieuw.',
      };
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return {
        status: 415,
        code: 'geen-multipart',
        title: 'Stuur het document als multipart/form-data met een bestandsveld.',
        actie: 'Gebruik Content-Type: multipart/form-data; boundary=….',
      };
    case 'FST_PROTO_VIOLATION':
      return { status: 400, code: 'veldnaam-ongeldig', title: 'Een veldnaam in het formulier is niet toegestaan.' };
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return {
        status: 413,
        code: 'te-veel-delen',
        title: 'Het formulier bevat te veel velden of bestanden.',
        actie: 'Stuur één bestand per verzoek.',
      };
    case 'FST_REQ_FILE_TOO_LARGE':
      return { status: 413, code: 'te-groot', title: 'Het bestand is te groot.', actie: 'Kies een kleiner bestand.' };
    case 'FST_MP_PREMATURE_CLOSE':
      return multipartKapot();
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return { status: 400, code: 'formulier-ongeldig', title: 'Een formulierveld bevat geen geldige JSON.' };
  }
  // busboy (multipart parser) raises plain errors without a code
  if (
    /^Multipart: Boundary not found|^Unexpected end of (form|file)|^Malformed part header|^Part terminated early/.test(
      m,
    )
  )
    return multipartKapot();
  if (err instanceof SyntaxError && (err as { statusCode?: number }).statusCode === 400)
    return {
      status: 400,
      code: 'json-ongeldig',
      title: 'De JSON in het verzoek is ongeldig.',
      actie: 'Controleer de JSON.',
    };
  return null;
}

function multipartKapot(): FrameworkProbleem {
  return {
    status: 400,
    code: 'multipart-ongeldig',
    title: 'Het formulier (multipart/form-data) is onvolledig of heeft geen geldige grens (boundary).',
    actie: 'Stuur het bestand opnieuw; laat de browser of het programma de Content-Type-header met boundary zetten.',
  };
}
