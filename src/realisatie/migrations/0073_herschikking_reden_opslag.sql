-- A new agreement version made by a decided herschikkingsronde carries its own reason
-- ('herschikking'), so the version history tells a reallocation apart from a purchaser's change.
ALTER TABLE productieafspraak_versie DROP CONSTRAINT productieafspraak_versie_reden_check;
ALTER TABLE productieafspraak_versie ADD CONSTRAINT productieafspraak_versie_reden_check
  CHECK (reden IN ('historisch', 'nieuw', 'wijziging', 'status', 'import', 'scenario', 'herschikking'));
