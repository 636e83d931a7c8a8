/** Functions a person can hold within an organisation (MODEL.md: Gebruiker, Rol). */
export const ROLLEN = [
  'inkoper',
  'beoordelaar',
  'controller',
  'manager',
  'zorgbemiddelaar',
  'aanbieder-contractmanager',
  'aanbieder-bestuurder',
  'clientenraad',
  'toezichthouder',
  'beheerder',
  'applicatiebeheerder',
] as const;
export type Rol = (typeof ROLLEN)[number];

export const ORGANISATIE_SOORTEN = ['zorgkantoor', 'zorgaanbieder', 'nza', 'cak', 'ciz', 'beheer'] as const;
export type OrganisatieSoort = (typeof ORGANISATIE_SOORTEN)[number];

/** Which roles belong in which kind of organisation; a user's roles must fit their organisation. */
export const ROLLEN_PER_SOORT: Record<OrganisatieSoort, readonly Rol[]> = {
  zorgkantoor: ['inkoper', 'beoordelaar', 'controller', 'manager', 'zorgbemiddelaar', 'beheerder'],
  zorgaanbieder: ['aanbieder-contractmanager', 'aanbieder-bestuurder', 'clientenraad'],
  nza: ['toezichthouder'],
  cak: ['toezichthouder'],
  ciz: ['toezichthouder'],
  // The operator of the application (organisation of kind 'beheer', id APPLICATIEBEHEER): the
  // applicatiebeheerder sets what holds for every organisation, such as the region → zorgkantoor
  // concessions; a beheerder there manages the operator's own accounts.
  beheer: ['applicatiebeheerder', 'beheerder'],
};

/** The operator organisation (created by migration 0006); holds the applicatiebeheerders. */
export const APPLICATIEBEHEER = 'applicatiebeheer';

export const ZORGKANTOOR_ROLLEN: Rol[] = ['inkoper', 'beoordelaar', 'controller', 'manager'];
export const AANBIEDER_ROLLEN: Rol[] = ['aanbieder-contractmanager', 'aanbieder-bestuurder', 'clientenraad'];

/** The signed-in person as every service sees them. */
export interface Actor {
  gebruikerId: string;
  naam: string;
  email: string;
  organisatieId: string;
  organisatieNaam: string;
  organisatieSoort: OrganisatieSoort;
  rollen: Rol[];
  taal: 'nl' | 'en';
}

/**
 * What a route serves, declared on every route:
 *  - publiek: anyone, no session
 *  - rollen: which functions may call it ('ingelogd' = any signed-in user)
 *  - data: whose data it returns — 'eigen-organisatie' (only the caller's organisation; a provider
 *    never sees another provider), 'zorgkantoor-regio' (the regions the zorgkantoor serves),
 *    'alle' (supervisors, reference data), 'publiek' (published information)
 */
export type DataScope = 'eigen-organisatie' | 'zorgkantoor-regio' | 'alle' | 'publiek';
export type Access =
  | { publiek: true; data?: 'publiek' }
  | { rollen: Rol[] | 'ingelogd'; data: DataScope; organisaties?: OrganisatieSoort[] };

export function mayCall(access: Access, actor: Actor | null): 'ok' | 'niet-ingelogd' | 'geen-toegang' {
  if ('publiek' in access) return 'ok';
  if (!actor) return 'niet-ingelogd';
  if (access.organisaties && !access.organisaties.includes(actor.organisatieSoort)) return 'geen-toegang';
  if (access.rollen === 'ingelogd') return 'ok';
  return actor.rollen.some((r) => (access.rollen as Rol[]).includes(r)) ? 'ok' : 'geen-toegang';
}

export const isZorgkantoor = (a: Actor) => a.organisatieSoort === 'zorgkantoor';
/** A manager of a zorgkantoor (of that zorgkantoor, when one is named): the role that decides. */
export const isManagerZorgkantoor = (a: Actor, zorgkantoorId?: string) =>
  isZorgkantoor(a) &&
  a.rollen.includes('manager') &&
  (zorgkantoorId === undefined || a.organisatieId === zorgkantoorId);
/** Purchaser or manager of a zorgkantoor: the roles that prepare. */
export const isInkoperOfManager = (a: Actor) =>
  isZorgkantoor(a) && a.rollen.some((r) => r === 'inkoper' || r === 'manager');
export const isAanbieder = (a: Actor) => a.organisatieSoort === 'zorgaanbieder';
export const isToezicht = (a: Actor) => a.organisatieSoort === 'nza' || a.rollen.includes('toezichthouder');
