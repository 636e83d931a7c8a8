/**
 * OCDS 1.1 (Open Contracting Data Standard) export of one procurement procedure as a release
 * package. Published information only: the published version of the kader, its periods, the
 * number of bids once the submission deadline has passed, and final awards and contracts.
 * Never: bid contents, scores, provisional awards, personal data. Lots and bid statistics use the
 * official lots and bids extensions (listed in `extensions`).
 */
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { voorDeadline } from '../../domain/inkoop/timeline.ts';
import { geldendeTermijnen } from '../kader.ts';
import { UITKOMST_TEKST, type Uitkomst } from '../../domain/inkoop/uitkomst.ts';
import { isUuid } from '../../platform/validatie.ts';
import * as store from './store.ts';

export const OCID_PREFIX = 'ocds-zkwlz-';
export const OCDS_EXTENSIONS = [
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json',
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json',
];

const METHOD: Record<string, { method: string; details: string }> = {
  openbaar: { method: 'open', details: 'Openbare procedure' },
  onderhandeling_voorselectie: {
    method: 'selective',
    details: 'Procedure van onderhandeling met voorafgaande bekendmaking',
  },
  dialoog: { method: 'open', details: 'Dialoogmodel (inkoopkader 2016)' },
  open_house: { method: 'open', details: 'Open house' },
  best_value: { method: 'open', details: 'Best value / prestatie-inkoop' },
};
const SECTOR_NAAM: Record<string, string> = {
  VV: 'Verpleging en verzorging (V&V)',
  GZ: 'Gehandicaptenzorg (GZ)',
  GGZ: 'Langdurige geestelijke gezondheidszorg (GGZ)',
};
const UIT_DB: Record<string, Uitkomst> = {
  geen: 'geen-overeenkomst',
  eenjarig_basis: 'eenjarig-basistarief',
  eenjarig_opslag: 'eenjarig-opslag',
  tweejarig: 'tweejarig-opslag',
  bestvalue: 'bestvalue-overeenkomst',
  kader2008: 'overeenkomst-2008',
};

export interface OcdsBron {
  kader: {
    id: string;
    titel: string;
    omschrijving: string | null;
    sector: string;
    jaarVan: number;
    jaarTot: number;
    procedureType: string;
    fase: string;
    versie: number | null;
    gepubliceerdOp: Date;
    regios: string[];
  };
  koper: { id: string; naam: string; kvk: string | null };
  termijnen: { fase: string; begintOp: Date | null; eindigtOp: Date | null }[];
  /** null while bids are sealed (before the submission deadline) */
  aantalInschrijvingen: number | null;
  /** final awards only; for open house also the admissions (raam: the framework contract's term) */
  gunningen: {
    id: string;
    aanbieder: { id: string; naam: string; kvk: string | null; agb: string | null };
    uitkomst: string;
    looptijdJaren: number;
    besloten: Date;
    raam?: { ingangsdatum: string; einddatum: string };
  }[];
  overeenkomsten: {
    id: string;
    gunningId: string;
    ingangsdatum: string;
    einddatum: string;
    status: string;
    aangemaakt: Date;
    geaccepteerd: Date | null;
  }[];
}

const isoT = (d: Date | null | undefined) => (d ? new Date(d).toISOString().replace(/\.\d{3}Z$/, 'Z') : undefined);
const dagBegin = (d: string) => `${d}T00:00:00+01:00`;
const dagEind = (d: string) => `${d}T23:59:59+01:00`;

function periode(t: OcdsBron['termijnen'], van: string, tot = van) {
  const a = t.find((x) => x.fase === van);
  const b = t.find((x) => x.fase === tot);
  if (!a && !b) return undefined;
  const p: Record<string, string> = {};
  const s = isoT(a?.begintOp ?? a?.eindigtOp);
  const e = isoT(b?.eindigtOp ?? b?.begintOp);
  if (s) p.startDate = s;
  if (e) p.endDate = e;
  return Object.keys(p).length ? p : undefined;
}

function partij(o: { id: string; naam: string; kvk: string | null }, roles: string[]) {
  return {
    id: o.id,
    name: o.naam,
    ...(o.kvk ? { identifier: { scheme: 'NL-KVK', id: o.kvk, legalName: o.naam } } : {}),
    roles,
  };
}

