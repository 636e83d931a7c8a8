/** Named request and response shapes of /api/v1/budget (the web app imports the types). */
import { Type, type Static } from '@fastify/type-provider-typebox';

const S = Type.String();
const N = Type.Union([Type.String(), Type.Null()]);

/** An amount in euros as text with at most two decimals ("1234.56"); negative where a release is meant. */
export const Bedrag = Type.String({
  pattern: '^-?\\d{1,14}(\\.\\d{1,2})?$',
  description: 'Bedrag in euro als tekst, hoogstens twee decimalen (bijv. "1234.56")',
  examples: ['1250000.00'],
});
export const PositiefBedrag = Type.String({
  pattern: '^\\d{1,14}(\\.\\d{1,2})?$',
  description: 'Bedrag in euro als tekst, 0 of meer, hoogstens twee decimalen',
});
export const Volume = Type.String({
  pattern: '^\\d{1,12}(\\.\\d{1,2})?$',
  description: 'Volume in de eenheid van de prestatie (dagen, uren, dagdelen), hoogstens twee decimalen',
});
export const Percentage = Type.String({
  pattern: '^\\d{1,3}(\\.\\d{1,4})?$',
  description: 'Percentage als tekst, bijv. "1" of "2.5"',
});
export const Jaar = Type.Integer({ minimum: 2000, maximum: 2100 });
export const RegioCode = Type.String({ pattern: '^55\\d\\d$', description: 'Zorgkantoorregio (COD001)' });
export const SectorCode = Type.String({ minLength: 2, maxLength: 10 });

export const NzaDeadline = Type.Object({
  jaar: Type.Integer(),
  uiterlijk: Type.String({
    description: 'het moment (Europe/Amsterdam) vóór welk het budgetformulier bij de NZa moet zijn',
  }),
  laatsteDag: S,
  verstreken: Type.Boolean(),
  dagenOver: Type.Integer(),
  omschrijving: S,
  bron: S,
});

export const Mutatie = Type.Object({
  id: S,
  volgnummer: Type.Integer(),
  soort: S,
  totaal: S,
  afspraken: S,
  oormerk: S,
  reserve: S,
  pool: S,
  oormerkLabel: N,
  percentage: N,
  status: N,
  overhevelingId: N,
  tegenContracteerruimteId: N,
  tegenRegio: N,
  tegenZorgkantoor: N,
  afspraakVersieId: N,
  omschrijving: S,
  bron: N,
  door: S,
  op: S,
});

export const Contracteerruimte = Type.Object({
  id: S,
  zorgkantoorId: S,
  zorgkantoorNaam: S,
  regioCode: S,
  regioNaam: S,
  jaar: Type.Integer(),
  sector: S,
  status: Type.Union([Type.Literal('voorlopig'), Type.Literal('definitief')]),
  bron: S,
  voorbeeld: Type.Boolean(),
  label: N,
  toelichting: N,
  totaal: S,
  afspraken: S,
  oormerk: S,
  reserve: S,
  pool: S,
  oormerken: Type.Array(Type.Object({ label: S, bedrag: S })),
  benutting: N,
  controle: Type.Object({
    inBalans: Type.Boolean(),
    mutatiesKloppen: Type.Boolean(),
    afsprakenKloppen: Type.Boolean(),
    regel: S,
  }),
  aangemaakt: Type.Object({ door: S, op: S }),
  definitief: Type.Union([Type.Object({ door: N, op: S }), Type.Null()]),
  nzaDeadline: NzaDeadline,
  mutaties: Type.Optional(Type.Array(Mutatie)),
});
export type ContracteerruimteT = Static<typeof Contracteerruimte>;

/** What a provider sees of a region's contracteerruimte: totals and share used only. */
export const Benutting = Type.Object({
  id: S,
  regioCode: S,
  regioNaam: S,
  zorgkantoorNaam: S,
  jaar: Type.Integer(),
  sector: S,
  status: S,
  voorbeeld: Type.Boolean(),
  label: N,
  totaal: S,
  afspraken: S,
  benutting: N,
});
export type BenuttingT = Static<typeof Benutting>;

export const ContracteerruimteLijst = Type.Object({
  contracteerruimtes: Type.Array(Contracteerruimte),
  benutting: Type.Array(Benutting),
  nzaDeadline: NzaDeadline,
});

