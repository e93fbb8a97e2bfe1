// HTML bytes → text, honouring <meta charset> and http-equiv Content-Type, BOMs first,
// and not believing a declaration the bytes contradict.
import { decodeBytes, isValidUtf8, normaliseCharset, type Decoded } from '../decode.js';
import { sniffDeclaredCharset } from './charset.js';

/** Any byte ≥ 0x80: without one, every ASCII-compatible charset reads the same. */
const hasHighBytes = (bytes: Uint8Array): boolean => bytes.some((b) => b >= 0x80);

/**
 * The charset to hand to decodeBytes. A page that declares a legacy single-byte charset
 * but whose bytes are valid UTF-8 with multi-byte sequences is UTF-8 (the chance of
 * Windows-1252 text forming valid UTF-8 by accident is negligible); a meta tag claiming
 * UTF-16 on a byte-oriented page is read as UTF-8, as browsers do.
 */
export function trustedCharset(bytes: Uint8Array, declared: string | null): string | null {
  const name = normaliseCharset(declared);
  if (name === null) return null;
  if (name.startsWith('utf-16') || name.startsWith('utf16')) return 'utf-8';
  if (name !== 'utf-8' && name !== 'utf8' && hasHighBytes(bytes) && isValidUtf8(bytes)) return 'utf-8';
  return name;
}

export function decodeHtmlBytes(bytes: Uint8Array): Decoded {
  return decodeBytes(bytes, trustedCharset(bytes, sniffDeclaredCharset(bytes)));
}
