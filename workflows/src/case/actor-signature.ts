/**
 * Who acts on a case is decided by the API (it verifies the person's token), not by whoever reaches
 * Temporal: the API signs each action's actor with a key only it and the worker hold, and the case
 * workflow's Update validator refuses an action whose signature is missing, wrong, stale or made for
 * another case or Update. A `temporal workflow update` with a made-up actor is refused before it is
 * recorded.
 *
 * The key reaches the workflow code without entering a file or the history: the bundle carries the
 * placeholder below, and the worker writes the key into its in-memory copy of the code at start
 * (`withActorKey`). Validators do not run on replay, so a changed key never affects old histories.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson, type Actor, type CaseAction } from '@zhengdun/domain';

/** How long a signature stays valid, either side of the signing instant (allows for clock skew). */
export const ACTOR_SIGNATURE_MAX_AGE_MS = 10 * 60_000;

export interface ActorSignature {
  /** When the API signed (ISO 8601). */
  at: string;
  /** HMAC-SHA256, hex, of the canonical JSON of { v, caseId, updateId, at, actor, action }. */
  mac: string;
}

const KEY_PLACEHOLDER_PREFIX = 'zhengdun-actor-key-placeholder';
/** Replaced in the worker's in-memory bundle by `withActorKey`; must stay a plain string literal. */
const ACTOR_KEY_HEX = 'zhengdun-actor-key-placeholder-0000000000000000000000000000000000';
export const ACTOR_KEY_PLACEHOLDER = ACTOR_KEY_HEX;

function macOf(key: Uint8Array, caseId: string, updateId: string, at: string, actor: Actor, action: CaseAction): string {
  const message = canonicalJson({ v: 1, caseId, updateId, at, actor, action });
  return bytesToHex(hmac(sha256, key, utf8ToBytes(message)));
}

export function signActor(key: Uint8Array, caseId: string, updateId: string, actor: Actor, action: CaseAction, at = new Date().toISOString()): ActorSignature {
  return { at, mac: macOf(key, caseId, updateId, at, actor, action) };
}

/** Why a signature is refused, or undefined when it holds. */
export function actorSignatureProblem(
  key: Uint8Array | undefined,
  command: { actor: Actor; action: CaseAction; signature?: ActorSignature },
  caseId: string,
  updateId: string | undefined,
  nowMs: number,
): string | undefined {
  if (!key) return 'this worker has no actor key';
  const signature = command.signature;
  if (!signature || typeof signature.at !== 'string' || typeof signature.mac !== 'string') return 'the actor is not signed';
  if (updateId === undefined) return 'not an Update';
  const at = Date.parse(signature.at);
  if (!Number.isFinite(at) || Math.abs(nowMs - at) > ACTOR_SIGNATURE_MAX_AGE_MS) return 'the signature is stale';
  const expected = macOf(key, caseId, updateId, signature.at, command.actor, command.action);
  return constantTimeEqual(expected, signature.mac) ? undefined : 'the signature does not match';
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/** The key this copy of the workflow code was given, or undefined (a replay-only bundle). */
export function bundledActorKey(): Uint8Array | undefined {
  return ACTOR_KEY_HEX.startsWith(KEY_PLACEHOLDER_PREFIX) ? undefined : hexToBytes(ACTOR_KEY_HEX);
}

/** The worker's copy of the bundle with the key written in place of the placeholder. */
export function withActorKey(bundleCode: string, key: Uint8Array): string {
  const occurrences = bundleCode.split(ACTOR_KEY_PLACEHOLDER).length - 1;
  if (occurrences === 0) throw new Error('the workflow bundle has no actor-key placeholder (built from other sources?)');
  return bundleCode.split(ACTOR_KEY_PLACEHOLDER).join(bytesToHex(key));
}
