-- Reference data: regions, care catalogue, NZa maximum tariffs (imported), provider locations.

CREATE TABLE regio (
  code      text PRIMARY KEY,            -- LDT_ZorgkantoorCode (COD001), e.g. 5509
  naam      text NOT NULL,
  actief    boolean NOT NULL DEFAULT true,
  opmerking text,
  bron      text NOT NULL
);

-- Which zorgkantoor organisation holds the concession for a region in a year (editable).
CREATE TABLE regio_concessie (
  regio_code     text NOT NULL REFERENCES regio(code),
  jaar           int  NOT NULL,
  organisatie_id text NOT NULL REFERENCES organisatie(id),
  voorbeeld      boolean NOT NULL DEFAULT true,   -- true = demo mapping, not an official list
  bron           text NOT NULL,
  PRIMARY KEY (regio_code, jaar)
);
CREATE INDEX regio_concessie_org_idx ON regio_concessie (organisatie_id, jaar);

CREATE TABLE sector (code text PRIMARY KEY, naam text NOT NULL, naam_en text NOT NULL);

CREATE TABLE leveringsvorm (
  code      text PRIMARY KEY,              -- verblijf | vpt | mpt | pgb | dtv
  iwlz_code text,                          -- LDT_Leveringsvorm
  naam      text NOT NULL,
  bron      text NOT NULL
);

CREATE TABLE zorgprofiel (
  code         text PRIMARY KEY,           -- LDT_ZzpCode (COD163)
  naam         text NOT NULL,              -- e.g. 5VV
  omschrijving text NOT NULL,
  sector       text REFERENCES sector(code),
  behandeling  boolean,
  bron         text NOT NULL
);

CREATE TABLE functie (code text PRIMARY KEY, omschrijving text NOT NULL, bron text NOT NULL);
CREATE TABLE klasse  (code text PRIMARY KEY, omschrijving text NOT NULL, eenheid text, bron text NOT NULL);

-- A billable product: zzp/vpt per zorgprofiel, an MPT function × class, a toeslag.
CREATE TABLE prestatie (
  code              text PRIMARY KEY,
  omschrijving      text NOT NULL,
  soort             text NOT NULL CHECK (soort IN ('zzp','vpt','mpt','dtv','toeslag','overig')),
  sector            text REFERENCES sector(code),
  leveringsvorm     text REFERENCES leveringsvorm(code),
  zorgprofiel_code  text REFERENCES zorgprofiel(code),
  functie_code      text REFERENCES functie(code),
  klasse_code       text REFERENCES klasse(code),
  behandeling       boolean,
  eenheid           text NOT NULL CHECK (eenheid IN ('dag','uur','dagdeel','etmaal','stuk','week'))
);
CREATE INDEX prestatie_sector_idx ON prestatie (sector, leveringsvorm);

CREATE TABLE nza_tarief_import (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bestandsnaam  text NOT NULL,
  sha256        text NOT NULL,
  jaar          int  NOT NULL,
  regels        int  NOT NULL,
  voorbeeld     boolean NOT NULL,   -- true = example figures, never NZa data
  bron          text NOT NULL,
  gebruiker_id  uuid REFERENCES gebruiker(id),
  geimporteerd_op timestamptz NOT NULL DEFAULT now()
);

-- Maximum tariff per prestatie per year; NHC/NIC separate so policies can exclude them.
CREATE TABLE nza_tarief (
  prestatie_code text NOT NULL REFERENCES prestatie(code),
  jaar           int  NOT NULL,
  tarief         numeric(12,2) NOT NULL CHECK (tarief >= 0),   -- excl. NHC/NIC
  nhc            numeric(12,2) CHECK (nhc >= 0),
  nic            numeric(12,2) CHECK (nic >= 0),
  import_id      uuid NOT NULL REFERENCES nza_tarief_import(id),
  PRIMARY KEY (prestatie_code, jaar)
);

CREATE TABLE locatie (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisatie_id   text NOT NULL REFERENCES organisatie(id),
  naam             text NOT NULL,
  adres            text,
  postcode         text,
  plaats           text,
  regio_code       text NOT NULL REFERENCES regio(code),
  sectoren         text[] NOT NULL,
  leveringsvormen  text[] NOT NULL,
  capaciteit       int,
  inspectie_status text NOT NULL DEFAULT 'normaal' CHECK (inspectie_status IN ('normaal','verscherpt'))
);
CREATE INDEX locatie_org_idx ON locatie (organisatie_id);
CREATE INDEX locatie_regio_idx ON locatie (regio_code);

CREATE TABLE instelling (sleutel text PRIMARY KEY, waarde jsonb NOT NULL);
