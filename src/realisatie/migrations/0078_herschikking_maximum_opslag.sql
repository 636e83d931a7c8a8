-- A herschikkingsronde line carries the maximum the purchaser gave the provider (the round's proposal
-- is then solved with HiGHS; docs/realisatie.md), whether that maximum bound in the proposal, and the
-- tariff opslag the purchaser proposes to grant at this herschikking (percent; granted at moment
-- 'herschikking' by the manager's decision, with inkoop's rules), with its motivation.
ALTER TABLE herschikkingsronde_regel
  ADD COLUMN maximum          numeric(16,2) CHECK (maximum IS NULL OR maximum >= 0),
  ADD COLUMN maximum_bindt    boolean NOT NULL DEFAULT false,
  ADD COLUMN opslag           numeric(5,2) CHECK (opslag IS NULL OR opslag >= 0),
  ADD COLUMN opslag_motivatie text,
  ADD COLUMN opslag_toegekend numeric(5,2);
