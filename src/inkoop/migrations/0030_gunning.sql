-- Gunning (issue 3, gunning part): what the outcome was decided from, so every award can be
-- reproduced and explained (inputs, rule, reasons per condition), the objection window, and the
-- assessment result per criterion. Extends tables of 0020_inkoop.sql owned by the gunning helper.

ALTER TABLE beoordeling_besluit ADD COLUMN uitslag jsonb;            -- per-criterion result, domain beoordeel()
ALTER TABLE beoordeling_besluit ADD COLUMN regel text;               -- rule applied (scoring + four-eyes)

ALTER TABLE gunning ADD COLUMN looptijd_jaren int CHECK (looptijd_jaren IS NULL OR looptijd_jaren BETWEEN 0 AND 2);
ALTER TABLE gunning ADD COLUMN invoer jsonb;                         -- UitkomstInvoer as decided on
ALTER TABLE gunning ADD COLUMN redenen jsonb;                        -- [{code, regel, voldaan, toelichting}]
ALTER TABLE gunning ADD COLUMN regel text;
ALTER TABLE gunning ADD COLUMN bezwaar_tot timestamptz;              -- end of the objection window (voorlopig)
ALTER TABLE gunning ADD COLUMN herzien_op timestamptz;               -- provisional award revised after a founded objection

-- A founded objection (gegrond) is processed by revising the provisional award; until then no final award.
ALTER TABLE bezwaar ADD COLUMN verwerkt_op timestamptz;

CREATE INDEX gunning_inschrijving_idx ON gunning (inschrijving_id);
CREATE INDEX bezwaar_gunning_idx ON bezwaar (gunning_id);
CREATE INDEX overeenkomst_org_idx ON overeenkomst (organisatie_id);
