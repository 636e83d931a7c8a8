#!/usr/bin/env node
// Entry point of the `zorginkoop` CLI: loads the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../src/cli.ts');
await main(process.argv);