export const ContracteerruimteNieuw = Type.Object({
  regio: RegioCode,
  jaar: Jaar,
  sector: SectorCode,
  totaal: PositiefBedrag,
  toelichting: Type.Optional(Type.String({ maxLength: 2000 })),
  bron: Type.Optional(
    Type.String({ maxLength: 500, description: 'document en paragraaf waar het bedrag vandaan komt' }),
  ),
});
export const Vaststelling = Type.Object({
  totaal: PositiefBedrag,
  status: Type.Union([Type.Literal('voorlopig'), Type.Literal('definitief')]),
  toelichting: Type.Optional(Type.String({ maxLength: 2000 })),
  bron: Type.Optional(Type.String({ maxLength: 500 })),
});
export const Oormerk = Type.Object({
  label: Type.String({ minLength: 1, maxLength: 100 }),
  bedrag: Type.Optional(Bedrag),
  percentage: Type.Optional(Percentage),
  toelichting: Type.Optional(Type.String({ maxLength: 2000 })),
  bron: Type.Optional(Type.String({ maxLength: 500 })),
});
export const Reserve = Type.Object({ bedrag: Bedrag, toelichting: Type.Optional(Type.String({ maxLength: 2000 })) });
export const Overheveling = Type.Object({
  naarRegio: RegioCode,
  bedrag: PositiefBedrag,
  toelichting: Type.Optional(Type.String({ maxLength: 2000 })),
  bron: Type.Optional(Type.String({ maxLength: 500 })),
});

export const PrijsBronInvoer = Type.Union([
  Type.Literal('gunning'),
  Type.Literal('tariefbeleid'),
  Type.Literal('nza-maximum'),
  Type.Literal('ingevoerd'),
]);
export const AfspraakSoort = Type.Union([Type.Literal('tweezijdig'), Type.Literal('eenzijdig')]);
export const AfspraakStatus = Type.Union([
  Type.Literal('concept'),
  Type.Literal('ingediend'),
  Type.Literal('vastgesteld'),
]);

export const Productieafspraak = Type.Object({
  id: S,
  jaar: Type.Integer(),
  regioCode: S,
  regioNaam: S,
  aanbiederId: S,
  aanbiederNaam: S,
  sector: S,
  prestatie: S,
  prestatieOmschrijving: S,
  leveringsvorm: N,
  zorgprofiel: N,
  functie: N,
  klasse: N,
  eenheid: S,
  prijs: S,
  volume: S,
  bedrag: S,
  status: AfspraakStatus,
  soort: AfspraakSoort,
  prijsBron: S,
  overeenkomstId: Type.Optional(N),
  versie: Type.Integer(),
  contracteerruimteId: N,
});
export type ProductieafspraakT = Static<typeof Productieafspraak>;

export const AfspraakVersie = Type.Object({
  versie: Type.Integer(),
  status: S,
  soort: S,
  prijs: S,
  prijsBron: S,
  prijsToelichting: N,
  overeenkomstId: Type.Optional(N),
  volume: S,
  bedrag: S,
  reden: S,
  toelichting: N,
  scenarioId: N,
  door: S,
  op: S,
});

export const ProductieafspraakDetail = Type.Intersect([
  Productieafspraak,
  Type.Object({ nzaDeadline: NzaDeadline, versies: Type.Array(AfspraakVersie) }),
]);
export type ProductieafspraakDetailT = Static<typeof ProductieafspraakDetail>;

export const AfsprakenLijst = Type.Object({
  jaar: Type.Integer(),
  nzaDeadline: NzaDeadline,
  afspraken: Type.Array(Productieafspraak),
  totalen: Type.Object({
    regels: Type.Integer(),
    bedrag: S,
    perLeveringsvorm: Type.Array(Type.Object({ leveringsvorm: S, bedrag: S })),
    perAanbieder: Type.Array(Type.Object({ aanbiederId: S, naam: S, bedrag: S })),
  }),
});
export type AfsprakenLijstT = Static<typeof AfsprakenLijst>;

