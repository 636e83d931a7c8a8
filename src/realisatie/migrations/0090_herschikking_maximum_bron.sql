-- Where a herschikkingsronde line's maximum came from (docs/realisatie.md, "Maxima uit opgeslagen
-- gegevens"): 'budgetplafond' (the cap of the latest promoted budget scenario that allocated to the
-- provider), 'capaciteit' (that scenario's cap from a maximum of intramural days, entered by the
-- zorgkantoor, × last year's day price) or 'inkoper' (typed by the purchaser, never above a stored
-- one). maximum_uitleg names the source (scenario, rule). Rounds made before this migration only had
-- typed maxima.
ALTER TABLE herschikkingsronde_regel
  ADD COLUMN maximum_bron   text CHECK (maximum_bron IN ('budgetplafond', 'capaciteit', 'inkoper')),
  ADD COLUMN maximum_uitleg text;
UPDATE herschikkingsronde_regel SET maximum_bron = 'inkoper' WHERE maximum IS NOT NULL;
ALTER TABLE herschikkingsronde_regel
  ADD CONSTRAINT herschikkingsronde_regel_maximum_bron CHECK ((maximum IS NULL) = (maximum_bron IS NULL));
