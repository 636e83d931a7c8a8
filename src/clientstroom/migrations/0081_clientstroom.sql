-- Cliëntstroom: personal data protected at rest, iWlz messages, toewijzingen, start of care,
-- waiting-list statuses (LDT_Leveringsstatus), norms and mediation notes.

-- The BSN is never stored readable: a keyed token (HMAC-SHA256) for lookup and AES-GCM ciphertext
-- for writing it into iWlz messages (src/platform/persoonsgegevens.ts). Rows written before this
-- migration are converted when the application starts (it holds the key, SQL does not); the
-- constraint is NOT VALID so those rows are accepted until then, while no new readable BSN can be
-- written.
ALTER TABLE client ALTER COLUMN bsn DROP NOT NULL;
ALTER TABLE client ADD COLUMN bsn_token text;
ALTER TABLE client ADD COLUMN bsn_versleuteld text;
-- The client block of the indicatiebesluit (IO31: name, date of birth, addresses) as encrypted JSON.
ALTER TABLE client ADD COLUMN persoonsgegevens_versleuteld text;
ALTER TABLE client ADD COLUMN geheim boolean NOT NULL DEFAULT false;
CREATE UNIQUE INDEX client_bsn_token_idx ON client (bsn_token);
ALTER TABLE client ADD CONSTRAINT client_bsn_niet_leesbaar CHECK (bsn IS NULL) NOT VALID;

-- Where an indicatie came from and what the CIZ decided.
ALTER TABLE indicatie ADD COLUMN besluitnummer text;
ALTER TABLE indicatie ADD COLUMN afgiftedatum date;
ALTER TABLE indicatie ADD COLUMN klasse text;
ALTER TABLE indicatie ADD COLUMN voorkeur_client text;          -- LDT_VoorkeurClient
ALTER TABLE indicatie ADD COLUMN voorkeur_agb text;             -- InstellingVoorkeur (AGB)
ALTER TABLE indicatie ADD COLUMN bron text NOT NULL DEFAULT 'demo' CHECK (bron IN ('demo','io31','csv'));
ALTER TABLE indicatie ADD COLUMN ontvangen_op timestamptz;
CREATE UNIQUE INDEX indicatie_besluit_idx ON indicatie (besluitnummer) WHERE besluitnummer IS NOT NULL;