export const AfspraakNieuw = Type.Object({
  aanbiederId: Type.String({ minLength: 1, maxLength: 100 }),
  regio: RegioCode,
  jaar: Jaar,
  prestatie: Type.String({ minLength: 1, maxLength: 40 }),
  volume: Volume,
  prijsBron: PrijsBronInvoer,
  prijs: Type.Optional(PositiefBedrag),
  soort: Type.Optional(AfspraakSoort),
  toelichting: Type.Optional(Type.String({ maxLength: 2000 })),
});
export const AfspraakWijziging = Type.Object({
  volume: Type.Optional(Volume),
  prijsBron: Type.Optional(PrijsBronInvoer),
  prijs: Type.Optional(PositiefBedrag),
  soort: Type.Optional(AfspraakSoort),
  toelichting: Type.Optional(Type.String({ maxLength: 2000 })),
});
export const AfspraakStatusWijziging = Type.Object({
  status: AfspraakStatus,
  toelichting: Type.Optional(Type.String({ maxLength: 2000 })),
});

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const CrQuery = Type.Object({
  jaar: Jaar,
  sector: Type.Optional(SectorCode),
  regio: Type.Optional(RegioCode),
});
export const AfsprakenQuery = Type.Object({
  jaar: Jaar,
  regio: Type.Optional(RegioCode),
  aanbieder: Type.Optional(Type.String({ maxLength: 100 })),
  sector: Type.Optional(SectorCode),
  leveringsvorm: Type.Optional(Type.String({ maxLength: 20 })),
});

// ---------------------------------------------------------------- scenarios

export const Model = Type.Union([Type.Literal('Q'), Type.Literal('P'), Type.Literal('toekenning')]);
const Decimaal = Type.String({ pattern: '^\\d{1,14}(\\.\\d{1,4})?$', description: 'decimaal getal als tekst' });

export const ScenarioParameters = Type.Object({
  contracteerruimte: S,
  reserve: S,
  vloerPercentage: S,
  toekenningspercentage: S,
  startPercentage: S,
  bijTekort: Type.Union([Type.Literal('melden'), Type.Literal('prorata')]),
  prijsTrappen: Type.Array(Type.Object({ vanafScore: S, percentage: S })),
  scores: Type.Record(Type.String(), S),
  plafonds: Type.Record(Type.String(), N),
  tariefFactor: S,
  populariteitFactor: Type.Optional(S),
  plafondRegels: Type.Optional(
    Type.Object({
      groeiplafondBehandeling: Type.Optional(N),
      intramuraleDagen: Type.Optional(Type.Record(Type.String(), S)),
    }),
  ),
});

export const VoorstelRegel = Type.Object({
  aanbiederId: S,
  prestatie: S,
  leveringsvorm: N,
  prijs: S,
  volume: S,
  bedrag: S,
});

export const Scenario = Type.Object({
  id: S,
  contracteerruimteId: S,
  zorgkantoorId: S,
  regioCode: S,
  jaar: Type.Integer(),
  sector: S,
  naam: S,
  model: Model,
  status: S,
  parameters: ScenarioParameters,
  aanbieders: Type.Array(Type.Object({ id: S, naam: S, realisatieVorigJaar: S, prestaties: Type.Integer() })),
  plafondsUitRegels: Type.Array(Type.Object({ aanbieder: S, plafond: S, uitleg: S }), {
    description: 'Plafonds per aanbieder afgeleid uit de regels van het scenario (groeiplafond, intramurale dagen)',
  }),
  basis: Type.Object({
    contracteerruimte: Type.Object({
      id: S,
      totaal: S,
      oormerk: S,
      reserve: S,
      afspraken: S,
      status: S,
      voorbeeld: Type.Boolean(),
    }),
    nzaJaar: Type.Union([Type.Integer(), Type.Null()]),
    nzaVoorbeeld: Type.Boolean(),
  }),
  invoer: Type.Unknown({ description: 'de exacte invoer van de rekenmotor (docs/formaten/verdeling.md)' }),
  uitkomst: Type.Unknown({ description: 'de uitkomst van de rekenmotor, met uitleg per aanbieder' }),
  voorstel: Type.Union([
    Type.Object({
      regels: Type.Array(VoorstelRegel),
      zonderMix: Type.Array(S),
      totalen: Type.Object({
        totaal: S,
        perAanbieder: Type.Record(Type.String(), S),
        perLeveringsvorm: Type.Record(Type.String(), S),
      }),
    }),
    Type.Null(),
  ]),
  meting: Type.Unknown(),
  motor: N,
  fout: N,
  taakId: N,
  aangemaakt: Type.Object({ door: S, op: S }),
  berekend: Type.Union([Type.Object({ door: N, op: S }), Type.Null()]),
  gepromoveerd: Type.Union([Type.Object({ door: N, op: S }), Type.Null()]),
});
export type ScenarioT = Static<typeof Scenario>;

