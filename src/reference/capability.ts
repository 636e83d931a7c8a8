/** Reference data and the region / provider overviews. */
import { Type } from '@fastify/type-provider-typebox';
import type { Capability } from '../capabilities.ts';
import { actorOf, type Api } from '../platform/http/app.ts';
import type { AppContext } from '../platform/context.ts';
import { problems } from '../platform/capability.ts';
import { notFound } from '../platform/errors.ts';
import { isAanbieder } from '../platform/auth/roles.ts';

const RegioSchema = Type.Object({
  code: Type.String(), naam: Type.String(), actief: Type.Boolean(), opmerking: Type.Union([Type.String(), Type.Null()]),
  zorgkantoorId: Type.Union([Type.String(), Type.Null()]), zorgkantoorNaam: Type.Union([Type.String(), Type.Null()]),
  indelingIsVoorbeeld: Type.Boolean(), aantalAanbieders: Type.Integer(), aantalLocaties: Type.Integer(),
});

async function routes(api: Api, ctx: AppContext) {
  api.get('/regios', {
    config: { access: { rollen: 'ingelogd', data: 'alle' } },
    schema: {
      tags: ['referentie'], summary: "Zorgkantoorregio's (COD001) met concessiehouder en aantallen",
      querystring: Type.Object({ jaar: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }),
      response: { 200: Type.Array(RegioSchema), ...problems(401) },
    },
  }, async (req) => {
    const jaar = req.query.jaar ?? ctx.now().getFullYear();
    const rows = await ctx.db.query<any>(
      `SELECT r.code, r.naam, r.actief, r.opmerking, c.organisatie_id, o.naam AS org_naam, coalesce(c.voorbeeld, false) AS voorbeeld,
              (SELECT count(DISTINCT l.organisatie_id) FROM locatie l WHERE l.regio_code = r.code) AS aanbieders,
              (SELECT count(*) FROM locatie l WHERE l.regio_code = r.code) AS locaties
       FROM regio r LEFT JOIN regio_concessie c ON c.regio_code = r.code AND c.jaar = $1 LEFT JOIN organisatie o ON o.id = c.organisatie_id
       ORDER BY r.code`, [jaar]);
    return rows.map((r) => ({ code: r.code, naam: r.naam, actief: r.actief, opmerking: r.opmerking, zorgkantoorId: r.organisatie_id, zorgkantoorNaam: r.org_naam,
      indelingIsVoorbeeld: r.voorbeeld, aantalAanbieders: Number(r.aanbieders), aantalLocaties: Number(r.locaties) }));
  });

  api.get('/aanbieders/:id', {
    config: { access: { rollen: 'ingelogd', data: 'eigen-organisatie' } },
    schema: {
      tags: ['referentie'], summary: 'Eén zorgaanbieder met locaties (een aanbieder ziet alleen zichzelf)',
      params: Type.Object({ id: Type.String() }),
      response: { 200: Type.Object({ id: Type.String(), naam: Type.String(), agb: Type.Union([Type.String(), Type.Null()]), kvk: Type.Union([Type.String(), Type.Null()]),
        locaties: Type.Array(Type.Object({ id: Type.String(), naam: Type.String(), plaats: Type.Union([Type.String(), Type.Null()]), regioCode: Type.String(), sectoren: Type.Array(Type.String()), leveringsvormen: Type.Array(Type.String()), capaciteit: Type.Union([Type.Integer(), Type.Null()]), inspectieStatus: Type.String() })) }), ...problems(401, 404) },
    },
  }, async (req) => {
    const a = actorOf(req);
    // A provider sees only itself; asking for another provider looks exactly like asking for nothing.
    if (isAanbieder(a) && a.organisatieId !== req.params.id) throw notFound('Deze zorgaanbieder');
    const o = await ctx.db.maybeOne<any>(`SELECT id, naam, agb, kvk FROM organisatie WHERE id = $1 AND soort = 'zorgaanbieder'`, [req.params.id]);
    if (!o) throw notFound('Deze zorgaanbieder');
    const locs = await ctx.db.query<any>('SELECT * FROM locatie WHERE organisatie_id = $1 ORDER BY naam', [o.id]);
    return { ...o, locaties: locs.map((l) => ({ id: l.id, naam: l.naam, plaats: l.plaats, regioCode: l.regio_code, sectoren: l.sectoren, leveringsvormen: l.leveringsvormen, capaciteit: l.capaciteit, inspectieStatus: l.inspectie_status })) };
  });
}

export const referenceCapability: Capability = { naam: 'reference', routes };
