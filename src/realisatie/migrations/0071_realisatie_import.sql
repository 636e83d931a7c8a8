-- Declaration imports (docs/formaten/declaraties.md). One row per attempt; the declaration lines
-- themselves are not kept (only the monthly aggregate in `realisatie`), so no client identifier is
-- stored. Rejected lines: line number, field and reason — never the content of the line.
CREATE TABLE realisatie_import (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  jaar            int  NOT NULL,
  bestandsnaam    text NOT NULL,
  sha256          text NOT NULL,
  modus           text NOT NULL CHECK (modus IN ('alles-of-niets', 'geldige-regels')),
  status          text NOT NULL CHECK (status IN ('geladen', 'geweigerd')),
  regels          int  NOT NULL,
  geladen         int  NOT NULL,
  geweigerd       int  NOT NULL,
  perioden        int  NOT NULL,
  organisatie_id  text REFERENCES organisatie(id),   -- the importing zorgkantoor (null: CLI)
  gebruiker_id    uuid REFERENCES gebruiker(id),
  geimporteerd_op timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX realisatie_import_hash_idx ON realisatie_import (sha256, jaar);
CREATE INDEX realisatie_import_org_idx ON realisatie_import (organisatie_id, geimporteerd_op DESC);

CREATE TABLE realisatie_import_fout (
  import_id uuid NOT NULL REFERENCES realisatie_import(id) ON DELETE CASCADE,
  regel     int  NOT NULL,
  veld      text NOT NULL,
  reden     text NOT NULL
);
CREATE INDEX realisatie_import_fout_idx ON realisatie_import_fout (import_id, regel);

-- Which import supplied each period (year × region × provider × month). A corrected file replaces
-- exactly the periods it contains; re-importing the file that still owns all its periods is a no-op.
CREATE TABLE realisatie_periode (
  jaar           int  NOT NULL,
  regio_code     text NOT NULL REFERENCES regio(code),
  organisatie_id text NOT NULL REFERENCES organisatie(id),
  maand          int  NOT NULL CHECK (maand BETWEEN 1 AND 12),
  import_id      uuid NOT NULL REFERENCES realisatie_import(id),
  PRIMARY KEY (jaar, regio_code, organisatie_id, maand)
);
CREATE INDEX realisatie_periode_import_idx ON realisatie_periode (import_id);
