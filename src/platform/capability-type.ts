/**
 * What a capability is to the platform: a name, its HTTP routes and its CLI commands. The list of
 * capabilities is made by the composition root (src/capabilities.ts) and handed to the app and the
 * CLI; the platform never imports a capability.
 */
import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from './context.ts';
import type { CliContext } from './cli/index.ts';

/** The Fastify instance routes are registered on (TypeBox schemas give typed requests). */
export type Api = FastifyInstance<any, any, any, any, TypeBoxTypeProvider>;

export interface Capability {
  naam: string;
  /** HTTP routes, registered under /api/v1 */
  routes?: (api: Api, ctx: AppContext) => Promise<void> | void;
  /** CLI commands, added to the `zorginkoop` program */
  cli?: (program: Command, cli: CliContext) => void;
}

export async function registerCapabilities(
  api: Api,
  ctx: AppContext,
  capabilities: readonly Capability[],
): Promise<void> {
  for (const c of capabilities) if (c.routes) await c.routes(api, ctx);
}
