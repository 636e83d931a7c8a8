-- The award of a kader after the Kader zorginkoop 2008 (src/domain/inkoop/uitkomst-2008.ts): Kader 3.1
-- (geschiktheidseisen, uitsluitingsgronden) decides whether there is a contract at all; the contract runs
-- for the kader period. Its outcome 'kader2008' is not one of the 2016 decision table's, so:
--   * gunning.uitkomst also allows 'kader2008';
--   * its term is the kader period (at least one year), like 'bestvalue'.
-- The constraints of 0033_best_value_gunning.sql are replaced (never edit an old migration).

ALTER TABLE gunning DROP CONSTRAINT gunning_uitkomst_check;
ALTER TABLE gunning ADD CONSTRAINT gunning_uitkomst_check CHECK (uitkomst IN ('geen','eenjarig_basis','eenjarig_opslag','tweejarig','bestvalue','kader2008'));

ALTER TABLE gunning DROP CONSTRAINT gunning_looptijd_uitkomst_chk;
ALTER TABLE gunning ADD CONSTRAINT gunning_looptijd_uitkomst_chk CHECK (
  looptijd_jaren IS NULL
  OR (uitkomst = 'geen' AND looptijd_jaren = 0)
  OR (uitkomst IN ('eenjarig_basis','eenjarig_opslag') AND looptijd_jaren = 1)
  OR (uitkomst = 'tweejarig' AND looptijd_jaren = 2)
  OR (uitkomst IN ('bestvalue','kader2008') AND looptijd_jaren >= 1));
