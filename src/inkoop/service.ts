/**
 * Inkoop (procurement) services — the core of issue 3. Other parts (gunning: assessment, award,
 * letters, contract, OCDS) build on these exports:
 *
 *  Kader (src/inkoop/kader.ts)
 *   - laadKader(ctx, actor, id)            the kader as the actor sees it (owner: working version; others: published snapshot) + status
 *   - kaderVoor(q, actor, id, lock?)      the raw row (KaderRij) with visibility applied (404 otherwise)
 *   - kaderStatus(ctx, q, kaderRij)       phase, allowed actions, deadlines, countdown, counts per state (CLI `inkoop status`)
 *   - laadTermijnen (working version) / geldendeTermijnen (enforced: the published snapshot once published) /
 *     laadEisen / deadlineVan / isVerzegeld / vereisOntzegeld (the one sealed refusal, 403) / isEigenaar
 *   - voerOvergangUit(ctx, actor, id, actie, t?)  procedure transition (state machine + deadline guards), audited;
 *                                         pass a transaction `t` to combine it with your own decision
 *   - lijstKaders, maakKader, wijzigKader, zetTermijnen, maakEis, wijzigEis, verwijderEis, publiceer, kaderVersie(s), sjablonen
 *  Vragen / Nota van Inlichtingen (src/inkoop/vragen.ts)
 *   - laadNotaVanInlichtingen(ctx, actor|null, kaderId, versie?)  latest (or given) NvI: {versie, sha256, regels[]}
 *   - stelVraag, lijstVragen, beantwoordVraag, publiceerNvI
 *  Inschrijving (src/inkoop/inschrijving.ts)
 *   - lijstInschrijvingen(ctx, actor, kaderId)  submitted bids for the owning zorgkantoor, only once unsealed (403 'verzegeld' before)
 *   - laadInschrijving(ctx, actor, id)     one bid with answers, documents, classification, zelfanalyse, ontwikkelplan, dialogues
 *   - inschrijvingVoor(ctx, q, actor, id) raw row + kader, sealing applied (provider: own only, 404; zorgkantoor: unsealed, submitted)
 *   - laadDocument(ctx, actor, documentId) bytes of a document (owner, or zorgkantoor after unsealing)
 *   - startInschrijving, zetAntwoord, uploadDocument, verwijderDocument, dienIn, wijzigStatus, eigenInschrijving
 *   - zetZelfanalyse, zetOntwikkelplan, maakOntwikkelplanDefinitief, legDialoogVast, classificeerInschrijving
 *
 * Tables: see the ownership note at the top of migrations/0020_inkoop.sql.
 */
export * from './kader.ts';
export * from './vragen.ts';
export * from './inschrijving.ts';
