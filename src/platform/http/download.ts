/**
 * Downloads (bid documents, award letters, contracts, admission letters, exports): one helper so
 * every file name works — "Plan – 2027.pdf", "Begroting €.xlsx", CJK, emoji — and no download is
 * kept in a browser or proxy cache.
 *
 * Content-Disposition follows RFC 6266 with RFC 5987 encoding: an ASCII fallback `filename="…"`
 * for old clients and `filename*=UTF-8''…` with the exact name.
 */
import type { FastifyReply } from 'fastify';

/** The name as plain printable ASCII: accents dropped (é → e), other characters → "_". */
export function asciiNaam(naam: string): string {
  const s = naam
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[–—]/g, '-')
    .replace(/[‘’‚]/g, "'")
    .replace(/[“”„]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_')
    .trim();
  return s || 'download';
}

/** RFC 5987 value: UTF-8, percent-encoded except attr-chars. */
function rfc5987(naam: string): string {
  return encodeURIComponent(naam).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** `attachment; filename="Plan - 2027.pdf"; filename*=UTF-8''Plan%20%E2%80%93%202027.pdf` */
export function contentDisposition(naam: string, soort: 'attachment' | 'inline' = 'attachment'): string {
  // control characters and path separators never belong in a file name
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const schoon = naam.replace(/[\u0000-\u001f\u007f/\\]/g, '_').slice(0, 255) || 'download';
  const ascii = asciiNaam(schoon);
  return ascii === schoon
    ? `${soort}; filename="${ascii}"`
    : `${soort}; filename="${ascii}"; filename*=UTF-8''${rfc5987(schoon)}`;
}

export interface Download {
  naam: string;
  mime: string;
  inhoud: Buffer | Uint8Array;
  sha256?: string;
}

/** Sends a file as a download: Content-Type, Content-Disposition, X-SHA256, Cache-Control: no-store. */
export function stuurDownload(reply: FastifyReply, d: Download) {
  reply
    .type(d.mime)
    .header('content-disposition', contentDisposition(d.naam))
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff');
  if (d.sha256) reply.header('x-sha256', d.sha256);
  return reply.send(Buffer.isBuffer(d.inhoud) ? d.inhoud : Buffer.from(d.inhoud));
}
