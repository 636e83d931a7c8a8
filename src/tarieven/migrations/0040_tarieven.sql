-- Tariff policies (versioned, edited by a zorgkantoor manager) and computed tariffs with trace.
-- The shipped policies (src/tarieven/data/*.json) are not copied here: they are version 0 and
-- apply until a zorgkantoor publishes its own version for that year and sector.

CREATE TABLE tariefbeleid_versie (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zorgkantoor_id   text NOT NULL REFERENCES organisatie(id),
  jaar             int  NOT NULL,
  sector           text NOT NULL,
  versie           int  NOT NULL CHECK (versie >= 1),
  status           text NOT NULL CHECK (status IN ('concept', 'gepubliceerd', 'vervallen')),
  beleid           jsonb NOT NULL,
  toelichting      text,
  gebaseerd_op     text NOT NULL,               -- 'meegeleverd' or the id of the previous version
  aangemaakt_door  uuid REFERENCES gebruiker(id),
  aangemaakt_naam  text NOT NULL,
  aangemaakt_op    timestamptz NOT NULL DEFAULT now(),
  gepubliceerd_door uuid REFERENCES gebruiker(id),
  gepubliceerd_naam text,
  gepubliceerd_op  timestamptz,
  UNIQUE (zorgkantoor_id, jaar, sector, versie)
);
CREATE INDEX tariefbeleid_versie_zk_idx ON tariefbeleid_versie (zorgkantoor_id, jaar, sector, status);

-- The provider profile a zorgkantoor uses for its tariff (per provider, zorgkantoor and year).
CREATE TABLE tarief_profiel (
  aanbieder_id    text NOT NULL REFERENCES organisatie(id),
  zorgkantoor_id  text NOT NULL REFERENCES organisatie(id),
  jaar            int  NOT NULL,
  profiel         jsonb NOT NULL,
  bijgewerkt_door uuid REFERENCES gebruiker(id),
  bijgewerkt_op   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (aanbieder_id, zorgkantoor_id, jaar)
);

-- One computed tariff per provider × zorgkantoor × prestatie × year, with the trace.
CREATE TABLE berekend_tarief (
  aanbieder_id    text NOT NULL REFERENCES organisatie(id),
  zorgkantoor_id  text NOT NULL REFERENCES organisatie(id),
  jaar            int  NOT NULL,
  prestatie_code  text NOT NULL REFERENCES prestatie(code),
  beleid_versie   text NOT NULL,                 -- 'meegeleverd' or tariefbeleid_versie.id
  status          text NOT NULL CHECK (status IN ('bepaald', 'onbepaald')),
  percentage      numeric,                       -- exact percentage when bepaald (unscaled: relative changes keep all decimals)
  nza_tarief      numeric(12,2) NOT NULL,        -- NZa maximum excl. NHC/NIC
  tarief          numeric(12,2),                 -- nza_tarief × percentage, cents half-up
  nhc             numeric(12,2),
  nic             numeric(12,2),
  spoor           jsonb NOT NULL,
  redenen         jsonb NOT NULL DEFAULT '[]'::jsonb,
  nza_voorbeeld   boolean NOT NULL,              -- the NZa figures are example figures
  berekend_op     timestamptz NOT NULL,
  PRIMARY KEY (aanbieder_id, zorgkantoor_id, jaar, prestatie_code)
);
CREATE INDEX berekend_tarief_zk_idx ON berekend_tarief (zorgkantoor_id, jaar);
