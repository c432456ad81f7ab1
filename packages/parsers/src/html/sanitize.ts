/**
 * Description HTML hygiene: `sanitizeDescription` makes third-party HTML safe to render and
 * `htmlToText` turns it into readable plain text. Shared by page parsers and board clients.
 * @module
 */
import { invalidArgument } from '@jobkit/core';
import { Parser } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';

const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'div',
  'span',
  'section',
  'article',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'small',
  'sub',
  'sup',
  'mark',
  'a',
  'blockquote',
  'pre',
  'code',
  // No `tbody`: its rows are kept unwrapped. A browser-style parser (parse5, cheerio's default)
  // adds one to every table written without it, so keeping it would make the same page's
  // description depend on which parser read it; the rendered table is the same either way.
  'table',
  'thead',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
];

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  // No class/style/id: they only make sense with the source site's CSS, and style can carry payloads.
  allowedAttributes: { a: ['href', 'title', 'rel'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Drop the content of these too, not only the tags (sanitize-html keeps text of unknown tags).
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'template', 'svg', 'object', 'head', 'title'],
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: attribs.href ? { ...attribs, rel: 'nofollow noopener noreferrer' } : attribs,
    }),
  },
  exclusiveFilter: (frame) => frame.tag === 'a' && !frame.text.trim() && !frame.attribs.href,
};

/** Sanitized description in both forms a {@link @jobkit/core!Description} needs. */
export interface SanitizedDescription {
  /** Safe HTML: basic formatting, lists, tables and http(s)/mailto links only. */
  html: string;
  /** Plain text: block elements become line breaks, entities decoded, whitespace collapsed. */
  text: string;
}

/** Above this many characters a description is cut; no real posting is this long. */
const MAX_DESCRIPTION_CHARS = 500_000;

/**
 * Make description HTML safe to render (no scripts, styles, event handlers, iframes or
 * `javascript:` links) and derive its plain text.
 */
export function sanitizeDescription(html: string): SanitizedDescription {
  // CR LF and lone CR are LF, as HTML's input preprocessing makes them (parse5 does; htmlparser2 keeps
  // them), so a page saved with Windows line ends gives one description whichever parser read it.
  let input = typeof html === 'string' ? html.slice(0, MAX_DESCRIPTION_CHARS).replace(/\r\n?/g, '\n') : '';
  // htmlparser2 (under sanitize-html) pays O(depth) per open tag; absurd nesting is flattened to text first.
  if (estimateNesting(input) > MAX_DESCRIPTION_DEPTH) input = flattenTags(input);
  const safe = sanitizeHtml(input, SANITIZE_OPTIONS).trim();
  return { html: safe, text: htmlToText(safe) };
}

const MAX_DESCRIPTION_DEPTH = 500;
// Void tags and tags whose end tag is optional (they close implicitly, so never nest deep).
const VOID_TAGS = /^(?:area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr|p|li|dt|dd|tr|td|th|option)$/i;

/** Upper estimate of element nesting, by counting open and close tags in one scan (no tree building). */
/** Markup as text: every tag a space, a stray `<` escaped, so a tokenizer meets no element at all. */
function flattenTags(html: string): string {
  // `[^<>]`, not `[^>]`: a run of `<` with no `>` would be rescanned from every `<` (quadratic).
  return html.replace(/<[^<>]*>/g, ' ').replace(/</g, '&lt;');
}

