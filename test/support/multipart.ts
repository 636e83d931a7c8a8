/**
 * A multipart/form-data body with text fields first and one file field `bestand`, as the upload
 * routes expect (fields before the file). For app.inject in API tests.
 */
export function multipart(
  naam: string,
  inhoud: Buffer,
  velden: Record<string, string> = {},
): { payload: Buffer; headers: Record<string, string> } {
  const grens = '----zk' + Math.random().toString(16).slice(2);
  const delen: Buffer[] = [];
  for (const [k, v] of Object.entries(velden))
    delen.push(Buffer.from(`--${grens}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  delen.push(
    Buffer.from(
      `--${grens}\r\nContent-Disposition: form-data; name="bestand"; filename="${naam}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    inhoud,
    Buffer.from(`\r\n--${grens}--\r\n`),
  );
  return { payload: Buffer.concat(delen), headers: { 'content-type': `multipart/form-data; boundary=${grens}` } };
}
