-- Sessions end after a period without activity (idle timeout, on top of the absolute 12 hours):
-- laatst_actief_op is refreshed by requests; expired sessions are purged (src/platform/auth/sessions.ts).
ALTER TABLE sessie ADD COLUMN laatst_actief_op timestamptz NOT NULL DEFAULT now();
CREATE INDEX sessie_verloopt_idx ON sessie (verloopt_op);
CREATE INDEX sessie_actief_idx ON sessie (laatst_actief_op);

-- The operator of the application: its applicatiebeheerders set what holds for every organisation
-- (the region → zorgkantoor concessions). Present on every installation, so the first
-- applicatiebeheerder can be made with `zorginkoop gebruiker-toevoegen --organisatie applicatiebeheer`.
INSERT INTO organisatie (id, soort, naam, voorbeeld)
VALUES ('applicatiebeheer', 'beheer', 'Applicatiebeheer Zorginkoop Wlz', false)
ON CONFLICT (id) DO NOTHING;
