/**
 * Random ids for idempotency keys, objection and rating ids (the API's SIGNAL_ID: [A-Za-z0-9_-]).
 * crypto.randomUUID exists only in secure contexts; a county intranet may serve plain http.
 */
export function randomId(prefix = ''): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${prefix}${hex}`;
}
