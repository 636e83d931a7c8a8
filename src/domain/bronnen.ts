/**
 * The register of the documents the product's rules come from. Users see a source by its
 * document (title, publisher, year where the document states it) and section or page, never by a
 * file name of this repository. Every `bron`/`document` shown to a user starts with one of these
 * titles (a test checks the shipped data files), or says it is the product's own choice.
 */
export interface BronDocument {
  id: string;
  titel: string;
  uitgever: string;
  /** only where the document states it */
  jaar?: number;
  omschrijving: string;
}

export const BRONNEN = [
  {
    id: 'zorginkoop-2008',
    titel: 'Kader zorginkoop 2008',
    uitgever: 'Zorgverzekeraars Nederland (ZN) en de zorgkantoren',
    omschrijving: 'Gezamenlijk kader van ZN en de zorgkantoren voor de AWBZ-zorginkoop 2008.',
  },
  {
    id: 'inkoopsafari',
    titel: 'Inkoopsafari – Verkenning van de praktijk van zorginkoop',
    uitgever: 'Raad voor Volksgezondheid en Samenleving (RVS)',
    omschrijving: 'Praktijkverkenning van zorginkoop in Zvw, Wlz en Wmo.',
  },
  {
    id: 'inkoopkader-2016',
    titel: 'Inkoopkader Langdurige Zorg 2016',
    uitgever: 'de zorgkantoren (Wlz-uitvoerders)',
    jaar: 2016,
    omschrijving: 'Landelijk inkoopkader Wlz 2016; de versie voor de gehandicaptenzorg (GZ).',
  },
  {
    id: 'thema-tabel-2024',
    titel: "Tabel thema's in contractering langdurige zorg 2024 - 2026",
    uitgever: 'samengesteld uit de websites van de zorgkantoren (stand begin juli 2023)',
    omschrijving: 'Overzicht van het V&V-inkoopbeleid van de zeven zorgkantoren voor 2024–2026.',
  },
  {
    id: 'nza-doelmatig-2016',
    titel: "Themaonderzoek 'Doelmatige zorg in de Wlz'",
    uitgever: 'Nederlandse Zorgautoriteit (NZa)',
    jaar: 2016,
    omschrijving: 'Onderzoek van de NZa naar hoe zorgkantoren doelmatige zorg bevorderen.',
  },
] as const satisfies readonly BronDocument[];

export type BronId = (typeof BRONNEN)[number]['id'];

/** Marks a value the product chose where the sources are silent; always with a reason. */
export const PRODUCTKEUZE = 'Keuze van het product';

export function bronDocument(id: BronId): BronDocument {
  return BRONNEN.find((b) => b.id === id)!;
}

/** "Inkoopkader Langdurige Zorg 2016 (de zorgkantoren (Wlz-uitvoerders), 2016), §2.2.4" */
export function bronVermelding(id: BronId, vindplaats?: string): string {
  const d = bronDocument(id);
  const wie = d.jaar ? `${d.uitgever}, ${d.jaar}` : d.uitgever;
  return `${d.titel} (${wie})${vindplaats ? `, ${vindplaats}` : ''}`;
}

/** True when a user-visible source text names a registered document or is marked as the product's choice. */
export function noemtBekendeBron(tekst: string): boolean {
  return tekst.startsWith(PRODUCTKEUZE) || BRONNEN.some((b) => tekst.includes(b.titel));
}

/** Words of this repository that never appear in what users see. */
export const INTERNE_BRONWOORDEN = /\b(seeds?|digests?|table_003\.json)\b/i;
