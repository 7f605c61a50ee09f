import { ContentError } from '../errors/content-error.ts';

/**
 * Reads the bytes of a content file (a protocol, a clause, a model) as UTF-8 text, the only encoding the project
 * reads. A UTF-8 byte order mark is dropped. Anything else is refused rather than changed: a Latin-1 or
 * Windows-1252 byte would silently become U+FFFD (`�`), and UTF-16 text would be read as garbage (review
 * attack-2026-11, failure 12). The same function runs in the build and in the wizard's import.
 *
 * @param bytes the file's contents.
 * @param file path or name shown in messages.
 * @returns the text, without a byte order mark.
 * @throws ContentError (rule `file-not-utf8`) saying to save the file as UTF-8, with the line of the first bad byte.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff) ||
    looksLikeUtf16WithoutBom(bytes);
  if (utf16) {
    throw new ContentError([
      {
        rule: 'file-not-utf8',
        file,
        line: 1,
        message:
          'dit bestand is opgeslagen als UTF-16 (Unicode), niet als UTF-8. Open het in een teksteditor en sla het op als "UTF-8" (zonder BOM); daarna leest Protocolwijzer het.',
      },
    ]);
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    const bad = firstInvalidUtf8(body);
    let line = 1;
    for (let i = 0; i < bad; i++) if (body[i] === 0x0a) line++;
    throw new ContentError([
      {
        rule: 'file-not-utf8',
        file,
        line,
        message: `dit bestand is geen UTF-8: op deze regel staat een teken in een andere codering (byte 0x${body[
          bad
        ]!.toString(16).padStart(
          2,
          '0',
        )}, vaak een é of ë uit Windows-1252 of Latin-1). Sla het bestand op als "UTF-8"; dan blijft elke letter zoals hij is.`,
      },
    ]);
  }
}

/** True when most of the first bytes alternate with NUL bytes: UTF-16 text saved without a byte order mark. */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512);
  if (n < 4) return false;
  let zeros = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros++;
  return zeros >= n / 4;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += len;
  }
  return 0;
}
