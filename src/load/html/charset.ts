// What charset an HTML page declares about itself, read from its first bytes the way a
// browser's prescan does: <meta charset>, <meta http-equiv="Content-Type" content="…;
// charset=…">, or an XML declaration. Declarations can be wrong; decode-html.ts decides
// whether to believe them.

/**
 * How far into the file we look for a declaration. Browsers stop at 1,024 bytes; saved
 * pages often carry long comment or script preambles, so we look further.
 */
const PRESCAN_BYTES = 16_384;

const META_TAG = /<meta\b[^>]*>/gi;
const CHARSET_ATTR = /\bcharset\s*=\s*["']?\s*([a-z0-9_.:-]+)/i;
const HTTP_EQUIV_CONTENT_TYPE = /\bhttp-equiv\s*=\s*["']?\s*content-type/i;
const XML_DECLARATION = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([a-z0-9_.:-]+)["']/i;

/** The charset label the page declares in its head, lower-cased, or null. */
export function sniffDeclaredCharset(bytes: Uint8Array): string | null {
  // Latin-1 maps every byte to one code point, so ASCII markup reads correctly whatever
  // the real encoding is (UTF-16 is recognised by its BOM before we get here).
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1');
  const xml = XML_DECLARATION.exec(head);
  for (const match of head.matchAll(META_TAG)) {
    const tag = match[0];
    const charset = CHARSET_ATTR.exec(tag);
    if (!charset) continue;
    // <meta charset=…> or a Content-Type http-equiv; a bare "charset=" inside some other
    // meta's content (rare) is accepted too, as browsers do for http-equiv pragmas.
    if (/^<meta\b[^>]*\scharset\s*=/i.test(tag) || HTTP_EQUIV_CONTENT_TYPE.test(tag) || /content\s*=/i.test(tag)) {
      return charset[1]!.toLowerCase();
    }
  }
  return xml ? xml[1]!.toLowerCase() : null;
}
