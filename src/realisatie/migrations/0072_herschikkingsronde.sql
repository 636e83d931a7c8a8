-- Herschikking rounds (docs/realisatie.md, "Herschikkingsrondes"): per zorgkantoor × region × year ×
-- sector. The system proposes moves with the herschikking rule (src/domain/realisatie/herschikking.ts)
-- from the budget ledger's pool, the agreements, realised to date and the forecast; the purchaser
-- adjusts; a manager who did not prepare it decides (four eyes). `invoer` is the exact scenario the
-- rule was given, `voorstel` its output, so every proposal can be reproduced.
CREATE TABLE herschikkingsronde (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zorgkantoor_id  text NOT NULL REFERENCES organisatie(id),
  regio_code      text NOT NULL REFERENCES regio(code),
  jaar            int  NOT NULL CHECK (jaar BETWEEN 2000 AND 2100),
  sector          text NOT NULL REFERENCES sector(code),
  volgnummer      int  NOT NULL CHECK (volgnummer >= 1),
  peilmaand       int  NOT NULL CHECK (peilmaand BETWEEN 0 AND 12),
  status          text NOT NULL CHECK (status IN ('voorgesteld', 'besloten', 'afgewezen')),
  pool_voor       numeric(16,2) NOT NULL CHECK (pool_voor >= 0),
  pool_na         numeric(16,2) NOT NULL CHECK (pool_na >= 0),
  invoer          jsonb NOT NULL,
  voorstel        jsonb NOT NULL,
  toelichting     text,
  voorbereid_door text[] NOT NULL,            -- every user who proposed or adjusted (four eyes)
  aangemaakt_door uuid REFERENCES gebruiker(id),
  aangemaakt_naam text NOT NULL,
  aangemaakt_op   timestamptz NOT NULL,
  aangepast_naam  text,
  aangepast_op    timestamptz,
  besloten_door   uuid REFERENCES gebruiker(id),
  besloten_naam   text,
  besloten_op     timestamptz,
  besluit_toelichting text,
  UNIQUE (regio_code, jaar, sector, volgnummer)
);
CREATE INDEX herschikkingsronde_zk_idx ON herschikkingsronde (zorgkantoor_id, jaar);

CREATE TABLE herschikkingsronde_regel (
  ronde_id       uuid NOT NULL REFERENCES herschikkingsronde(id),
  organisatie_id text NOT NULL REFERENCES organisatie(id),
  afspraak       numeric(16,2) NOT NULL,      -- agreement total before
  gerealiseerd   numeric(16,2) NOT NULL,      -- realised to date (months 1..peilmaand)
  prognose       numeric(16,2) NOT NULL,      -- year-end forecast
  prioriteit     int NOT NULL DEFAULT 0,
  voorgesteld    numeric(16,2) NOT NULL,      -- the rule's amount
  na             numeric(16,2) NOT NULL,      -- the purchaser's amount (starts as the rule's)
  toegepast      numeric(16,2),               -- the agreement total after the decision (price × volume)
  toelichting    text,
  CONSTRAINT herschikkingsronde_regel_niet_onder_realisatie CHECK (na >= gerealiseerd OR na >= afspraak),
  PRIMARY KEY (ronde_id, organisatie_id)
);

-- Rounds per year (two by default; a zorgkantoor may set another number per year).
CREATE TABLE herschikking_instelling (
  zorgkantoor_id  text NOT NULL REFERENCES organisatie(id),
  jaar            int  NOT NULL,
  rondes_per_jaar int  NOT NULL CHECK (rondes_per_jaar BETWEEN 1 AND 12),
  PRIMARY KEY (zorgkantoor_id, jaar)
);

-- A message to each provider whose agreement changed by a decided round.
CREATE TABLE herschikking_bericht (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ronde_id       uuid NOT NULL REFERENCES herschikkingsronde(id),
  organisatie_id text NOT NULL REFERENCES organisatie(id),
  voor           numeric(16,2) NOT NULL,
  na             numeric(16,2) NOT NULL,
  tekst          text NOT NULL,
  op             timestamptz NOT NULL
);
CREATE INDEX herschikking_bericht_org_idx ON herschikking_bericht (organisatie_id, op DESC);
