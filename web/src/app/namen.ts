/**
 * One dictionary for the names of kader phases and procedure kinds, used by every page that shows
 * one (internal and public pages alike): pages show names, never the codes of the API.
 * The codes are those of src/domain/inkoop/procedure.ts (FASEN, ProcedureType) and of the deadline
 * phases in src/domain/inkoop/timeline.ts (TERMIJN_FASEN, names as TERMIJN_NAMEN).
 */
import { registerMessages, type TFunction } from './i18n.tsx';

registerMessages('namen', {
  nl: {
    'fase.concept': 'Concept',
    'fase.gepubliceerd': 'Gepubliceerd',
    'fase.vragenronde': 'Vragenronde',
    'fase.nvi_gepubliceerd': 'Nota van Inlichtingen gepubliceerd',
    'fase.toelating_doorlopend': 'Doorlopende toelating',
    'fase.inschrijving_gesloten': 'Inschrijving gesloten',
    'fase.preselectie': 'Preselectie',
    'fase.onderhandeling': 'Onderhandeling',
    'fase.dialoog': 'Dialoog',
    'fase.beoordeling': 'Beoordeling',
    'fase.verduidelijking': 'Verduidelijking',
    'fase.voorlopige_gunning': 'Voorlopige gunning',
    'fase.bezwaartermijn': 'Bezwaartermijn',
    'fase.definitieve_gunning': 'Definitieve gunning',
    'fase.afgerond': 'Afgerond',
    'fase.ingetrokken': 'Ingetrokken',
    'procedure.openbaar': 'Openbare procedure',
    'procedure.onderhandeling_voorselectie': 'Onderhandeling met voorselectie',
    'procedure.dialoog': 'Dialoogmodel (2016)',
    'procedure.open_house': 'Open house',
    'procedure.best_value': 'Best value / prestatie-inkoop',
    'termijn.publicatie': 'Publicatie inkoopkader',
    'termijn.vragen': 'Vragen stellen (Nota van Inlichtingen)',
    'termijn.nvi': 'Nota van Inlichtingen beschikbaar',
    'termijn.inschrijving': 'Inschrijving (incl. zelfanalyse en voorstel ontwikkelplan)',
    'termijn.dialoog': 'Dialoog zorgaanbieder–zorgkantoor',
    'termijn.voorlopige_gunning': 'Voorlopige gunning',
    'termijn.bezwaar': 'Bezwaartermijn',
    'termijn.definitieve_gunning': 'Definitieve gunning',
    'termijn.toelating': 'Doorlopende toelating (open house)',
  },
  en: {
    'fase.concept': 'Draft',
    'fase.gepubliceerd': 'Published',
    'fase.vragenronde': 'Question round',
    'fase.nvi_gepubliceerd': 'Clarification memo published',
    'fase.toelating_doorlopend': 'Continuous admission',
    'fase.inschrijving_gesloten': 'Submission closed',
    'fase.preselectie': 'Preselection',
    'fase.onderhandeling': 'Negotiation',
    'fase.dialoog': 'Dialogue',
    'fase.beoordeling': 'Assessment',
    'fase.verduidelijking': 'Clarification',
    'fase.voorlopige_gunning': 'Provisional award',
    'fase.bezwaartermijn': 'Objection period',
    'fase.definitieve_gunning': 'Final award',
    'fase.afgerond': 'Completed',
    'fase.ingetrokken': 'Withdrawn',
    'procedure.openbaar': 'Open procedure',
    'procedure.onderhandeling_voorselectie': 'Negotiated with preselection',
    'procedure.dialoog': 'Dialogue model (2016)',
    'procedure.open_house': 'Open house',
    'procedure.best_value': 'Best value procurement',
    'termijn.publicatie': 'Publication of the framework',
    'termijn.vragen': 'Questions (clarification memo)',
    'termijn.nvi': 'Clarification memo published',
    'termijn.inschrijving': 'Submission (incl. self-analysis and draft plan)',
    'termijn.dialoog': 'Dialogue provider–care office',
    'termijn.voorlopige_gunning': 'Provisional award',
    'termijn.bezwaar': 'Objection period',
    'termijn.definitieve_gunning': 'Final award',
    'termijn.toelating': 'Continuous admission (open house)',
  },
});

/** The name of a kader phase in the chosen language (an unknown code is shown as it is). */
export const faseNaam = (t: TFunction, fase: string) => {
  const naam = t(`namen.fase.${fase}`);
  return naam === `namen.fase.${fase}` ? fase : naam;
};

/** The name of a procedure kind in the chosen language (an unknown code is shown as it is). */
export const procedureNaam = (t: TFunction, type: string) => {
  const naam = t(`namen.procedure.${type}`);
  return naam === `namen.procedure.${type}` ? type : naam;
};

/** The name of a deadline phase (termijn) in the chosen language (an unknown code is shown as it is). */
export const termijnNaam = (t: TFunction, fase: string) => {
  const naam = t(`namen.termijn.${fase}`);
  return naam === `namen.termijn.${fase}` ? fase : naam;
};
