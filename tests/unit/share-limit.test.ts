/**
 * A share link or an import that would expand beyond a sane size is refused before it is expanded (review
 * attack-2026-11, failure 11: a 1.36 MB link inflated to 1 GB, 2.1 GB of heap, then a misleading message).
 */
import { deflateRawSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import {
  decodeShare,
  encodeShare,
  importSizeProblem,
  MAX_SHARE_BYTES,
  SHARE_PREFIX,
} from '../../src/lib/wizard/share.ts';

function link(bytes: Uint8Array): string {
  return SHARE_PREFIX + Buffer.from(bytes).toString('base64url');
}

describe('decodeShare', () => {
  test('refuses a link that would expand to 50 MB, saying it is too large', async () => {
    const bomb = deflateRawSync(Buffer.alloc(50_000_000, 0x61), { level: 9 });
    await expect(decodeShare(link(bomb))).rejects.toThrow(/te groot/);
  });

  test('refuses a link that is itself longer than any real protocol needs', async () => {
    await expect(decodeShare(SHARE_PREFIX + 'A'.repeat(MAX_SHARE_BYTES * 2))).rejects.toThrow(/te groot/);
  });

  test('reads a link up to the limit', async () => {
    const text = 'a: b\n'.repeat(100_000);
    expect(await decodeShare(await encodeShare(text))).toBe(text);
  });

  test('still says a damaged link is damaged', async () => {
    await expect(decodeShare(`${SHARE_PREFIX}!!!`)).rejects.toThrow(/beschadigd/);
  });
});

describe('importSizeProblem', () => {
  test('refuses a file over the limit before it is read, and accepts a normal one', () => {
    expect(importSizeProblem(MAX_SHARE_BYTES + 1)).toMatch(/te groot/);
    expect(importSizeProblem(40_000)).toBeUndefined();
  });
});
