-- Signalenregister (issue 3): inspection and fraud signals that feed the national two-year
-- conditions G1–G3 (seed 002 §2.2.4; digest 002 §3 G1 "geen locaties onder verscherpt toezicht",
-- G2 "tijdens de inkoopprocedure geen onderzoek naar fraude ingesteld", G3 "na 2010 geen fraude
-- vastgesteld"), and contract roles for the classification (digest 002 §2.3 / §3 B3: subcontractor-,
-- zzp-pilot- and pgb-only providers are "geheel nieuw"). Rows are never deleted: a signal or a
-- relation registered by mistake is withdrawn (ingetrokken) with a reason; every change is audited.

CREATE TABLE signaal (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zorgkantoor_id   text NOT NULL REFERENCES organisatie(id),     -- who registered it (owner of the row)
  aanbieder_id     text NOT NULL REFERENCES organisatie(id),     -- the provider it is about
  locatie_id       uuid REFERENCES locatie(id),                  -- the location (verscherpt toezicht); NULL = the whole organisation
  soort            text NOT NULL CHECK (soort IN ('verscherpt_toezicht','fraudeonderzoek','fraude_vastgesteld')),
  omschrijving     text NOT NULL DEFAULT '',                     -- internal; never shown to the provider
  bron             text NOT NULL CHECK (length(btrim(bron)) > 0), -- 'IGJ-rapport …', 'NZa', 'eigen onderzoek', …
  datum_van        date NOT NULL,                                -- start of toezicht / start of investigation / date fraud established
  datum_tot        date,                                         -- end of toezicht / investigation closed
  vastgelegd_door  uuid NOT NULL REFERENCES gebruiker(id),
  vastgelegd_op    timestamptz NOT NULL,
  gewijzigd_door   uuid REFERENCES gebruiker(id),
  gewijzigd_op     timestamptz,
  ingetrokken_op   timestamptz,
  ingetrokken_door uuid REFERENCES gebruiker(id),
  intrekkingsreden text,
  CHECK (datum_tot IS NULL OR datum_tot >= datum_van),
  CHECK (soort <> 'fraude_vastgesteld' OR datum_tot IS NULL),
  CHECK (aanbieder_id <> zorgkantoor_id),
  CHECK ((ingetrokken_op IS NULL) = (ingetrokken_door IS NULL))
);
CREATE INDEX signaal_aanbieder_idx ON signaal (aanbieder_id, zorgkantoor_id);
CREATE INDEX signaal_zorgkantoor_idx ON signaal (zorgkantoor_id, vastgelegd_op);

-- Contract roles besides the main contract (productieafspraak): subcontractor, zzp-pilot, pgb.
-- contractHistorie (src/inkoop/inschrijving.ts) returns these with their rol for the classification.
CREATE TABLE contractrelatie (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zorgkantoor_id   text NOT NULL REFERENCES organisatie(id),     -- who registered it
  organisatie_id   text NOT NULL REFERENCES organisatie(id),     -- the provider
  jaar             int  NOT NULL CHECK (jaar BETWEEN 2000 AND 2100),
  regio_code       text NOT NULL REFERENCES regio(code),
  sector           text NOT NULL REFERENCES sector(code),
  rol              text NOT NULL CHECK (rol IN ('onderaannemer','zzp_pilot','pgb')),
  hoofdaannemer_id text REFERENCES organisatie(id),              -- for a subcontractor, when known
  bron             text NOT NULL CHECK (length(btrim(bron)) > 0),
  vastgelegd_door  uuid NOT NULL REFERENCES gebruiker(id),
  vastgelegd_op    timestamptz NOT NULL,
  ingetrokken_op   timestamptz,
  ingetrokken_door uuid REFERENCES gebruiker(id),
  intrekkingsreden text,
  CHECK (hoofdaannemer_id IS NULL OR rol = 'onderaannemer'),
  CHECK (hoofdaannemer_id IS NULL OR hoofdaannemer_id <> organisatie_id)
);
CREATE INDEX contractrelatie_org_idx ON contractrelatie (organisatie_id, jaar);
