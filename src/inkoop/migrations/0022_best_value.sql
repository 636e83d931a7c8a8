-- Best value / prestatie-inkoop (issue 3): the provider's short proposal on its inschrijving and the
-- KPIs it proposes itself (seed 001 §4.2: "maakt een inschatting van kansen en risico's en doet zelf
-- een voorstel voor kpi's"; seed 001 §2.2: "welke uitkomstindicatoren van kwaliteit ze willen
-- verbeteren en hoe ze daarop beoordeeld willen worden"). Part of the sealed bid: same visibility
-- and deadline rules as the inschrijving itself (src/inkoop/bestvalue/service.ts).
--
-- OWNERSHIP: best value helper (src/inkoop/bestvalue/). Never edit once committed; extend in a later
-- migration of the inkoop range (0020–0039).

CREATE TABLE best_value_voorstel (
  inschrijving_id   uuid PRIMARY KEY REFERENCES inschrijving(id) ON DELETE CASCADE,
  voorstel          text,                                          -- the short proposal (≈ two A4 pages)
  kansen            text,                                          -- opportunities
  risicos           text,                                          -- risks and how they are managed
  aangeboden_prijs  numeric(14,2) CHECK (aangeboden_prijs IS NULL OR aangeboden_prijs > 0), -- euros, exact
  prijs_toelichting text,
  gewijzigd_op      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE kpi (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  inschrijving_id  uuid NOT NULL REFERENCES inschrijving(id) ON DELETE CASCADE,
  volgnummer       int NOT NULL CHECK (volgnummer >= 1),
  naam             text NOT NULL,
  omschrijving     text,
  eenheid          text NOT NULL,                                  -- %, aantal, dagen, score 1–10, …
  nulmeting        numeric NOT NULL,                               -- baseline, exact as entered
  streefwaarde     numeric NOT NULL,                               -- target, exact as entered
  richting         text NOT NULL CHECK (richting IN ('hoger_is_beter','lager_is_beter','handhaven')),
  meetmethode      text NOT NULL,                                  -- how it is assessed
  meetmoment       text,                                           -- when / how often it is measured
  bron             text,                                           -- data source
  afgesproken      boolean NOT NULL DEFAULT false,                 -- part of the contract (final award)
  afgesproken_op   timestamptz,
  UNIQUE (inschrijving_id, volgnummer)
);
CREATE INDEX kpi_afgesproken_idx ON kpi (inschrijving_id) WHERE afgesproken;
