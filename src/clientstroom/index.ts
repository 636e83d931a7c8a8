/** Cliëntstroom: the only file other capabilities import. */
export { beschermBsn, beveiligOudeBsns } from './service.ts';
