import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asciiNaam, contentDisposition } from './download.ts';

test('Content-Disposition: ASCII names stay as they are; others get an ASCII fallback and filename*', () => {
  assert.equal(contentDisposition('brief-2025.pdf'), 'attachment; filename="brief-2025.pdf"');
  assert.equal(
    contentDisposition('Plan – 2027.pdf'),
    `attachment; filename="Plan - 2027.pdf"; filename*=UTF-8''Plan%20%E2%80%93%202027.pdf`,
  );
  assert.equal(contentDisposition('Café.pdf'), `attachment; filename="Cafe.pdf"; filename*=UTF-8''Caf%C3%A9.pdf`);
  assert.equal(contentDisposition("o'neil (1).pdf"), `attachment; filename="o'neil (1).pdf"`);
  assert.match(
    contentDisposition('计划.pdf'),
    /^attachment; filename="__\.pdf"; filename\*=UTF-8''%E8%AE%A1%E5%88%92\.pdf$/,
  );
  // quotes, backslashes, control characters and path separators never reach the header unescaped
  const h = contentDisposition('a"b\\c/d\r\ne.pdf');
  assert.doesNotMatch(h, /[\r\n]/);
  assert.match(h, /^attachment; filename="a_b_c_d__e\.pdf"/);
  assert.equal(asciiNaam('🚀'), '__');
  assert.equal(asciiNaam(''), 'download');
});
