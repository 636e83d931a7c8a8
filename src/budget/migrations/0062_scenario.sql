-- Scenarios: a copy of the current situation (basis), the user's changes (parameters), and once
-- computed the exact engine input (invoer) and output (uitkomst, voorstel) so every result can be
-- reproduced; promoted by a manager other than who prepared it (four eyes).
CREATE TABLE scenario (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  contracteerruimte_id uuid NOT NULL REFERENCES contracteerruimte(id),
  zorgkantoor_id    text NOT NULL REFERENCES organisatie(id),
  regio_code        text NOT NULL REFERENCES regio(code),
  jaar              int  NOT NULL,
  sector            text NOT NULL REFERENCES sector(code),
  naam              text NOT NULL,
  model             text NOT NULL CHECK (model IN ('Q', 'P', 'toekenning')),
  status            text NOT NULL CHECK (status IN ('concept', 'bezig', 'berekend', 'mislukt', 'gepromoveerd')),
  basis             jsonb NOT NULL,
  parameters        jsonb NOT NULL,
  invoer            jsonb,
  uitkomst          jsonb,
  voorstel          jsonb,
  meting            jsonb,
  motor             text,
  fout              text,
  taak_id           uuid,
  aangemaakt_door   uuid REFERENCES gebruiker(id),
  aangemaakt_naam   text NOT NULL,
  aangemaakt_op     timestamptz NOT NULL DEFAULT now(),
  berekend_door     uuid REFERENCES gebruiker(id),
  berekend_naam     text,
  berekend_op       timestamptz,
  gepromoveerd_door uuid REFERENCES gebruiker(id),
  gepromoveerd_naam text,
  gepromoveerd_op   timestamptz
);
CREATE INDEX scenario_regio_idx ON scenario (regio_code, jaar, sector);
CREATE INDEX scenario_zk_idx ON scenario (zorgkantoor_id, jaar);
