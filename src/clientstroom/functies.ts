/**
 * Mpt per function: which function toewijzingen may exist side by side. Pure.
 *
 * Inkoopkader Langdurige Zorg 2016, §1.2 allows several providers for mpt ("Aantal zorgaanbieders
 * Eén Eén Meerdere Meerdere"); iWlz assigns mpt per function (ToegewezenFunctie with
 * LDT_FunctieCode and LDT_Klasse).
 * Keuze van het product: one active regular toewijzing per function at a time, so that a provider
 * knows which part of the care is theirs and the care of one function is not assigned twice; to
 * move a function to another provider, withdraw it first (bridging care, soort 3, stays possible).
 */
export interface FunctieToewijzing {
  functieCode: string | null;
  organisatieId: string | null;
  soort: string;
  leveringsvorm: string;
}

export interface FunctieBezwaar {
  regel: 'functie-ontbreekt' | 'functie-onbekend' | 'klasse-onbekend' | 'functie-al-toegewezen' | 'functie-niet-mpt';
  wat: string;
  actie: string;
}

export const BRON_FUNCTIES =
  'Inkoopkader Langdurige Zorg 2016, §1.2 Zorg en leveringsvormen in de Wlz: "Aantal zorgaanbieders Eén Eén Meerdere Meerdere"; Keuze van het product: mpt wordt per functie toegewezen, één aanbieder per functie tegelijk.';

export function toetsFunctie(
  actief: readonly FunctieToewijzing[],
  nieuw: FunctieToewijzing & { functieKlasse: string | null },
  geldig: { functies: readonly string[]; klassen: readonly string[] },
): FunctieBezwaar[] {
  if (nieuw.leveringsvorm !== 'mpt') {
    return nieuw.functieCode
      ? [
          {
            regel: 'functie-niet-mpt',
            wat: `Een toewijzing per functie bestaat alleen bij mpt, niet bij ${nieuw.leveringsvorm}.`,
            actie: 'Laat functieCode en functieKlasse leeg, of kies leveringsvorm mpt.',
          },
        ]
      : [];
  }
  const uit: FunctieBezwaar[] = [];
  if (!nieuw.functieCode) {
    uit.push({
      regel: 'functie-ontbreekt',
      wat: 'Bij mpt wijst het zorgkantoor per functie toe; de functie ontbreekt.',
      actie: `Kies een functie uit LDT_FunctieCode (${geldig.functies.join(', ')}) en de klasse (LDT_Klasse).`,
    });
    return uit;
  }
  if (!geldig.functies.includes(nieuw.functieCode))
    uit.push({
      regel: 'functie-onbekend',
      wat: `Onbekende functie ${nieuw.functieCode}.`,
      actie: `Kies een code uit LDT_FunctieCode: ${geldig.functies.join(', ')}.`,
    });
  if (!nieuw.functieKlasse || !geldig.klassen.includes(nieuw.functieKlasse))
    uit.push({
      regel: 'klasse-onbekend',
      wat: nieuw.functieKlasse ? `Onbekende klasse ${nieuw.functieKlasse}.` : 'De klasse van de functie ontbreekt.',
      actie: 'Kies een code uit LDT_Klasse (bijvoorbeeld K3 of KD02).',
    });
  if (nieuw.soort === '1') {
    const bezet = actief.find(
      (t) => t.soort === '1' && t.leveringsvorm === 'mpt' && t.functieCode === nieuw.functieCode,
    );
    if (bezet)
      uit.push({
        regel: 'functie-al-toegewezen',
        wat: `Functie ${nieuw.functieCode} is al toegewezen${bezet.organisatieId === nieuw.organisatieId ? ' aan deze aanbieder' : ' aan een andere aanbieder'}.`,
        actie: 'Trek die toewijzing eerst in, of wijs overbrugging (soort 3) toe.',
      });
  }
  return uit;
}
