/**
 * An upload route's Idempotency-Key is claimed after the multipart body has been read (the global
 * interceptor runs before any route interceptor, when the file has not arrived yet), so that the
 * request digest covers the file: the same key with another file is a 422, not a replay.
 */
import { createHash } from 'node:crypto';
import type { ExecutionContext } from '@nestjs/common';

/** Route metadata: claim the key after the upload interceptor has read the file. */
export const DIGEST_AFTER_UPLOAD = 'zhengdun:idempotency-digest-after-upload';

const UPLOAD_READ = Symbol('zhengdun.uploadRead');

interface UploadRequest {
  [UPLOAD_READ]?: boolean;
  file?: { buffer?: Buffer; originalname?: string; size?: number };
}

/** Called by an upload interceptor once the multipart body has been read. */
export function markUploadRead(context: ExecutionContext): void {
  context.switchToHttp().getRequest<UploadRequest>()[UPLOAD_READ] = true;
}

export function uploadRead(request: object): boolean {
  return (request as UploadRequest)[UPLOAD_READ] === true;
}

/** What of the uploaded file enters the request digest: its content's SHA-256, size and name. */
export function uploadedFileDigest(request: object): { sha256: string; size: number; name: string } | null {
  const file = (request as UploadRequest).file;
  if (!file?.buffer) return null;
  return { sha256: createHash('sha256').update(file.buffer).digest('hex'), size: file.buffer.length, name: file.originalname ?? '' };
}
