import fc from 'fast-check';
import { canonicalJson, sha256Hex } from '@zhengdun/persistence';
import { deepCanonicalJson, payloadDigest } from './audit.service';

describe('payloadDigest', () => {
  it('digests the canonical JSON of the payload, however it is built', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.anything().filter((value) => value !== undefined), (json, anything) => {
        expect(deepCanonicalJson(json)).toBe(canonicalJson(json));
        expect(deepCanonicalJson(anything)).toBe(canonicalJson(anything));
      }),
    );
    expect(payloadDigest({ b: 1, a: [undefined, new Date(0)], c: undefined })).toBe(sha256Hex('{"a":[null,"1970-01-01T00:00:00.000Z"],"b":1}'));
  });

  it('digests a payload nested far too deep to recurse into (a refused raw body) without overflowing the stack', () => {
    const depth = 100_000;
    const deep: unknown = JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);
    expect(payloadDigest(deep)).toBe(sha256Hex(`${'['.repeat(depth)}${']'.repeat(depth)}`));
    const object: unknown = JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
    expect(payloadDigest(object)).toBe(sha256Hex(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`));
  });
});
