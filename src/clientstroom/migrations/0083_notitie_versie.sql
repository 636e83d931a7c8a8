-- Mediation notes can be edited by their author; the earlier text is kept (encrypted, as the note).
ALTER TABLE bemiddeling_notitie ADD COLUMN gewijzigd_op timestamptz;
CREATE TABLE bemiddeling_notitie_versie (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  notitie_id        uuid NOT NULL REFERENCES bemiddeling_notitie(id),
  tekst_versleuteld text NOT NULL,                  -- the text as it was until geldig_tot
  geldig_tot        timestamptz NOT NULL DEFAULT now(),
  gewijzigd_door    uuid NOT NULL REFERENCES gebruiker(id)
);
CREATE INDEX bemiddeling_notitie_versie_idx ON bemiddeling_notitie_versie (notitie_id, geldig_tot);
