import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { generateOpenApi, OPENAPI_FILE } from './openapi.ts';
import { capabilities } from '../../capabilities.ts';

test('docs/openapi.json matches the routes in the code (run `npm run openapi` after changing a route)', async () => {
  const text = await generateOpenApi(capabilities);
  const doc = JSON.parse(text);
  assert.equal(doc.openapi, '3.1.0');
  assert.ok(doc.paths['/api/v1/auth/login']);
  assert.equal(fs.readFileSync(OPENAPI_FILE, 'utf8'), text);
});
