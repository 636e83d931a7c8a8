-- Inkoop (procurement, MODEL.md "Procurement"): inkoopkader with versions and a published public
-- snapshot, termijnen, eisen, vragen + Nota van Inlichtingen, sealed inschrijvingen with answers and
-- documents, classificatie, zelfanalyse, ontwikkelplan, dialooggesprek, and the assessment/award tables.
--
-- OWNERSHIP
--   core (issue 3, core helper): inkoopkader, inkoopkader_versie, termijn, eis, vraag,
--     nota_van_inlichtingen, inschrijving, inschrijving_antwoord, document, classificatie,
--     zelfanalyse, ontwikkelplan, dialooggesprek.
--   gunning helper: beoordeling, beoordeling_besluit, gunning, bezwaar, overeenkomst. Their columns
--     may be extended in a later migration numbered 0030–0039 (never edit this file once committed).
--
-- Conventions: timestamps are timestamptz (deadlines are instants; the UI shows Europe/Amsterdam);
-- percentages and scores are numeric; documents are stored as bytea with their SHA-256.

-- ───────────────────────────── Inkoopkader ─────────────────────────────
CREATE TABLE inkoopkader (
  id                          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisatie_id              text NOT NULL REFERENCES organisatie(id),          -- the zorgkantoor
  titel                       text NOT NULL,
  jaar_van                    int  NOT NULL CHECK (jaar_van BETWEEN 2000 AND 2100),
  jaar_tot                    int  NOT NULL CHECK (jaar_tot >= jaar_van AND jaar_tot <= 2100),
  sector                      text NOT NULL REFERENCES sector(code),             -- VV | GZ | GGZ
  regio_codes                 text[] NOT NULL DEFAULT '{}',                      -- regio.code values
  procedure_type              text NOT NULL CHECK (procedure_type IN ('openbaar','onderhandeling_voorselectie','dialoog','open_house','best_value')),
  fase                        text NOT NULL DEFAULT 'concept',                   -- state of src/domain/inkoop/procedure.ts
  versie                      int  NOT NULL DEFAULT 1,                           -- working version (edited)
  gepubliceerde_versie        int,                                               -- latest published version, null = never
  publieke_versie             jsonb,                                             -- snapshot of the latest published version
  verzegeld_voor_beoordelaars boolean NOT NULL DEFAULT true,                     -- assessors see bids only after the deadline
  sjabloon                    text,                                              -- template id it was copied from
  omschrijving                text,
  regionale_paragraaf         jsonb NOT NULL DEFAULT '{}'::jsonb,
  bezwaartermijn_dagen        int  NOT NULL DEFAULT 14 CHECK (bezwaartermijn_dagen >= 0),
  aangemaakt_door             uuid REFERENCES gebruiker(id),
  aangemaakt_op               timestamptz NOT NULL DEFAULT now(),
  gewijzigd_op                timestamptz NOT NULL DEFAULT now(),
  gepubliceerd_op             timestamptz
);
CREATE INDEX inkoopkader_org_idx ON inkoopkader (organisatie_id, jaar_van);
CREATE INDEX inkoopkader_fase_idx ON inkoopkader (fase);

-- Every published version, immutable: what providers saw, and what bids were made against.
CREATE TABLE inkoopkader_versie (
  kader_id         uuid NOT NULL REFERENCES inkoopkader(id),
  versie           int  NOT NULL,
  snapshot         jsonb NOT NULL,
  sha256           text NOT NULL,
  gepubliceerd_op  timestamptz NOT NULL,
  gepubliceerd_door uuid REFERENCES gebruiker(id),
  wijzigingen      text,
  PRIMARY KEY (kader_id, versie)
);

-- A dated phase. ends_op of 'inschrijving' is the submission deadline (to the minute, local time).
CREATE TABLE termijn (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kader_id     uuid NOT NULL REFERENCES inkoopkader(id) ON DELETE CASCADE,
  fase         text NOT NULL CHECK (fase IN ('publicatie','vragen','nvi','inschrijving','dialoog','voorlopige_gunning','bezwaar','definitieve_gunning','toelating')),
  begint_op    timestamptz,
  eindigt_op   timestamptz,
  omschrijving text,
  UNIQUE (kader_id, fase),
  CHECK (begint_op IS NULL OR eindigt_op IS NULL OR begint_op <= eindigt_op)
);

