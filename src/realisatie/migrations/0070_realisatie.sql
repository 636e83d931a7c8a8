-- Delivered production per provider × prestatie × month (aggregated from declarations).
CREATE TABLE realisatie (
  jaar           int  NOT NULL,
  maand          int  NOT NULL CHECK (maand BETWEEN 1 AND 12),
  regio_code     text NOT NULL REFERENCES regio(code),
  organisatie_id text NOT NULL REFERENCES organisatie(id),
  prestatie_code text NOT NULL REFERENCES prestatie(code),
  clienten       int  NOT NULL,
  volume         numeric(14,2) NOT NULL,
  bedrag         numeric(16,2) NOT NULL,
  PRIMARY KEY (jaar, regio_code, organisatie_id, prestatie_code, maand)
);
CREATE INDEX realisatie_org_idx ON realisatie (organisatie_id, jaar);
