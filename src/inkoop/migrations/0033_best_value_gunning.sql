-- Best value award (issue 3, best value part): a best value bid is awarded by its own rule
-- (src/domain/inkoop/bestvalue-uitkomst.ts, seed 001 §4.2 "De aanbieder met het beste voorstel,
-- waarbij prestaties worden gewogen tegen de kosten, krijgt vervolgens de gunning"), not by the 2016
-- decision table. Its outcome 'bestvalue' is a contract for the whole kader period, so:
--   * gunning.uitkomst also allows 'bestvalue';
--   * gunning.looptijd_jaren may be as long as any kader period. A kader runs from jaar_van to
--     jaar_tot, both within 2000–2100 (0020_inkoop.sql), so at most 101 years; the limit follows the
--     kader instead of inventing a maximum contract length.
-- Both constraints were declared inline (0020_inkoop.sql, 0030_gunning.sql) and carry PostgreSQL's
-- default names; they are replaced here (never edit an old migration). No IF EXISTS: if a name were
-- different the migration fails instead of leaving the old constraint in place.

ALTER TABLE gunning DROP CONSTRAINT gunning_uitkomst_check;
ALTER TABLE gunning ADD CONSTRAINT gunning_uitkomst_check CHECK (uitkomst IN ('geen','eenjarig_basis','eenjarig_opslag','tweejarig','bestvalue'));

ALTER TABLE gunning DROP CONSTRAINT gunning_looptijd_jaren_check;
ALTER TABLE gunning ADD CONSTRAINT gunning_looptijd_jaren_check CHECK (looptijd_jaren IS NULL OR looptijd_jaren BETWEEN 0 AND 101);

-- The 2016 outcomes keep their 2016 lengths; only 'bestvalue' runs longer than two years.
ALTER TABLE gunning ADD CONSTRAINT gunning_looptijd_uitkomst_chk CHECK (
  looptijd_jaren IS NULL
  OR (uitkomst = 'geen' AND looptijd_jaren = 0)
  OR (uitkomst IN ('eenjarig_basis','eenjarig_opslag') AND looptijd_jaren = 1)
  OR (uitkomst = 'tweejarig' AND looptijd_jaren = 2)
  OR (uitkomst = 'bestvalue' AND looptijd_jaren >= 1));
