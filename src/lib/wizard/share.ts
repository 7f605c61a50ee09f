/**
 * Share links: the composition's YAML, deflated (`CompressionStream('deflate-raw')`) and written in base64url
 * after `#p=` in the URL. A fragment never reaches a server. Works in browsers and in Node 18+.
 */

/** The prefix of a share fragment: `#p=<base64url>`. */
export const SHARE_PREFIX = '#p=';

/**
 * The most text a share link or an imported file may hold, in bytes: 2 MB. A real protocol is about 5 KB; more is
 * refused before it is expanded or read (review attack-2026-11, failure 11).
 */
export const MAX_SHARE_BYTES = 2_000_000;

const TOO_LARGE = `De deellink of het bestand is te groot (meer dan ${MAX_SHARE_BYTES / 1_000_000} MB tekst). Een protocol is een paar duizend tekens: controleer of dit de goede link of het goede bestand is.`;

/**
 * Says why a file to import is refused for its size, or undefined when it may be read.
 *
 * @param bytes the file's size in bytes (`File.size`), known before it is read.
 */
export function importSizeProblem(bytes: number): string | undefined {
  return bytes > MAX_SHARE_BYTES ? TOO_LARGE : undefined;
}

/** Thrown when a share link would expand beyond {@link MAX_SHARE_BYTES}. */
class TooLargeError extends Error {}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** Compresses a text into a URL fragment `#p=…`. */
export async function encodeShare(text: string): Promise<string> {
  return SHARE_PREFIX + toBase64Url(await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw')));
}

/**
 * Reads the text back from a fragment made by {@link encodeShare}. The fragment is expanded as a stream and
 * dropped as soon as it passes {@link MAX_SHARE_BYTES}, so a crafted link cannot fill the memory.
 * @throws Error with a Dutch message when the fragment is damaged (cut off, changed by hand) or too large.
 */
export async function decodeShare(fragment: string): Promise<string> {
  const body = fragment.startsWith(SHARE_PREFIX) ? fragment.slice(SHARE_PREFIX.length) : fragment;
  // Deflate never makes text larger by more than a little, so a longer link cannot hold an allowed text.
  if (body.length > (MAX_SHARE_BYTES * 4) / 3 + 1024) throw new Error(TOO_LARGE);
  try {
    const reader = new Blob([fromBase64Url(body) as BlobPart])
      .stream()
      .pipeThrough(new DecompressionStream('deflate-raw'))
      .getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_SHARE_BYTES) {
        await reader.cancel();
        throw new TooLargeError(TOO_LARGE);
      }
      chunks.push(value);
    }
    const all = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      all.set(c, at);
      at += c.byteLength;
    }
    return new TextDecoder('utf-8', { fatal: true }).decode(all);
  } catch (e) {
    if (e instanceof TooLargeError) throw new Error(TOO_LARGE);
    throw new Error(
      'De deellink is beschadigd of onvolledig: kopieer de hele link opnieuw, tot en met het laatste teken.',
    );
  }
}
