/**
 * The capabilities of BRIEF.md, each a folder under src/ with its own routes and CLI commands.
 * Adding a capability = one line here.
 */
import type { Command } from 'commander';
import type { Api } from './platform/http/app.ts';
import type { AppContext } from './platform/context.ts';
import type { CliContext } from './platform/cli/index.ts';
import { platformCapability } from './platform/capability.ts';
import { referenceCapability } from './reference/capability.ts';
import { demoCapability } from './demo/capability.ts';
import { inkoopCapability } from './inkoop/capability.ts';
import { gunningCapability } from './inkoop/gunning/capability.ts';
import { openHouseCapability } from './inkoop/openhouse/capability.ts';
import { bestValueCapability } from './inkoop/bestvalue/capability.ts';
import { signalenCapability } from './inkoop/signalen/capability.ts';
import { tarievenCapability } from './tarieven/capability.ts';
import { openbaarCapability } from './openbaar/capability.ts';
import { budgetCapability } from './budget/index.ts';

export interface Capability {
  naam: string;
  /** HTTP routes, registered under /api/v1 */
  routes?: (api: Api, ctx: AppContext) => Promise<void> | void;
  /** CLI commands, added to the `zorginkoop` program */
  cli?: (program: Command, cli: CliContext) => void;
}

export const capabilities: Capability[] = [
  platformCapability,
  referenceCapability,
  demoCapability,
  inkoopCapability,
  gunningCapability,
  openHouseCapability,
  bestValueCapability,
  signalenCapability,
  tarievenCapability,
  openbaarCapability,
  budgetCapability,
];

export async function registerCapabilities(api: Api, ctx: AppContext): Promise<void> {
  for (const c of capabilities) if (c.routes) await c.routes(api, ctx);
}
