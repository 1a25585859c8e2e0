/**
 * The HS256 secret of the APIs a test file starts, fresh per test process: no key written in the source
 * signs anything, and the harnesses say which mode they run in.
 */
import { randomBytes } from 'node:crypto';

export const TEST_JWT_SECRET = randomBytes(48).toString('base64');
