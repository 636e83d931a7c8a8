-- Nacalculatie (docs/realisatie.md, "Nacalculatie"): the final amounts per provider of a region ×
-- year × sector, computed by src/domain/realisatie/nacalculatie.ts from the final agreements, the
-- declared realisation and the zorgkantoor's overproduction rule. A controller or purchaser
-- proposes, a manager who did not propose decides (four eyes). `invoer` is the exact input of the
-- rule and `uitkomst` its output, so every result can be reproduced.

-- The overproduction rule per zorgkantoor and year (chosen by a manager).
CREATE TABLE nacalculatie_instelling (
  zorgkantoor_id  text NOT NULL REFERENCES organisatie(id),
  jaar            int  NOT NULL CHECK (jaar BETWEEN 2000 AND 2100),
  regel           text NOT NULL CHECK (regel IN ('niet-vergoed', 'later-vergoed', 'tariefkorting')),
  gezet_door      uuid REFERENCES gebruiker(id),
  gezet_naam      text NOT NULL,
  gezet_op        timestamptz NOT NULL,
  PRIMARY KEY (zorgkantoor_id, jaar)
);

CREATE TABLE nacalculatie (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zorgkantoor_id  text NOT NULL REFERENCES organisatie(id),
  regio_code      text NOT NULL REFERENCES regio(code),
  jaar            int  NOT NULL CHECK (jaar BETWEEN 2000 AND 2100),
  sector          text NOT NULL REFERENCES sector(code),
  status          text NOT NULL CHECK (status IN ('voorgesteld', 'vastgesteld', 'afgewezen')),
  regel           text NOT NULL CHECK (regel IN ('niet-vergoed', 'later-vergoed', 'tariefkorting')),
  contracteerruimte numeric(16,2) NOT NULL,
  kortingspercentage numeric(9,4),
  invoer          jsonb NOT NULL,
  uitkomst        jsonb NOT NULL,
  toelichting     text,
  voorgesteld_door uuid REFERENCES gebruiker(id),
  voorgesteld_naam text NOT NULL,
  voorgesteld_op  timestamptz NOT NULL,
  besloten_door   uuid REFERENCES gebruiker(id),
  besloten_naam   text,
  besloten_op     timestamptz,
  besluit_toelichting text
);
-- at most one open proposal and one decided result per region × year × sector
CREATE UNIQUE INDEX nacalculatie_open_idx ON nacalculatie (regio_code, jaar, sector) WHERE status = 'voorgesteld';
CREATE UNIQUE INDEX nacalculatie_vastgesteld_idx ON nacalculatie (regio_code, jaar, sector) WHERE status = 'vastgesteld';
CREATE INDEX nacalculatie_zk_idx ON nacalculatie (zorgkantoor_id, jaar);

CREATE TABLE nacalculatie_regel (
  nacalculatie_id uuid NOT NULL REFERENCES nacalculatie(id),
  organisatie_id  text NOT NULL REFERENCES organisatie(id),
  model           text NOT NULL CHECK (model IN ('Q', 'P')),
  afspraak        numeric(16,2) NOT NULL,
  gedeclareerd    numeric(16,2) NOT NULL,
  plafond         numeric(16,2),
  declarabel      numeric(16,2) NOT NULL,
  vergoed         numeric(16,2) NOT NULL,
  nabetaling      numeric(16,2) NOT NULL,
  korting         numeric(16,2) NOT NULL,
  onbetaald       numeric(16,2) NOT NULL,
  vastgesteld     numeric(16,2) NOT NULL,
  basis_volgend_jaar numeric(16,2) NOT NULL,
  uitleg          jsonb NOT NULL,
  CONSTRAINT nacalculatie_regel_basis CHECK (basis_volgend_jaar <= vastgesteld),
  CONSTRAINT nacalculatie_regel_plafond CHECK (plafond IS NULL OR declarabel <= plafond),
  PRIMARY KEY (nacalculatie_id, organisatie_id)
);
CREATE INDEX nacalculatie_regel_org_idx ON nacalculatie_regel (organisatie_id);
