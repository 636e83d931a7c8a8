/** Cliëntstroom: the only file other capabilities import. */
export { beschermBsn, beveiligOudeBsns } from './service.ts';
export { inkoopsignalen, type Inkoopsignaal } from './service.ts';