-- A requirement (Programma van Eisen, bestuursverklaring, geschiktheidseis, uitsluitingsgrond, gunningscriterium).
CREATE TABLE eis (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kader_id       uuid NOT NULL REFERENCES inkoopkader(id) ON DELETE CASCADE,
  code           text NOT NULL,                                    -- stable id, e.g. A2, GE-3
  groep          text NOT NULL CHECK (groep IN ('pve','bestuursverklaring','geschiktheidseis','uitsluitingsgrond','gunningscriterium_knockout','gunningscriterium_gewogen','zelfanalyse','ontwikkelplan')),
  tekst          text NOT NULL,
  soort          text NOT NULL CHECK (soort IN ('ja_nee','document','datum','getal','oordeel','tekst')),
  van_toepassing text[] NOT NULL DEFAULT '{alle}',                 -- alle | bestaand | nieuw | geheel_nieuw | nieuw_in_regio | nieuw_zzp_vpt
  bewijs         text,                                             -- evidence wanted
  gewicht        numeric(7,2) CHECK (gewicht IS NULL OR gewicht >= 0),
  schaal_min     numeric(7,2),
  schaal_max     numeric(7,2),
  verplicht      boolean NOT NULL DEFAULT true,
  volgorde       int NOT NULL DEFAULT 0,
  bron           text,                                             -- e.g. 'seed 002 §2.2.2'
  vervallen      boolean NOT NULL DEFAULT false,                   -- removed after publication (kept for answers)
  UNIQUE (kader_id, code),
  CHECK (schaal_min IS NULL OR schaal_max IS NULL OR schaal_min < schaal_max)
);
CREATE INDEX eis_kader_idx ON eis (kader_id, volgorde);

-- ───────────────────────────── Vragen / Nota van Inlichtingen ─────────────────────────────
CREATE TABLE vraag (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kader_id        uuid NOT NULL REFERENCES inkoopkader(id),
  organisatie_id  text NOT NULL REFERENCES organisatie(id),        -- asking provider (never published)
  gesteld_door    uuid REFERENCES gebruiker(id),
  eis_code        text,                                            -- optional: the requirement it is about
  onderwerp       text,
  tekst           text NOT NULL,
  gesteld_op      timestamptz NOT NULL,
  antwoord        text,
  beantwoord_op   timestamptz,
  beantwoord_door uuid REFERENCES gebruiker(id),
  nvi_versie      int                                              -- the Nota van Inlichtingen that published it
);
CREATE INDEX vraag_kader_idx ON vraag (kader_id, gesteld_op);

CREATE TABLE nota_van_inlichtingen (
  kader_id          uuid NOT NULL REFERENCES inkoopkader(id),
  versie            int  NOT NULL,
  inhoud            jsonb NOT NULL,                                -- [{nummer, onderwerp, eisCode, vraag, antwoord}] anonymous
  sha256            text NOT NULL,
  gepubliceerd_op   timestamptz NOT NULL,
  gepubliceerd_door uuid REFERENCES gebruiker(id),
  PRIMARY KEY (kader_id, versie)
);

-- ───────────────────────────── Inschrijving (sealed) ─────────────────────────────
CREATE TABLE inschrijving (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kader_id           uuid NOT NULL REFERENCES inkoopkader(id),
  organisatie_id     text NOT NULL REFERENCES organisatie(id),     -- the provider
  status             text NOT NULL DEFAULT 'concept' CHECK (status IN ('concept','ingediend','ingetrokken')),
  kader_versie       int,                                          -- published version it was made against
  regio_codes        text[] NOT NULL DEFAULT '{}',                 -- regions bid in
  ingediend_op       timestamptz,
  ingediend_door     uuid REFERENCES gebruiker(id),
  ontvangst_hash     text,                                         -- SHA-256 over the submitted content (receipt)
  ontvangst          jsonb,                                        -- the receipt as given to the provider
  ingetrokken_op     timestamptz,
  aangemaakt_op      timestamptz NOT NULL DEFAULT now(),
  gewijzigd_op       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kader_id, organisatie_id)
);
CREATE INDEX inschrijving_kader_idx ON inschrijving (kader_id, status);

