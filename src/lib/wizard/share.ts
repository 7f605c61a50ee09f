/**
 * Share links: the composition's YAML, deflated (`CompressionStream('deflate-raw')`) and written in base64url
 * after `#p=` in the URL. A fragment never reaches a server. Works in browsers and in Node 18+.
 */

/** The prefix of a share fragment: `#p=<base64url>`. */
export const SHARE_PREFIX = '#p=';

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
 * Reads the text back from a fragment made by {@link encodeShare}.
 * @throws Error with a Dutch message when the fragment is damaged (cut off, changed by hand).
 */
export async function decodeShare(fragment: string): Promise<string> {
  const body = fragment.startsWith(SHARE_PREFIX) ? fragment.slice(SHARE_PREFIX.length) : fragment;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await pipe(fromBase64Url(body), new DecompressionStream('deflate-raw')));
  } catch {
    throw new Error('De deellink is beschadigd of onvolledig: kopieer de hele link opnieuw, tot en met het laatste teken.');
  }
}