/** Maps published facts to an OCDS 1.1 release package. Pure. */
export function ocdsPakket(
  b: OcdsBron,
  nu: Date,
  basisUrl = 'https://zorginkoop.example/api/v1',
): Record<string, unknown> {
  const k = b.kader;
  const ocid = `${OCID_PREFIX}${k.id}`;
  const tenderStatus =
    k.fase === 'ingetrokken'
      ? 'cancelled'
      : ['definitieve_gunning', 'afgerond'].includes(k.fase)
        ? 'complete'
        : 'active';
  const lotId = `lot-${k.sector}`;
  const parties = new Map<string, any>();
  parties.set(b.koper.id, partij(b.koper, ['buyer', 'procuringEntity']));
  const supplierIds = new Set(
    b.gunningen.filter((g) => UIT_DB[g.uitkomst] !== 'geen-overeenkomst').map((g) => g.aanbieder.id),
  );
  for (const g of b.gunningen) {
    // A final award makes the bidder's participation public (tenderer); a contract outcome also makes it a supplier.
    parties.set(g.aanbieder.id, {
      ...partij(g.aanbieder, supplierIds.has(g.aanbieder.id) ? ['tenderer', 'supplier'] : ['tenderer']),
      ...(g.aanbieder.agb ? { additionalIdentifiers: [{ scheme: 'NL-AGB', id: g.aanbieder.agb }] } : {}),
    });
  }
  const method = METHOD[k.procedureType] ?? { method: 'open', details: k.procedureType };
  const tender: Record<string, unknown> = {
    id: `${ocid}-tender`,
    title: k.titel,
    ...(k.omschrijving ? { description: k.omschrijving } : {}),
    status: tenderStatus,
    procuringEntity: { id: b.koper.id, name: b.koper.naam },
    items: [
      {
        id: `sector-${k.sector}`,
        description: `Wlz-zorg ${SECTOR_NAAM[k.sector] ?? k.sector}, ${k.jaarVan}${k.jaarTot !== k.jaarVan ? `–${k.jaarTot}` : ''}${k.regios.length ? `, regio's ${k.regios.join(', ')}` : ''}`,
        relatedLot: lotId,
      },
    ],
    lots: [{ id: lotId, title: SECTOR_NAAM[k.sector] ?? k.sector, status: tenderStatus }],
    procurementMethod: method.method,
    procurementMethodDetails: method.details,
    mainProcurementCategory: 'services',
    submissionMethod: ['electronicSubmission'],
    submissionMethodDetails: 'Via Zorginkoop Wlz',
    hasEnquiries: b.termijnen.some((t) => t.fase === 'vragen'),
    contractPeriod: { startDate: dagBegin(`${k.jaarVan}-01-01`), endDate: dagEind(`${k.jaarTot}-12-31`) },
  };
  const tp = periode(b.termijnen, 'publicatie', 'inschrijving');
  const ins = b.termijnen.find((t) => t.fase === 'inschrijving');
  if (tp || ins)
    tender.tenderPeriod = {
      startDate: isoT(k.gepubliceerdOp),
      ...(ins?.eindigtOp ? { endDate: isoT(ins.eindigtOp) } : {}),
    };
  const ep = periode(b.termijnen, 'vragen');
  if (ep) tender.enquiryPeriod = ep;
  const ap = periode(b.termijnen, 'voorlopige_gunning', 'definitieve_gunning');
  if (ap) tender.awardPeriod = ap;
  const release: Record<string, unknown> = {
    ocid,
    id: `${ocid}-v${k.versie ?? 0}-${isoT(nu)!.replace(/[-:]/g, '')}`,
    date: isoT(nu),
    tag: ['tender', ...(b.gunningen.length ? ['award'] : []), ...(b.overeenkomsten.length ? ['contract'] : [])],
    initiationType: 'tender',
    language: 'nl',
    parties: [...parties.values()],
    buyer: { id: b.koper.id, name: b.koper.naam },
    tender,
  };
  if (b.aantalInschrijvingen !== null) {
    tender.numberOfTenderers = b.aantalInschrijvingen;
    release.bids = {
      statistics: [
        {
          id: 'aantal-inschrijvingen',
          measure: 'validBids',
          value: b.aantalInschrijvingen,
          relatedLot: lotId,
          date: isoT(nu),
        },
      ],
    };
  }
  if (b.gunningen.length) {
    tender.tenderers = b.gunningen.map((g) => ({ id: g.aanbieder.id, name: g.aanbieder.naam }));
    release.awards = b.gunningen.map((g) => {
      const u = UIT_DB[g.uitkomst];
      if (g.raam) {
        return {
          id: g.id,
          title: `Toelating ${g.aanbieder.naam} (open house)`,
          description:
            'Toegelaten: raamovereenkomst tegen het maximumtarief van het zorgkantoor; de cliënt kiest vrij.',
          status: 'active',
          date: isoT(g.besloten),
          suppliers: [{ id: g.aanbieder.id, name: g.aanbieder.naam }],
          contractPeriod: { startDate: dagBegin(g.raam.ingangsdatum), endDate: dagEind(g.raam.einddatum) },
          relatedLots: [lotId],
        };
      }
      return {
        id: g.id,
        title: `Definitieve gunning ${g.aanbieder.naam}`,
        description: UITKOMST_TEKST[u],
        status: u === 'geen-overeenkomst' ? 'unsuccessful' : 'active',
        date: isoT(g.besloten),
        ...(u === 'geen-overeenkomst'
          ? {}
          : {
              suppliers: [{ id: g.aanbieder.id, name: g.aanbieder.naam }],
              // best value: the contract runs for the kader period; the 2016 outcomes one or two years from jaarVan
              contractPeriod: {
                startDate: dagBegin(`${k.jaarVan}-01-01`),
                endDate: dagEind(
                  `${u === 'bestvalue-overeenkomst' || u === 'overeenkomst-2008' ? k.jaarTot : k.jaarVan + g.looptijdJaren - 1}-12-31`,
                ),
              },
            }),
        relatedLots: [lotId],
      };
    });
  }
  if (b.overeenkomsten.length) {
    release.contracts = b.overeenkomsten.map((o) => ({
      id: o.id,
      awardID: o.gunningId,
      title: `Overeenkomst Wlz-zorg ${k.sector}`,
      status: o.status === 'geaccepteerd' ? 'active' : o.status === 'geweigerd' ? 'cancelled' : 'pending',
      period: { startDate: dagBegin(o.ingangsdatum), endDate: dagEind(o.einddatum) },
      ...(o.geaccepteerd ? { dateSigned: isoT(o.geaccepteerd) } : {}),
    }));
  }
  return JSON.parse(
    JSON.stringify({
      uri: `${basisUrl}/inkoop/kaders/${k.id}/ocds`,
      version: '1.1',
      extensions: OCDS_EXTENSIONS,
      publishedDate: isoT(nu),
      publisher: {
        name: `${b.koper.naam} via Zorginkoop Wlz`,
        ...(b.koper.kvk ? { scheme: 'NL-KVK', uid: b.koper.kvk } : {}),
      },
      license: 'https://creativecommons.org/publicdomain/zero/1.0/',
      publicationPolicy: 'https://zorginkoop.example/openbaar/publicatiebeleid',
      releases: [release],
    }),
  );
}