CREATE TABLE document (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisatie_id  text NOT NULL REFERENCES organisatie(id),        -- owner
  inschrijving_id uuid REFERENCES inschrijving(id),
  kader_id        uuid REFERENCES inkoopkader(id),
  doel            text NOT NULL DEFAULT 'inschrijving',            -- inschrijving | ontwikkelplan | clientenraad | brief | overeenkomst | ...
  eis_code        text,
  naam            text NOT NULL,
  mime            text NOT NULL,
  grootte         int  NOT NULL CHECK (grootte >= 0),
  sha256          text NOT NULL,
  inhoud          bytea NOT NULL,
  geupload_door   uuid REFERENCES gebruiker(id),
  geupload_op     timestamptz NOT NULL DEFAULT now(),
  verwijderd      boolean NOT NULL DEFAULT false
);
CREATE INDEX document_inschrijving_idx ON document (inschrijving_id);

CREATE TABLE inschrijving_antwoord (
  inschrijving_id uuid NOT NULL REFERENCES inschrijving(id) ON DELETE CASCADE,
  eis_id          uuid NOT NULL REFERENCES eis(id),
  waarde          jsonb,                                           -- boolean | 'YYYY-MM-DD' | "12.5" | text
  toelichting     text,
  document_id     uuid REFERENCES document(id),
  gewijzigd_op    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (inschrijving_id, eis_id)
);

-- Classification of a bidder per region (seed 002 §2.2.2), with the reason and the evidence used.
CREATE TABLE classificatie (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kader_id        uuid NOT NULL REFERENCES inkoopkader(id),
  organisatie_id  text NOT NULL REFERENCES organisatie(id),
  regio_code      text NOT NULL REFERENCES regio(code),
  klasse          text NOT NULL CHECK (klasse IN ('bestaand','geheel_nieuw','nieuw_in_regio','nieuw_zzp_vpt')),
  reden           text NOT NULL,
  bewijs          jsonb NOT NULL DEFAULT '{}'::jsonb,
  bepaald_op      timestamptz NOT NULL,
  UNIQUE (kader_id, organisatie_id, regio_code)
);

-- ───────────────────────────── Zelfanalyse / ontwikkelplan / dialoog ─────────────────────────────
CREATE TABLE zelfanalyse (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inschrijving_id   uuid NOT NULL REFERENCES inschrijving(id) ON DELETE CASCADE,
  thema_code        text NOT NULL,                                 -- 3.1, 3.2.1 … 3.3.3, or 'eigen'
  huidige_aanpak    text,                                          -- C3
  sterktes          text,                                          -- C4
  ontwikkelpunten   text,                                          -- C4
  ervaring_client   text,                                          -- C5
  niveau            text,                                          -- C6
  gegevens          text,                                          -- C7
  in_ontwikkelplan  boolean NOT NULL DEFAULT false,                -- C8
  gewijzigd_op      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (inschrijving_id, thema_code)
);

