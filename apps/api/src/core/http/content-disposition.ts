/** RFC 5987 attr-char: what may stand unescaped in `filename*=UTF-8''…`. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `attachment` with an ASCII `filename` for old clients and the real name percent-encoded in
 * `filename*` (RFC 6266 / RFC 5987), e.g. 摸排名单模板.xlsx. The ASCII name is `asciiName` when given (a
 * Chinese name would otherwise fall back to a row of underscores), else the name with non-ASCII as _.
 */
export function attachment(fileName: string, asciiName?: string): string {
  const fallback = (asciiName ?? fileName).replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}
