/**
 * The capabilities of BRIEF.md, each a folder under src/ with its own routes and CLI commands.
 * Adding a capability = one line here.
 */
import type { Capability } from './platform/capability-type.ts';
import { platformCapability } from './platform/capability.ts';
import { maakReferenceCapability } from './reference/index.ts';
import { demoCapability } from './demo/capability.ts';
import { gebruikDeclaratieImport } from './demo/index.ts';
import { inkoopCapability } from './inkoop/capability.ts';
import { gunningCapability } from './inkoop/gunning/capability.ts';
import { afsprakenCapability } from './inkoop/gunning/afspraken-capability.ts';
import { openHouseCapability } from './inkoop/openhouse/capability.ts';
import { bestValueCapability } from './inkoop/bestvalue/capability.ts';
import { signalenCapability } from './inkoop/signalen/capability.ts';
import { tarievenCapability } from './tarieven/index.ts';
import { openbaarCapability } from './openbaar/capability.ts';
import {
  afspraakTotalen,
  afsprakenPerJaar,
  afsprakenVoorHistorie,
  budgetCapability,
  gebruikWachtlijstSignalen,
} from './budget/index.ts';
import { productieRegiosSectoren, realisatiePerJaar, realisatieTotalen } from './realisatie/index.ts';
import { gebruikContractHistorieBron } from './inkoop/index.ts';
import { realisatieCapability } from './realisatie/capability.ts';
import { importeerDeclaraties } from './realisatie/service.ts';
import { clientstroomCapability } from './clientstroom/capability.ts';
import { inkoopsignalen } from './clientstroom/index.ts';

/** The overview of reference shows figures its owners read (arrows point down: reference never imports them). */
const referenceCapability = maakReferenceCapability({
  afspraakTotalen,
  afsprakenPerJaar,
  realisatieTotalen,
  realisatiePerJaar,
});

/** The classification of bidders reads the contract history from the owners of agreements and delivered care. */
gebruikContractHistorieBron({ afspraken: afsprakenVoorHistorie, productie: productieRegiosSectoren });

/** Scenarios of the allocation read the waiting list per provider from cliëntstroom (which imports budget). */
gebruikWachtlijstSignalen(inkoopsignalen);

/** The demo's realisatie comes in through the declaration import users use (realisatie reads budget, which reads realisatie). */
gebruikDeclaratieImport(importeerDeclaraties);

export const capabilities: Capability[] = [
  platformCapability,
  referenceCapability,
  demoCapability,
  inkoopCapability,
  gunningCapability,
  afsprakenCapability,
  openHouseCapability,
  bestValueCapability,
  signalenCapability,
  tarievenCapability,
  openbaarCapability,
  budgetCapability,
  realisatieCapability,
  clientstroomCapability,
];
