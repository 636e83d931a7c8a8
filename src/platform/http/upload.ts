/**
 * Reading one uploaded file (multipart/form-data, text fields before the file) with every client
 * mistake answered 4xx: not multipart, no boundary, truncated or malformed form, no file, NUL or a
 * lone surrogate in the file name or a field.
 */
import type { FastifyRequest } from 'fastify';
import { AppError, badRequest } from '../errors.ts';
import { frameworkProbleem, ongeldigeTekens } from './invoer.ts';

export interface Upload {
  naam: string;
  inhoud: Buffer;
  /** the file was larger than maxBytes (inhoud is then empty) */
  afgekapt: boolean;
  velden: Record<string, string>;
}

function kapot(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const p = frameworkProbleem(e as { code?: string; message?: string });
  if (p && p.status < 500) return new AppError(p.status, p.code, p.title, { actie: p.actie, fouten: p.fouten });
  return badRequest(
    'multipart-ongeldig',
    'Het formulier (multipart/form-data) is onvolledig of onleesbaar; het bestand is niet ontvangen.',
    { actie: 'Stuur het bestand opnieuw.' },
  );
}

export async function leesUpload(req: FastifyRequest, opts: { maxBytes: number }): Promise<Upload> {
  if (!req.isMultipart())
    throw badRequest('geen-multipart', 'Stuur het document als multipart/form-data met een bestandsveld.');
  if (!/;\s*boundary=("[^"]+"|[^;\s]+)/i.test(String(req.headers['content-type'] ?? '')))
    throw kapot(new Error('Multipart: Boundary not found'));
  let file;
  try {
    file = await req.file({ limits: { fileSize: opts.maxBytes + 1 } });
  } catch (e) {
    throw kapot(e);
  }
  if (!file) throw badRequest('geen-bestand', 'Er zit geen bestand in het verzoek.');
  let inhoud: Buffer | null;
  try {
    inhoud = await file.toBuffer();
  } catch (e) {
    if ((e as { code?: string })?.code !== 'FST_REQ_FILE_TOO_LARGE') throw kapot(e);
    inhoud = null;
  }
  const velden: Record<string, string> = {};
  for (const [k, f] of Object.entries(file.fields as Record<string, unknown>)) {
    if (f && !Array.isArray(f) && typeof f === 'object' && 'value' in f && (f as { type?: string }).type === 'field')
      velden[k] = String((f as { value: unknown }).value);
  }
  const fouten = ongeldigeTekens(file.filename, 'bestand/naam');
  ongeldigeTekens(velden, 'velden', fouten);
  if (fouten.length)
    throw badRequest('ongeldige-tekens', 'De invoer bevat tekens die niet kunnen worden verwerkt.', { fouten });
  const afgekapt = inhoud === null || file.file.truncated;
  return { naam: file.filename, inhoud: afgekapt ? Buffer.alloc(0) : inhoud!, afgekapt, velden };
}