/** Loads the published facts of a kader. A kader that is not published does not exist for the public (404). */
export async function ocdsVoorKader(ctx: AppContext, kaderId: string): Promise<Record<string, unknown>> {
  if (!isUuid(kaderId)) throw notFound('Dit inkoopkader');
  const k = await store.laadKaderRij(ctx.db, kaderId);
  if (!k || k.fase === 'concept' || k.gepubliceerde_versie === null || !k.gepubliceerd_op)
    throw notFound('Dit inkoopkader');
  // What providers saw: the published snapshot, never the working version.
  const pub = (k.publieke_versie ?? {}) as Record<string, unknown>;
  const koper = await store.koperVan(ctx.db, k.organisatie_id);
  // the published termijnen (never an unpublished working version)
  const termijnen = await geldendeTermijnen(ctx.db, k);
  const ins = termijnen.find((t) => t.fase === 'inschrijving');
  const nu = ctx.now();
  const gesloten = k.procedure_type === 'open_house' ? false : !!ins?.eindigtOp && !voorDeadline(nu, ins.eindigtOp);
  const aantal = gesloten ? await store.aantalIngediend(ctx.db, k.id) : null;
  const gunningen = await store.definitieveGunningenVanKader(ctx.db, k.id);
  // Open house (0031_open_house.sql): every admitted provider is an award with its framework contract; rejections are not published.
  const toelatingen = k.procedure_type === 'open_house' ? await store.toelatingenVanKader(ctx.db, k.id) : [];
  const oks = await store.overeenkomstenVanKader(ctx.db, k.id);
  return ocdsPakket(
    {
      kader: {
        id: k.id,
        titel: (pub.titel as string | undefined) ?? k.titel,
        omschrijving: (pub.omschrijving as string | undefined) ?? k.omschrijving ?? null,
        sector: (pub.sector as string | undefined) ?? k.sector,
        jaarVan: Number(pub.jaarVan ?? pub.jaar_van ?? k.jaar_van),
        jaarTot: Number(pub.jaarTot ?? pub.jaar_tot ?? k.jaar_tot),
        procedureType: k.procedure_type,
        fase: k.fase,
        versie: k.gepubliceerde_versie,
        gepubliceerdOp: new Date(k.gepubliceerd_op),
        regios: Array.isArray(pub.regioCodes) ? (pub.regioCodes as string[]) : (k.regio_codes ?? []),
      },
      koper: { id: koper.id, naam: koper.naam, kvk: koper.kvk },
      termijnen: termijnen.map((t) => ({ fase: t.fase, begintOp: t.begintOp, eindigtOp: t.eindigtOp })),
      aantalInschrijvingen: aantal,
      gunningen: [
        ...gunningen.map((g) => ({
          id: g.id,
          uitkomst: g.uitkomst,
          looptijdJaren: g.looptijd_jaren ?? 0,
          besloten: new Date(g.besloten_op),
          aanbieder: { id: g.org_id, naam: g.naam, kvk: g.kvk, agb: g.agb },
        })),
        ...toelatingen.map((t) => ({
          id: t.id,
          uitkomst: 'toegelaten',
          looptijdJaren: 0,
          besloten: new Date(t.besloten_op),
          aanbieder: { id: t.org_id, naam: t.naam, kvk: t.kvk, agb: t.agb },
          raam: { ingangsdatum: t.van, einddatum: t.tot },
        })),
      ],
      overeenkomsten: oks.map((o) => ({
        id: o.id,
        gunningId: o.gunning_id,
        ingangsdatum: o.van,
        einddatum: o.tot,
        status: o.status,
        aangemaakt: new Date(o.aangemaakt_op),
        geaccepteerd: o.geaccepteerd_op ? new Date(o.geaccepteerd_op) : null,
      })),
    },
    nu,
  );
}