CREATE TABLE ontwikkelplan (
  id                         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inschrijving_id            uuid NOT NULL UNIQUE REFERENCES inschrijving(id) ON DELETE CASCADE,
  status                     text NOT NULL DEFAULT 'voorstel' CHECK (status IN ('voorstel','definitief','afgewezen')),
  themas                     text[] NOT NULL DEFAULT '{}',
  doelstelling               text,        -- E1
  plan_van_aanpak            text,        -- E2 (SMART)
  planning                   text,        -- E3
  investering                numeric(14,2), -- E4 (euros)
  risicos                    text,        -- E5
  resultaten                 text,        -- E6
  bewijslast                 text,        -- E7
  clientenraad_betrokkenheid text,        -- D6
  clientenraad_document_id   uuid REFERENCES document(id),
  definitief_op              timestamptz,
  definitief_door            uuid REFERENCES gebruiker(id),
  gewijzigd_op               timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE dialooggesprek (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inschrijving_id  uuid NOT NULL REFERENCES inschrijving(id),
  datum            timestamptz NOT NULL,
  deelnemers       jsonb NOT NULL DEFAULT '[]'::jsonb,             -- [{naam, rol, organisatie}] incl. cliëntenraad
  onderwerpen      text[] NOT NULL DEFAULT '{}',
  verslag          text,
  vastgelegd_door  uuid REFERENCES gebruiker(id),
  vastgelegd_op    timestamptz NOT NULL DEFAULT now()
);

-- ───────────────────────────── Gunning helper's tables ─────────────────────────────
CREATE TABLE beoordeling (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inschrijving_id uuid NOT NULL REFERENCES inschrijving(id),
  eis_id          uuid NOT NULL REFERENCES eis(id),
  beoordelaar_id  uuid NOT NULL REFERENCES gebruiker(id),
  voldoet         boolean,                                         -- knock-out / ja_nee
  score           numeric(7,2),                                    -- weighted criteria, within eis.schaal_min..max
  motivatie       text NOT NULL,
  beoordeeld_op   timestamptz NOT NULL,
  UNIQUE (inschrijving_id, eis_id, beoordelaar_id)
);

CREATE TABLE beoordeling_besluit (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inschrijving_id      uuid NOT NULL REFERENCES inschrijving(id),
  eerste_beoordelaar_id uuid NOT NULL REFERENCES gebruiker(id),
  tweede_beslisser_id  uuid REFERENCES gebruiker(id),
  status               text NOT NULL DEFAULT 'voorgesteld' CHECK (status IN ('voorgesteld','vastgesteld','afgewezen')),
  totaalscore          numeric(9,2),
  knockout_eis_code    text,                                       -- the requirement that ended the assessment
  voorstel_uitkomst    text,
  motivatie            text,
  voorgesteld_op       timestamptz NOT NULL,
  besloten_op          timestamptz,
  CHECK (tweede_beslisser_id IS NULL OR tweede_beslisser_id <> eerste_beoordelaar_id)
);
CREATE INDEX beoordeling_besluit_inschrijving_idx ON beoordeling_besluit (inschrijving_id);

CREATE TABLE gunning (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inschrijving_id uuid NOT NULL REFERENCES inschrijving(id),
  besluit_id      uuid REFERENCES beoordeling_besluit(id),
  soort           text NOT NULL CHECK (soort IN ('voorlopig','definitief')),
  uitkomst        text NOT NULL CHECK (uitkomst IN ('geen','eenjarig_basis','eenjarig_opslag','tweejarig')),
  opslag_pct      numeric(5,2) CHECK (opslag_pct IS NULL OR (opslag_pct >= 0 AND opslag_pct <= 3)),
  motivatie       text,
  brief_document_id uuid REFERENCES document(id),
  besloten_door   uuid REFERENCES gebruiker(id),
  besloten_op     timestamptz NOT NULL,
  UNIQUE (inschrijving_id, soort)
);

CREATE TABLE bezwaar (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  gunning_id      uuid NOT NULL REFERENCES gunning(id),
  inschrijving_id uuid NOT NULL REFERENCES inschrijving(id),
  tekst           text NOT NULL,
  ingediend_op    timestamptz NOT NULL,
  ingediend_door  uuid REFERENCES gebruiker(id),
  status          text NOT NULL DEFAULT 'ingediend' CHECK (status IN ('ingediend','gegrond','ongegrond','ingetrokken')),
  besluit         text,
  besloten_op     timestamptz,
  besloten_door   uuid REFERENCES gebruiker(id)
);

CREATE TABLE overeenkomst (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inschrijving_id   uuid NOT NULL UNIQUE REFERENCES inschrijving(id),
  gunning_id        uuid NOT NULL REFERENCES gunning(id),
  kader_id          uuid NOT NULL REFERENCES inkoopkader(id),
  organisatie_id    text NOT NULL REFERENCES organisatie(id),
  ingangsdatum      date NOT NULL,
  einddatum         date NOT NULL,
  kader_versie      int,
  nvi_versie        int,                                           -- Nota van Inlichtingen included
  documenten        jsonb NOT NULL DEFAULT '[]'::jsonb,            -- [{soort, naam, sha256, documentId}]
  document_id       uuid REFERENCES document(id),                  -- the generated contract PDF
  status            text NOT NULL DEFAULT 'aangeboden' CHECK (status IN ('aangeboden','geaccepteerd','geweigerd')),
  geaccepteerd_door uuid REFERENCES gebruiker(id),                 -- registered aanbieder-bestuurder
  geaccepteerd_op   timestamptz,
  aangemaakt_op     timestamptz NOT NULL DEFAULT now(),
  CHECK (ingangsdatum <= einddatum)
);
