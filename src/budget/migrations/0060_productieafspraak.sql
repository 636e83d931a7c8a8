-- Productieafspraken: provider × region × year × prestatie (contract and production history;
-- the budget capability builds allocation on top of this table).
CREATE TABLE productieafspraak (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jaar           int  NOT NULL,
  regio_code     text NOT NULL REFERENCES regio(code),
  organisatie_id text NOT NULL REFERENCES organisatie(id),
  sector         text NOT NULL REFERENCES sector(code),
  prestatie_code text NOT NULL REFERENCES prestatie(code),
  prijs          numeric(12,2) NOT NULL,
  volume         numeric(14,2) NOT NULL,
  bedrag         numeric(16,2) NOT NULL,
  versie         text NOT NULL DEFAULT 'initieel',
  UNIQUE (jaar, regio_code, organisatie_id, prestatie_code, versie)
);
CREATE INDEX productieafspraak_org_idx ON productieafspraak (organisatie_id, jaar);
CREATE INDEX productieafspraak_regio_idx ON productieafspraak (regio_code, jaar);
