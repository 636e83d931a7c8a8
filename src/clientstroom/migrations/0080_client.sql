-- Clients and CIZ indicaties. The BSN is personal data: never logged, shown masked.
CREATE TABLE client (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bsn          text NOT NULL UNIQUE,
  geboortejaar int NOT NULL,
  regio_code   text NOT NULL REFERENCES regio(code)
);
CREATE INDEX client_regio_idx ON client (regio_code);

CREATE TABLE indicatie (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id        uuid NOT NULL REFERENCES client(id),
  zorgprofiel_code text NOT NULL REFERENCES zorgprofiel(code),
  sector           text NOT NULL REFERENCES sector(code),
  grondslag        text,
  ingangsdatum     date NOT NULL,
  einddatum        date,
  leveringsvorm    text REFERENCES leveringsvorm(code),
  organisatie_id   text REFERENCES organisatie(id)   -- current provider, if in care
);
CREATE INDEX indicatie_client_idx ON indicatie (client_id);
CREATE INDEX indicatie_org_idx ON indicatie (organisatie_id);