function estimateNesting(html: string): number {
  let depth = 0;
  let max = 0;
  let lt = html.indexOf('<');
  let gt = -1;
  while (lt >= 0) {
    // The first `>` after `lt`; reused while it lies ahead, so `<<<<…>` is not rescanned per `<`.
    if (gt <= lt) gt = html.indexOf('>', lt + 1);
    // No `>` left: no later `<` can be a tag either.
    if (gt < 0) break;
    const closing = html.charCodeAt(lt + 1) === 0x2f;
    const nameStart = closing ? lt + 2 : lt + 1;
    let nameEnd = nameStart;
    if (isAsciiLetter(html.charCodeAt(nameStart))) {
      nameEnd++;
      while (nameEnd < gt && isTagNameCode(html.charCodeAt(nameEnd))) nameEnd++;
    }
    if (nameEnd === nameStart) {
      // Not a tag (`< 5`, `<!--`): look for the next `<` after this one.
      lt = html.indexOf('<', lt + 1);
      continue;
    }
    if (closing) depth = Math.max(0, depth - 1);
    else if (html.charCodeAt(gt - 1) !== 0x2f && !VOID_TAGS.test(html.slice(nameStart, nameEnd))) {
      depth++;
      if (depth > max) max = depth;
    }
    lt = html.indexOf('<', gt + 1);
  }
  return max;
}

const isAsciiLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
/** `[\w-]`: letters, digits, `_` and `-`. */
const isTagNameCode = (c: number) => isAsciiLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d;

const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'table',
  'tr',
  'blockquote',
  'pre',
  'hr',
  'figure',
  'figcaption',
  'address',
  'fieldset',
  'details',
  'summary',
  'caption',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'iframe', 'object', 'textarea', 'select']);

/**
 * Plain text of an HTML fragment: paragraphs and headings on their own lines (blank line
 * between blocks), list items prefixed with `- `, entities decoded, runs of spaces collapsed.
 * Markup nested more than 500 deep is read as flat text (tags as spaces): the tokenizer pays
 * O(depth) per open tag, so 200k unclosed `<div>`s took seconds, and more grew quadratically.
 * @throws JobkitError `INVALID_ARGUMENT` when `html` is not a string.
 */
export function htmlToText(html: string): string {
  if (typeof html !== 'string')
    throw invalidArgument('parsers/html', `htmlToText expects a string, got ${html === null ? 'null' : typeof html}`);
  const input = estimateNesting(html) > MAX_DESCRIPTION_DEPTH ? flattenTags(html) : html;
  const out: string[] = [];
  let skipDepth = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIP.has(name)) skipDepth++;
        else if (name === 'br') out.push('\n');
        else if (name === 'li') out.push('\n- ');
        else if (name === 'td' || name === 'th') out.push(' ');
        else if (BLOCK.has(name)) out.push('\n\n');
      },
      onclosetag(name) {
        if (SKIP.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        else if (BLOCK.has(name) || name === 'li') out.push('\n');
      },
      ontext(text) {
        if (skipDepth === 0) out.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(input);
  return collapseText(out.join(''));
}

/** Collapse spaces inside lines and keep at most one blank line between paragraphs. */
function collapseText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/[\t\f\v \u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, ' ')
      // At most one space is left around a newline after the line above (` *` would be quadratic).
      .replace(/ ?\n ?/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/^- *\n/gm, '')
      .trim()
  );
}

/**
 * Invisible format characters that change no visible letter: soft hyphen, LRM/RLM, bidi
 * embeddings, overrides and isolates (U+202A–E, U+2066–9: they can display a title in another
 * order than it reads), word joiner and invisible operators, BOM. Inside a word they only defeat
 * matching and search ("Soft\u00adware", "Ber\u2060lin"). ZWJ/ZWNJ stay (Persian, Indic
 * scripts and emoji need them); ZWSP is read as a space by {@link cleanInline}.
 */
const INVISIBLE_FORMAT = /[\u00ad\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const INVISIBLE_FORMAT_ALL = /[\u00ad\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+/g;

/** `text` without {@link INVISIBLE_FORMAT} characters (itself when it has none). */
export function dropInvisible(text: string): string {
  return INVISIBLE_FORMAT.test(text) ? text.replace(INVISIBLE_FORMAT_ALL, '') : text;
}

/** Whitespace-collapsed single line without invisible format characters, for titles, names and labels. */
export function cleanInline(text: string): string {
  return dropInvisible(text)
    .replace(/[\s\u00a0\u200b]+/g, ' ')
    .trim();
}
