-- Source of each prestatie (the catalogue in src/reference/data/prestaties.json names it) and who
-- last changed a region → zorgkantoor mapping (the audit log holds the full history).
ALTER TABLE prestatie ADD COLUMN bron text;
ALTER TABLE regio_concessie ADD COLUMN gewijzigd_door uuid REFERENCES gebruiker(id);
ALTER TABLE regio_concessie ADD COLUMN gewijzigd_op timestamptz;
CREATE INDEX nza_tarief_jaar_idx ON nza_tarief (jaar);
