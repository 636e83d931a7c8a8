-- A productieafspraak priced from the award: prijs_bron 'gunning' and the contract (overeenkomst) it
-- came from. The contract id is a value read through src/inkoop/index.ts (gegundePrijzen), not a
-- foreign key into inkoop's tables: each capability owns its own tables.
ALTER TABLE productieafspraak DROP CONSTRAINT productieafspraak_prijs_bron_check;
ALTER TABLE productieafspraak ADD CONSTRAINT productieafspraak_prijs_bron_check
  CHECK (prijs_bron IN ('tariefbeleid', 'nza-maximum', 'ingevoerd', 'historisch', 'scenario', 'gunning'));
ALTER TABLE productieafspraak ADD COLUMN overeenkomst_id uuid;
ALTER TABLE productieafspraak_versie ADD COLUMN overeenkomst_id uuid;
