-- The opslag at the nacalculatie (docs/realisatie.md, "Nacalculatie"): at year end the zorgkantoor
-- judges per provider whether the ontwikkelplan reached its result, and grants the opslag (kept in
-- the paid price) or withholds it (paid at basistarief). One judgement per provider × region × year ×
-- sector, with motivation; moment is always 'nacalculatie'. The nacalculatie reads it and shows the
-- effect per line.
CREATE TABLE nacalculatie_opslag (
  zorgkantoor_id  text NOT NULL REFERENCES organisatie(id),
  regio_code      text NOT NULL REFERENCES regio(code),
  jaar            int  NOT NULL CHECK (jaar BETWEEN 2000 AND 2100),
  sector          text NOT NULL REFERENCES sector(code),
  organisatie_id  text NOT NULL REFERENCES organisatie(id),
  moment          text NOT NULL DEFAULT 'nacalculatie' CHECK (moment = 'nacalculatie'),
  oordeel         text NOT NULL CHECK (oordeel IN ('toegekend', 'onthouden')),
  percentage      numeric(5,2) NOT NULL CHECK (percentage > 0 AND percentage <= 3), -- the opslag in the paid price
  percentage_bron text NOT NULL CHECK (percentage_bron IN ('overeenkomst', 'ingevoerd')),
  motivatie       text NOT NULL CHECK (length(btrim(motivatie)) > 0),
  door            uuid REFERENCES gebruiker(id),
  door_naam       text NOT NULL,
  op              timestamptz NOT NULL,
  PRIMARY KEY (regio_code, jaar, sector, organisatie_id)
);

-- the effect on each nacalculatie line: the opslag judged, and what was withheld from the paid amount
ALTER TABLE nacalculatie_regel ADD COLUMN opslag_oordeel text CHECK (opslag_oordeel IN ('toegekend', 'onthouden'));
ALTER TABLE nacalculatie_regel ADD COLUMN opslag_percentage numeric(5,2);
ALTER TABLE nacalculatie_regel ADD COLUMN opslag_motivatie text;
ALTER TABLE nacalculatie_regel ADD COLUMN opslag_onthouden numeric(16,2) NOT NULL DEFAULT 0;
