-- Requests of a provider for a (new or changed) toewijzing: one row per AanvraagInstelling of an
-- Aanvraag in an accepted AW39. The zorgkantoor grants (a toewijzing with its AW33) or refuses
-- (with a reason) each request once.
CREATE TABLE toewijzingsverzoek (
  id                 uuid PRIMARY KEY,
  client_id          uuid NOT NULL REFERENCES client(id),
  indicatie_id       uuid NOT NULL REFERENCES indicatie(id),
  regio_code         text NOT NULL REFERENCES regio(code),
  organisatie_id     text NOT NULL REFERENCES organisatie(id),  -- the provider that sent the AW39
  bericht_id         uuid NOT NULL REFERENCES iwlz_bericht(id), -- the AW39 as stored
  bericht_identificatie text NOT NULL,                          -- the sender's reference (BerichtIdentificatie)
  instelling_agb     text NOT NULL,                             -- AanvraagInstelling/Instelling: for whom
  soort              text NOT NULL CHECK (soort IN ('1','3','5')), -- LDT_SoortToewijzing
  leveringsvorm      text NOT NULL REFERENCES leveringsvorm(code),
  zorgprofiel_code   text NOT NULL,                             -- ZzpCode as asked
  klasse             text,
  ingangsdatum       date NOT NULL,
  einddatum          date,
  opname             boolean,
  doelmatig          boolean,
  verantwoord        boolean,
  status             text NOT NULL DEFAULT 'open' CHECK (status IN ('open','toegekend','geweigerd')),
  reden              text,                                      -- why it was refused
  toewijzing_id      uuid REFERENCES toewijzing(id),            -- what it was granted as
  besloten_door      uuid REFERENCES gebruiker(id),
  besloten_op        timestamptz,
  ontvangen_op       timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'geweigerd' OR (reden IS NOT NULL AND besloten_op IS NOT NULL)),
  CHECK (status <> 'toegekend' OR (toewijzing_id IS NOT NULL AND besloten_op IS NOT NULL))
);
CREATE INDEX toewijzingsverzoek_regio_idx ON toewijzingsverzoek (regio_code, status, ontvangen_op);
CREATE INDEX toewijzingsverzoek_org_idx ON toewijzingsverzoek (organisatie_id, ontvangen_op);