export const ScenarioNieuw = Type.Object({
  regio: RegioCode,
  jaar: Jaar,
  sector: SectorCode,
  naam: Type.String({ minLength: 1, maxLength: 200 }),
  model: Model,
  kopieVan: Type.Optional(Type.String({ format: 'uuid', description: 'kopieer de invoer van dit scenario' })),
});
export const ScenarioWijziging = Type.Object({
  naam: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  model: Type.Optional(Model),
  contracteerruimte: Type.Optional(PositiefBedrag),
  reserve: Type.Optional(PositiefBedrag),
  vloerPercentage: Type.Optional(Decimaal),
  toekenningspercentage: Type.Optional(Decimaal),
  startPercentage: Type.Optional(Decimaal),
  bijTekort: Type.Optional(Type.Union([Type.Literal('melden'), Type.Literal('prorata')])),
  prijsTrappen: Type.Optional(Type.Array(Type.Object({ vanafScore: Decimaal, percentage: Decimaal }))),
  scores: Type.Optional(Type.Record(Type.String(), Decimaal)),
  plafonds: Type.Optional(Type.Record(Type.String(), Type.Union([PositiefBedrag, Type.Null()]))),
  tariefFactor: Type.Optional(Decimaal),
  populariteitFactor: Type.Optional(
    Type.String({
      pattern: '^(0(\\.\\d{1,4})?|1(\\.0{1,4})?)$',
      description:
        'Model Q: hoe sterk de wachtlijst (cliëntstroom: wachtenden per plaats, tot hoogstens 1) het gewicht in het selectieve deel verhoogt, 0…1; "0" = uit',
    }),
  ),
  plafondRegels: Type.Optional(
    Type.Object(
      {
        groeiplafondBehandeling: Type.Optional(
          Type.Union([Type.String({ pattern: '^\\d{1,2}(\\.\\d{1,2})?$' }), Type.Null()], {
            description:
              'Groeiplafond verblijf incl. behandeling als percentage van de intramurale mix (bijv. "80"); null = uit',
          }),
        ),
        intramuraleDagen: Type.Optional(
          Type.Record(Type.String(), Type.Union([Type.String({ pattern: '^\\d{1,9}$' }), Type.Null()]), {
            description: 'Per aanbieder het maximum aantal intramurale dagen (verblijf); null = geen',
          }),
        ),
      },
      { additionalProperties: false },
    ),
  ),
});
export const ScenarioQuery = Type.Object({
  jaar: Jaar,
  regio: Type.Optional(RegioCode),
  sector: Type.Optional(SectorCode),
});
export const VergelijkQuery = Type.Object({ a: Type.String({ format: 'uuid' }), b: Type.String({ format: 'uuid' }) });
const VergelijkRij = Type.Object({ sleutel: S, a: S, b: S, verschil: S });
export const ScenarioVergelijking = Type.Object({
  a: Type.Object({ id: S, naam: S, model: S, status: N, totaal: S }),
  b: Type.Object({ id: S, naam: S, model: S, status: N, totaal: S }),
  perAanbieder: Type.Array(Type.Intersect([VergelijkRij, Type.Object({ naam: S })])),
  perLeveringsvorm: Type.Array(VergelijkRij),
  verschil: S,
});
export type ScenarioVergelijkingT = Static<typeof ScenarioVergelijking>;
export const Toelichting = Type.Array(
  Type.Object({
    scenarioId: S,
    scenarioNaam: S,
    regioCode: S,
    jaar: Type.Integer(),
    sector: S,
    model: S,
    bedrag: S,
    uitleg: S,
    bindend: Type.Array(S),
    vloer: N,
    plafond: N,
    score: N,
    percentageVanRealisatie: N,
    regels: Type.Array(VoorstelRegel),
    besluit: Type.Object({ door: N, op: N }),
  }),
);
export type ToelichtingT = Static<typeof Toelichting>;
