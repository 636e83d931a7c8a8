/**
 * Validates an OCDS release package against the official OCDS 1.1 schemas shipped as test data in
 * test/fixtures/ocds (draft-04, Ajv). Used by tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';

// CommonJS packages: under NodeNext the default import is the module object, under tsx the class.
const Ajv04: any = (ajvDraft04 as any).default ?? ajvDraft04;
const addFormats: any = (ajvFormats as any).default ?? ajvFormats;

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/ocds');
let validate: (((d: unknown) => boolean) & { errors?: any[] | null }) | null = null;

export function valideerOcds(pkg: unknown): { ok: boolean; fouten: string[] } {
  if (!validate) {
    const ajv = new Ajv04({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addSchema(JSON.parse(fs.readFileSync(path.join(dir, 'release-schema.json'), 'utf8')));
    validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(dir, 'release-package-schema.json'), 'utf8')));
  }
  const ok = validate!(pkg);
  return { ok, fouten: (validate!.errors ?? []).map((e: any) => `${e.instancePath || '/'} ${e.message}`) };
}
