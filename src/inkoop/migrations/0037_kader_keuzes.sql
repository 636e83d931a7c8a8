-- The template's product choices ("Keuze van het product: …", shown on the new-kader form) are stored
-- with the kader, so the kader detail page and every published snapshot show what the product chose
-- where the source is silent. [{onderwerp, bron}]; kaders made before this migration have none stored.
ALTER TABLE inkoopkader ADD COLUMN keuzes jsonb NOT NULL DEFAULT '[]'::jsonb;
