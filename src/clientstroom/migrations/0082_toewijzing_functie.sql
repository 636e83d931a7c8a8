-- Mpt is assigned per function (iWlz ToegewezenFunctie: LDT_FunctieCode with LDT_Klasse); several
-- providers may each hold a function of the same client. Null = a toewijzing of the whole
-- zorgprofiel (ToegewezenZorgzwaartepakket).
ALTER TABLE toewijzing ADD COLUMN functie_code text;
ALTER TABLE toewijzing ADD COLUMN functie_klasse text;
ALTER TABLE toewijzing ADD CONSTRAINT toewijzing_functie_mpt
  CHECK (functie_code IS NULL OR (leveringsvorm = 'mpt' AND functie_klasse IS NOT NULL));
