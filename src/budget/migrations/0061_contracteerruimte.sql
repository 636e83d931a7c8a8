-- Contracteerruimte per zorgkantoor × regio × jaar × sector with its ledger (budgetmutatie), and
-- every version of a productieafspraak (productieafspraak_versie). The ledger invariant
--   afspraken + pool + oormerk + reserve = totaal
-- is held by the database itself (CHECK), per mutation and per running balance; mutations and
-- versions are append-only (trigger), so nothing is ever overwritten.

CREATE TABLE contracteerruimte (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  zorgkantoor_id  text NOT NULL REFERENCES organisatie(id),
  regio_code      text NOT NULL REFERENCES regio(code),
  jaar            int  NOT NULL CHECK (jaar BETWEEN 2000 AND 2100),
  sector          text NOT NULL REFERENCES sector(code),
  status          text NOT NULL CHECK (status IN ('voorlopig', 'definitief')),
  bron            text NOT NULL CHECK (bron IN ('ingevoerd', 'import', 'voorbeeld')),
  voorbeeld       boolean NOT NULL DEFAULT false,     -- true = example figures, never a real budget
  toelichting     text,
  -- running balances: a projection of the mutations, updated in the same transaction
  totaal          numeric(16,2) NOT NULL DEFAULT 0,
  afspraken       numeric(16,2) NOT NULL DEFAULT 0,
  oormerk         numeric(16,2) NOT NULL DEFAULT 0,
  reserve         numeric(16,2) NOT NULL DEFAULT 0,
  pool            numeric(16,2) NOT NULL DEFAULT 0,
  laatste_volgnummer int NOT NULL DEFAULT 0,
  aangemaakt_door uuid REFERENCES gebruiker(id),
  aangemaakt_naam text NOT NULL,
  aangemaakt_op   timestamptz NOT NULL DEFAULT now(),
  definitief_door uuid REFERENCES gebruiker(id),
  definitief_naam text,
  definitief_op   timestamptz,
  CONSTRAINT contracteerruimte_balans CHECK (afspraken + pool + oormerk + reserve = totaal),
  CONSTRAINT contracteerruimte_niet_negatief CHECK (totaal >= 0 AND afspraken >= 0 AND oormerk >= 0 AND reserve >= 0 AND pool >= 0),
  UNIQUE (regio_code, jaar, sector)
);
CREATE INDEX contracteerruimte_zk_idx ON contracteerruimte (zorgkantoor_id, jaar);

CREATE TABLE budgetmutatie (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  contracteerruimte_id  uuid NOT NULL REFERENCES contracteerruimte(id),
  volgnummer            int  NOT NULL,
  soort                 text NOT NULL CHECK (soort IN ('vaststelling', 'oormerk', 'reserve', 'overheveling-uit', 'overheveling-in', 'afspraak')),
  d_totaal              numeric(16,2) NOT NULL DEFAULT 0,
  d_afspraken           numeric(16,2) NOT NULL DEFAULT 0,
  d_oormerk             numeric(16,2) NOT NULL DEFAULT 0,
  d_reserve             numeric(16,2) NOT NULL DEFAULT 0,
  d_pool                numeric(16,2) NOT NULL DEFAULT 0,
  oormerk_label         text,
  percentage            numeric,                -- an earmark set as a percentage of the total
  status                text CHECK (status IN ('voorlopig', 'definitief')),
  overheveling_id       uuid,                   -- the same id on both sides of a transfer
  tegen_contracteerruimte_id uuid REFERENCES contracteerruimte(id),
  afspraak_versie_id    uuid,
  omschrijving          text NOT NULL,
  bron                  text,                   -- document and section the figure comes from
  door                  uuid REFERENCES gebruiker(id),
  door_naam             text NOT NULL,
  op                    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT budgetmutatie_balans CHECK (d_totaal = d_afspraken + d_pool + d_oormerk + d_reserve),
  CONSTRAINT budgetmutatie_oormerk_label CHECK ((soort = 'oormerk') = (oormerk_label IS NOT NULL)),
  UNIQUE (contracteerruimte_id, volgnummer)
);
CREATE INDEX budgetmutatie_overheveling_idx ON budgetmutatie (overheveling_id) WHERE overheveling_id IS NOT NULL;

-- The current state of an agreement stays in productieafspraak (read by region/provider overviews
-- and by procurement classification); every state it has had is a row here.
ALTER TABLE productieafspraak ADD COLUMN status text NOT NULL DEFAULT 'vastgesteld'
  CHECK (status IN ('concept', 'ingediend', 'vastgesteld'));
ALTER TABLE productieafspraak ADD COLUMN soort text NOT NULL DEFAULT 'tweezijdig'
  CHECK (soort IN ('tweezijdig', 'eenzijdig'));
ALTER TABLE productieafspraak ADD COLUMN prijs_bron text NOT NULL DEFAULT 'historisch'
  CHECK (prijs_bron IN ('tariefbeleid', 'nza-maximum', 'ingevoerd', 'historisch', 'scenario'));
ALTER TABLE productieafspraak ADD COLUMN huidige_versie int NOT NULL DEFAULT 0;
ALTER TABLE productieafspraak ADD COLUMN contracteerruimte_id uuid REFERENCES contracteerruimte(id);

CREATE TABLE productieafspraak_versie (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  afspraak_id     uuid NOT NULL REFERENCES productieafspraak(id),
  versie          int  NOT NULL CHECK (versie >= 0),
  status          text NOT NULL CHECK (status IN ('concept', 'ingediend', 'vastgesteld')),
  soort           text NOT NULL CHECK (soort IN ('tweezijdig', 'eenzijdig')),
  prijs           numeric(12,2) NOT NULL CHECK (prijs >= 0),
  prijs_bron      text NOT NULL,
  prijs_toelichting text,
  volume          numeric(14,2) NOT NULL CHECK (volume >= 0),
  bedrag          numeric(16,2) NOT NULL,
  reden           text NOT NULL CHECK (reden IN ('historisch', 'nieuw', 'wijziging', 'status', 'import', 'scenario')),
  toelichting     text,
  scenario_id     uuid,
  door            uuid REFERENCES gebruiker(id),
  door_naam       text NOT NULL,
  op              timestamptz NOT NULL DEFAULT now(),
  UNIQUE (afspraak_id, versie)
);

CREATE FUNCTION budget_weiger_wijziging() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is niet toegestaan', TG_TABLE_NAME, TG_OP;
END $$;
CREATE TRIGGER budgetmutatie_append_only BEFORE UPDATE OR DELETE ON budgetmutatie
  FOR EACH ROW EXECUTE FUNCTION budget_weiger_wijziging();
CREATE TRIGGER productieafspraak_versie_append_only BEFORE UPDATE OR DELETE ON productieafspraak_versie
  FOR EACH ROW EXECUTE FUNCTION budget_weiger_wijziging();
