// Raw bytes → a JavaScript string. News archives hold UTF-8 (with or without BOM),
// UTF-16 exported from Windows tools, and Windows-1252/ISO-8859-1 from old local-news
// pages. We decode exactly, detect when nothing is declared, and never let U+FFFD in
// silently: a lossy decode is reported so the article can carry a warning.
import iconv from 'iconv-lite';
import chardet from 'chardet';

export type Decoded =
  | { ok: true; text: string; encoding: string; lossy: boolean }
  | { ok: false; error: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Share of control bytes (other than tab, CR, LF, FF) above which content is binary. */
const MAX_CONTROL_SHARE = 0.02;
/** How much of the file the binary sniff looks at; enough to see a file signature and then some. */
const SNIFF_BYTES = 8192;

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** Binary content: NUL bytes or many control characters in the first few kilobytes (UTF-16 is handled before). */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return n > 0 && control / n > MAX_CONTROL_SHARE;
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Canonical iconv name for a declared charset, or null when iconv does not know it. */
export function normaliseCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const name = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  // The WHATWG encoding standard reads these labels as windows-1252; so do browsers.
  if (name === 'iso-8859-1' || name === 'latin1' || name === 'us-ascii' || name === 'ascii') return 'windows-1252';
  return iconv.encodingExists(name) ? name : null;
}

function finish(text: string, encoding: string, alreadyLossy = false): Decoded {
  return { ok: true, text, encoding, lossy: alreadyLossy || text.includes('\uFFFD') };
}

/**
 * Decode bytes. `declared` is a charset the container states (an HTML meta tag, say);
 * BOMs win over it, and a declared UTF-8 that is not valid UTF-8 falls back to detection
 * (pages lie about their charset).
 */
export function decodeBytes(bytes: Uint8Array, declared?: string | null): Decoded {
  if (bytes.length === 0) return { ok: false, error: 'the file is empty' };
  if (startsWith(bytes, UTF8_BOM)) return finish(new TextDecoder('utf-8').decode(bytes.subarray(3)), 'utf-8');
  if (startsWith(bytes, [0xff, 0xfe])) return finish(iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return finish(iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), 'utf-16be');
  if (looksBinary(bytes)) return { ok: false, error: 'the file is binary, not text' };

  const valid = isValidUtf8(bytes);
  const charset = normaliseCharset(declared);
  // Valid UTF-8 is UTF-8 whatever a page declares: Windows-1252 text with accents or
  // curly quotes is practically never valid UTF-8, while pages that declare ISO-8859-1
  // and serve UTF-8 are common. (UTF-16/32 declarations without a BOM are not UTF-8 at all.)
  if (valid && (charset === null || !/^utf-?(?:16|32)/.test(charset))) {
    return finish(new TextDecoder('utf-8').decode(bytes), 'utf-8');
  }
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    return finish(iconv.decode(Buffer.from(bytes), charset), charset);
  }
  // Not valid UTF-8 and nothing trustworthy declared: detect. Old English pages are
  // nearly always Windows-1252, so chardet's guess must beat that reading clearly.
  const encoding = detectLegacyCharset(bytes);
  return finish(iconv.decode(Buffer.from(bytes), encoding), encoding);
}

/** How far (chardet confidence points) another charset must lead Windows-1252 to be chosen. */
const DETECTION_MARGIN = 10;

function detectLegacyCharset(bytes: Uint8Array): string {
  const candidates = chardet.analyse(bytes);
  const latin = candidates.find((c) => c.name === 'windows-1252' || c.name === 'ISO-8859-1')?.confidence ?? 0;
  const top = candidates[0];
  const name = top ? normaliseCharset(top.name) : null;
  if (name && name !== 'utf-8' && top!.confidence >= latin + DETECTION_MARGIN) return name;
  return 'windows-1252';
}
