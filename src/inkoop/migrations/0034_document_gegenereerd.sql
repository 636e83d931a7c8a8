-- Zegel (issue 8): documents the zorgkantoor generates (award and admission letters, contracts:
-- src/inkoop/gunning/service.ts opslaanPdf) are stored under the provider's bid but are not the
-- provider's uploads. They are marked here so that no provider route can delete, replace or link
-- them as its own evidence (refused 409 naming the document; regel inkoop.document.gegenereerd).
-- Existing generated documents are the ones with doel 'brief' or 'overeenkomst': uploads only allow
-- inschrijving | ontwikkelplan | clientenraad | zelfanalyse (src/inkoop/inschrijving.ts uploadDocument).

ALTER TABLE document ADD COLUMN gegenereerd boolean NOT NULL DEFAULT false;
UPDATE document SET gegenereerd = true WHERE doel IN ('brief', 'overeenkomst');
