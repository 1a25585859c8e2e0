/**
 * Who sent a public signal, as far as a server can tell without a login: the device, by a cookie it
 * sets on the first rating, and the client address (as the rate limits resolve it). Both are kept only
 * as hashes. A script that drops cookies is a new device each time; it is bounded by the per-address
 * rate limits, not by this.
 */
import { createHash, randomBytes } from 'node:crypto';
import { normalizeIp } from '@nestjs/throttler';
import type { Request, Response } from 'express';

const DEVICE_COOKIE = 'zd_device';
const DEVICE_ID = /^[A-Za-z0-9_-]{22}$/;
const YEAR_MS = 365 * 86_400_000;

const hashed = (text: string) => createHash('sha256').update(text).digest('base64url');

/** The device's hashed id: from its cookie, or a new one set now (HttpOnly, for the public case routes only). */
export function deviceOf(request: Request, response: Response): string {
  const given = /(?:^|;\s*)zd_device=([^;]*)/.exec(request.headers.cookie ?? '')?.[1];
  if (given && DEVICE_ID.test(given)) return hashed(given);
  const id = randomBytes(16).toString('base64url');
  response.cookie(DEVICE_COOKIE, id, { httpOnly: true, sameSite: 'lax', secure: request.secure, path: '/public/cases', maxAge: YEAR_MS });
  return hashed(id);
}

/** The client address's hash (IPv6 by /64, as the rate limits count it). */
export function sourceOf(request: Request): string {
  return hashed(normalizeIp(String(request.ip ?? 'unknown')));
}
