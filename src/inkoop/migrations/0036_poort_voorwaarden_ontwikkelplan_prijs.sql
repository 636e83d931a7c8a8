-- Brontrouw (issue 10, items 1–4): the procedure decides who gets which contract as the sources say.
--
-- 1. Gates are gates, conditions are conditions (src/domain/inkoop/toetreding.ts):
--    * eis.groep gets 'gunningsvoorwaarde' (Kader zorginkoop 2008, Kader 3.2 Algemene
--      gunningsvoorwaarden: "Die voorwaarden zijn onderdeel van de overeenkomst") and
--      'tweejarige_voorwaarde' (Inkoopkader Langdurige Zorg 2016 §2.2.4, G1–G4: computed by the
--      decision table, not assessed). Kaders made from the templates before this migration had
--      those typed as knock-out criteria; they are corrected here (only template-made kaders, only
--      the template's codes).
--    * beoordeling.automatisch: a gate requirement judged from the answer itself (yes/no).
-- 2. The ontwikkelplan is agreed by the zorgkantoor: status 'akkoord' and who/when; a plan sent
--    back returns to 'voorstel' with the reason; every decision in ontwikkelplan_besluit.
-- 3. The opslag becomes a price: the proposed and decided opslag on the award, the grant moments
--    (initieel / herschikking / nacalculatie) and the price per prestatie from each moment.
-- 4. Themes belong to a sector: a kader's own quality themes (null = the template's, if same sector).

ALTER TABLE eis DROP CONSTRAINT eis_groep_check;
ALTER TABLE eis ADD CONSTRAINT eis_groep_check CHECK (groep IN ('pve','bestuursverklaring','geschiktheidseis','uitsluitingsgrond',
  'gunningscriterium_knockout','gunningscriterium_gewogen','zelfanalyse','ontwikkelplan','gunningsvoorwaarde','tweejarige_voorwaarde'));

UPDATE eis SET groep = 'tweejarige_voorwaarde'
 WHERE groep = 'gunningscriterium_knockout' AND code IN ('G1','G2','G3','G4')
   AND kader_id IN (SELECT id FROM inkoopkader WHERE sjabloon = 'wlz-2016');
UPDATE eis SET groep = 'gunningsvoorwaarde'
 WHERE groep = 'gunningscriterium_knockout' AND code LIKE 'GV-%'
   AND kader_id IN (SELECT id FROM inkoopkader WHERE sjabloon = 'awbz-2008');

ALTER TABLE beoordeling ADD COLUMN automatisch boolean NOT NULL DEFAULT false;

-- ───────────── Ontwikkelplan: agreed by the zorgkantoor ─────────────
ALTER TABLE ontwikkelplan DROP CONSTRAINT ontwikkelplan_status_check;
ALTER TABLE ontwikkelplan ADD CONSTRAINT ontwikkelplan_status_check CHECK (status IN ('voorstel','definitief','afgewezen','akkoord'));
ALTER TABLE ontwikkelplan ADD COLUMN akkoord_op timestamptz;
ALTER TABLE ontwikkelplan ADD COLUMN akkoord_door uuid REFERENCES gebruiker(id);
ALTER TABLE ontwikkelplan ADD COLUMN teruggestuurd_reden text;

CREATE TABLE ontwikkelplan_besluit (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inschrijving_id  uuid NOT NULL REFERENCES inschrijving(id),
  besluit          text NOT NULL CHECK (besluit IN ('akkoord','teruggestuurd')),
  reden            text,
  plan_sha256      text NOT NULL,                                   -- SHA-256 of the plan as decided on
  besloten_door    uuid NOT NULL REFERENCES gebruiker(id),
  besloten_op      timestamptz NOT NULL,
  CHECK (besluit = 'akkoord' OR length(btrim(coalesce(reden, ''))) > 0)
);
CREATE INDEX ontwikkelplan_besluit_idx ON ontwikkelplan_besluit (inschrijving_id, besloten_op);

-- ───────────── Opslag and price ─────────────
ALTER TABLE gunning ADD COLUMN opslag_voorstel numeric(5,2) CHECK (opslag_voorstel IS NULL OR (opslag_voorstel >= 0 AND opslag_voorstel <= 3));
ALTER TABLE gunning ADD COLUMN opslag_motivatie text;              -- motivation of a deviation from the proposal
ALTER TABLE gunning ADD COLUMN prijzen jsonb;                      -- price per prestatie as in the letter

CREATE TABLE opslag_toekenning (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  overeenkomst_id  uuid NOT NULL REFERENCES overeenkomst(id),
  moment           text NOT NULL CHECK (moment IN ('initieel','herschikking','nacalculatie')),
  percentage       numeric(5,2) NOT NULL CHECK (percentage >= 0 AND percentage <= 3), -- part of the opslag granted at this moment
  cumulatief       numeric(5,2) NOT NULL CHECK (cumulatief >= 0 AND cumulatief <= 3), -- opslag in the price from this moment
  motivatie        text,
  toegekend_door   uuid NOT NULL REFERENCES gebruiker(id),
  toegekend_op     timestamptz NOT NULL,
  UNIQUE (overeenkomst_id, moment)
);

CREATE TABLE overeenkomst_prijs (
  overeenkomst_id  uuid NOT NULL REFERENCES overeenkomst(id),
  moment           text NOT NULL CHECK (moment IN ('initieel','herschikking','nacalculatie')),
  prestatie_code   text NOT NULL REFERENCES prestatie(code),
  jaar             int  NOT NULL,
  nza_max          numeric(12,2) NOT NULL,
  basistarief_pct  numeric(7,2) NOT NULL,
  basistarief      numeric(12,2) NOT NULL,
  opslag_pct       numeric(5,2) NOT NULL CHECK (opslag_pct >= 0 AND opslag_pct <= 3),
  prijs            numeric(12,2) NOT NULL,
  max_tarief_zk    numeric(12,2) NOT NULL,
  voorbeeld        boolean NOT NULL,                                -- NZa figures were examples
  PRIMARY KEY (overeenkomst_id, moment, prestatie_code),
  CHECK (prijs <= max_tarief_zk AND max_tarief_zk <= nza_max)
);

-- ───────────── Themes ─────────────
ALTER TABLE inkoopkader ADD COLUMN kwaliteitsthemas jsonb;         -- [{code, naam, bron, sector}]; null = template's
