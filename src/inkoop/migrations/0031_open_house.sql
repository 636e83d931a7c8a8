-- Open house (issue 3, open house part; seed 001 §4.2 "Zeeuwse model": the zorgkantoor sets the
-- maximum tariff, every provider that meets the minimum requirements gets a framework contract,
-- and the client chooses freely). Admission is decided per bidder, as a rule, not by discretion:
-- toegelaten ⇔ the assessment was confirmed by a second person (four eyes) and no knock-out
-- requirement failed. A rejected provider may re-apply while admission is open; earlier rounds
-- (assessment, decision, admission) stay as history.

-- One admission decision per bidder per round (1 = first application, 2 = after the first
-- re-application, …). Never updated except to record the framework contract made with it and,
-- for a rejection, the moment the provider re-applied.
CREATE TABLE toelating (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inschrijving_id         uuid NOT NULL REFERENCES inschrijving(id),
  kader_id                uuid NOT NULL REFERENCES inkoopkader(id),
  organisatie_id          text NOT NULL REFERENCES organisatie(id),             -- the provider
  ronde                   int  NOT NULL CHECK (ronde >= 1),
  besluit                 text NOT NULL CHECK (besluit IN ('toegelaten','afgewezen')),
  beoordeling_besluit_id  uuid NOT NULL UNIQUE REFERENCES beoordeling_besluit(id), -- the four-eyes decision it rests on
  regel                   text NOT NULL,                                         -- rule applied (named, versioned)
  invoer                  jsonb NOT NULL,                                        -- what was decided on: besluit, knock-outs, scores, receipt
  redenen                 jsonb NOT NULL,                                        -- [{code, tekst, voldaan, toelichting}] per condition
  motivatie               text,
  ontvangst_hash          text,                                                  -- receipt of the submission decided on
  brief_document_id       uuid REFERENCES document(id),                          -- the toelatingsbesluit (PDF)
  overeenkomst_id         uuid REFERENCES overeenkomst(id),                      -- the raamovereenkomst (toegelaten only)
  besloten_door           uuid NOT NULL REFERENCES gebruiker(id),
  besloten_op             timestamptz NOT NULL,
  heraangemeld_op         timestamptz,                                           -- the provider re-applied after this rejection
  UNIQUE (inschrijving_id, ronde),
  CHECK (besluit = 'toegelaten' OR overeenkomst_id IS NULL),
  CHECK (besluit = 'afgewezen' OR heraangemeld_op IS NULL)
);
CREATE INDEX toelating_kader_idx ON toelating (kader_id, besloten_op);
CREATE INDEX toelating_org_idx ON toelating (organisatie_id);

-- An assessment superseded by a re-application: kept as history, no longer the current one.
ALTER TABLE beoordeling_besluit ADD COLUMN vervallen_op timestamptz;

-- A framework contract (raamovereenkomst) comes from an admission, not from an award.
ALTER TABLE overeenkomst ALTER COLUMN gunning_id DROP NOT NULL;
ALTER TABLE overeenkomst ADD COLUMN toelating_id uuid REFERENCES toelating(id);
ALTER TABLE overeenkomst ADD COLUMN soort text NOT NULL DEFAULT 'overeenkomst' CHECK (soort IN ('overeenkomst','raamovereenkomst'));
ALTER TABLE overeenkomst ADD CONSTRAINT overeenkomst_herkomst_chk CHECK ((gunning_id IS NULL) <> (toelating_id IS NULL));
ALTER TABLE overeenkomst ADD CONSTRAINT overeenkomst_soort_chk CHECK ((soort = 'raamovereenkomst') = (toelating_id IS NOT NULL));
CREATE UNIQUE INDEX overeenkomst_toelating_idx ON overeenkomst (toelating_id) WHERE toelating_id IS NOT NULL;
