-- Monitoring reads one region's months over four years (docs/realisatie.md, Monitoring): the primary
-- key starts with the year, so that was a scan of the whole table. This index serves it index-only.
CREATE INDEX realisatie_regio_idx ON realisatie (regio_code, jaar, organisatie_id, maand) INCLUDE (prestatie_code, bedrag);
