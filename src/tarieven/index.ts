/**
 * The tarieven capability's door: what other capabilities (budget) may use.
 * Nothing else in src/tarieven is imported from outside.
 */
export { tarievenCapability } from './capability.ts';
export { tarievenVanAanbieder, geldendBeleid, looptijdNieuweAanbieder, type GeldendBeleid } from './service.ts';
