/**
 * Character-set detection for fetched bodies, in the WHATWG order browsers use:
 * byte-order mark, then the `Content-Type` charset parameter, then a `<meta charset>` /
 * `<meta http-equiv="Content-Type">` declaration in the first bytes of HTML, then UTF-8.
 * Returns WHATWG encoding names that `TextDecoder` accepts.
 * @module
 */

/** How far into an HTML document a meta charset is looked for (the HTML spec's prescan uses 1024). */
const PRESCAN_BYTES = 4096;

/** Canonical `TextDecoder` name for a label, or `undefined` when the runtime does not know it. */
function normaliseCharset(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const cleaned = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (!cleaned) return undefined;
  try {
    // WHATWG maps iso-8859-1/us-ascii to windows-1252, which is what servers that say so actually send.
    return new TextDecoder(cleaned).encoding;
  } catch {
    return undefined;
  }
}

function bomCharset(body: Uint8Array): string | undefined {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/** The `charset` parameter of a Content-Type header value. */
function headerCharset(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const match = /;\s*charset\s*=\s*("[^"]*"|[^;\s]*)/i.exec(contentType);
  return normaliseCharset(match?.[1]);
}

/** The charset an HTML document declares in a `<meta>` tag near its start. */
function metaCharset(body: Uint8Array): string | undefined {
  // latin1 maps bytes 1:1, so ASCII markup is found whatever the real encoding is.
  const head = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, PRESCAN_BYTES)).toString('latin1');
  for (const tag of head.matchAll(/<meta\b[^<>]*>/gi)) {
    const text = tag[0];
    const direct = /\bcharset\s*=\s*(?:["']\s*)?([\w.:-]+)/i.exec(text);
    if (direct && !/http-equiv/i.test(text)) {
      const found = normaliseCharset(direct[1]);
      if (found) return utf16AsUtf8(found);
    }
    if (/http-equiv\s*=\s*(?:["']\s*)?content-type/i.test(text)) {
      const content = /\bcontent\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i.exec(text)?.[1];
      const found = normaliseCharset(/charset\s*=\s*([\w.:-]+)/i.exec(content ?? '')?.[1]);
      if (found) return utf16AsUtf8(found);
    }
  }
  return undefined;
}

// A meta tag readable as ASCII can't be in UTF-16, so the HTML spec treats that claim as UTF-8.
function utf16AsUtf8(charset: string): string {
  return charset.startsWith('utf-16') ? 'utf-8' : charset;
}

function looksLikeHtml(contentType: string | undefined, body: Uint8Array): boolean {
  if (contentType) return /html|xml/i.test(contentType);
  const start = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, 512)).toString('latin1').trimStart().toLowerCase();
  return start.startsWith('<');
}

/** Detect the encoding of a response body. @returns a WHATWG encoding name, `utf-8` when nothing says otherwise. */
export function detectCharset(contentType: string | undefined, body: Uint8Array): string {
  return bomCharset(body) ?? headerCharset(contentType) ?? (looksLikeHtml(contentType, body) ? metaCharset(body) : undefined) ?? 'utf-8';
}