-- Every iWlz message received or sent. The XML holds BSNs: stored encrypted only. A message that
-- was refused (return code 0001) is not stored; its refusal is in the audit log (hash, size, codes).
CREATE TABLE iwlz_bericht (
  id                uuid PRIMARY KEY,
  type              text NOT NULL CHECK (type IN ('IO31','IO32','AW33','AW34','AW35','AW36','AW39','AW310')),
  richting          text NOT NULL CHECK (richting IN ('in','uit')),
  zorgkantoor_code  text NOT NULL REFERENCES regio(code),
  organisatie_id    text REFERENCES organisatie(id),            -- the provider sending/receiving, if any
  identificatie     text NOT NULL,
  dagtekening       date NOT NULL,
  sha256            text NOT NULL,
  bytes             int NOT NULL,
  xml_versleuteld   text NOT NULL,
  antwoord_op       uuid REFERENCES iwlz_bericht(id),
  retourcodes       jsonb,                                      -- answers: codes per berichtklasse
  gebruiker_id      uuid REFERENCES gebruiker(id),
  aangemaakt_op     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX iwlz_bericht_org_idx ON iwlz_bericht (organisatie_id, aangemaakt_op);
CREATE INDEX iwlz_bericht_antwoord_idx ON iwlz_bericht (antwoord_op);

-- A zorgtoewijzing: the zorgkantoor assigns an indicatie to a contracted provider (AW33).
CREATE TABLE toewijzing (
  id                 uuid PRIMARY KEY,
  indicatie_id       uuid NOT NULL REFERENCES indicatie(id),
  client_id          uuid NOT NULL REFERENCES client(id),
  regio_code         text NOT NULL REFERENCES regio(code),
  zorgkantoor_id     text NOT NULL REFERENCES organisatie(id),
  organisatie_id     text REFERENCES organisatie(id),           -- null for pgb (no Instelling in AW33)
  pgb_zorgverlener_id text REFERENCES organisatie(id),          -- pgb: who the budget holder buys care from, if known
  soort              text NOT NULL CHECK (soort IN ('1','3','5')),  -- LDT_SoortToewijzing
  leveringsvorm      text NOT NULL REFERENCES leveringsvorm(code),
  zorgprofiel_code   text NOT NULL REFERENCES zorgprofiel(code),
  klasse             text,
  ingangsdatum       date NOT NULL,
  einddatum          date,
  toewijzingsdatum   date NOT NULL,
  toewijzingstijd    text NOT NULL,
  status             text NOT NULL DEFAULT 'toegewezen' CHECK (status IN ('toegewezen','in_zorg','beeindigd','ingetrokken')),
  reden_intrekking   text,
  toetsing           jsonb,                                     -- vpt/mpt: {verantwoord, doelmatig, toelichting}
  overbrugging_voor  uuid REFERENCES toewijzing(id),            -- bridging care while waiting for this one
  aw33_bericht_id    uuid REFERENCES iwlz_bericht(id),
  aangemaakt_door    uuid REFERENCES gebruiker(id),
  aangemaakt_op      timestamptz NOT NULL DEFAULT now(),
  CHECK (einddatum IS NULL OR einddatum >= ingangsdatum)
);
CREATE INDEX toewijzing_client_idx ON toewijzing (client_id);
CREATE INDEX toewijzing_org_idx ON toewijzing (organisatie_id, status);
CREATE INDEX toewijzing_regio_idx ON toewijzing (regio_code, status);

-- Start of care reported by the provider (AW35), one row per toewijzing.
CREATE TABLE zorgaanvang (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  toewijzing_id   uuid NOT NULL UNIQUE REFERENCES toewijzing(id),
  begindatum      date NOT NULL,
  bericht_id      uuid REFERENCES iwlz_bericht(id),
  gemeld_op       timestamptz NOT NULL DEFAULT now()
);

-- The waiting-list status of a client over time (LDT_Leveringsstatus, with
-- LDT_LeveringsstatusClassificatie), from AW35/AW39 or recorded by the zorgkantoor.
CREATE TABLE leveringsstatus (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id       uuid NOT NULL REFERENCES client(id),
  indicatie_id    uuid REFERENCES indicatie(id),
  organisatie_id  text REFERENCES organisatie(id),
  status          text NOT NULL CHECK (status IN ('1','2','3','4','5','6','7')),
  classificatie   text,
  vanaf           date NOT NULL,
  bron            text NOT NULL CHECK (bron IN ('io31','aw33','aw35','aw39','zorgkantoor')),
  bericht_id      uuid REFERENCES iwlz_bericht(id),
  vastgelegd_op   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX leveringsstatus_client_idx ON leveringsstatus (client_id, vanaf);

-- Norms for the waiting time per sector and status, in days; null = no norm (the client waits by choice).
CREATE TABLE wachttijdnorm (
  sector        text NOT NULL REFERENCES sector(code),
  status        text NOT NULL CHECK (status IN ('1','2','3','6','7')),
  dagen         int CHECK (dagen IS NULL OR dagen >= 0),
  bron          text NOT NULL,
  gewijzigd_door uuid REFERENCES gebruiker(id),
  gewijzigd_op  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (sector, status)
);

-- Notes of the zorgkantoor's mediation (zorgbemiddeling); may hold personal data: encrypted.
CREATE TABLE bemiddeling_notitie (
  id              uuid PRIMARY KEY,
  client_id       uuid NOT NULL REFERENCES client(id),
  tekst_versleuteld text NOT NULL,
  gebruiker_id    uuid NOT NULL REFERENCES gebruiker(id),
  aangemaakt_op   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX bemiddeling_notitie_client_idx ON bemiddeling_notitie (client_id, aangemaakt_op);
