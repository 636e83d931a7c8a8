/** The OpenAPI 3.1 document, generated from the route schemas and checked in under docs/. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import type { Capability } from '../capability-type.ts';
import { loadConfig } from '../config.ts';
import { JobRunner } from '../jobs.ts';
import type { Db } from '../db/index.ts';

export const OPENAPI_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/openapi.json');

/** Builds the app without a database (routes are only registered, never called) and prints its document. */
export async function generateOpenApi(capabilities: readonly Capability[]): Promise<string> {
  const unused = new Proxy(
    {},
    {
      get: () => {
        throw new Error('geen database bij het genereren van OpenAPI');
      },
    },
  ) as Db;
  const app = await buildApp(
    {
      db: unused,
      config: loadConfig({}, {}),
      jobs: new JobRunner(unused),
      now: () => new Date(),
    },
    { capabilities },
  );
  const doc = app.swagger();
  await app.close();
  return JSON.stringify(doc, null, 2) + '\n';
}
