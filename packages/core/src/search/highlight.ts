/**
 * Highlight snippets for engines that do not produce their own (the embedded engine): the
 * matched words wrapped in `<mark>`, everything else HTML-escaped.
 * @module
 */
import type { SearchHighlight } from '../ports/search-index.js';
import { tokenSpans } from './tokenize.js';

// The query tokenizer's shape on unfolded text (marks allowed), so spans point into the original.
const WORD = /\.?[\p{L}\p{N}\p{M}]+(?:[./][\p{L}\p{N}\p{M}]+)*(?:\+\+|#)?/gu;
/** A word with nothing to fold but case and no compound to split. */
const PLAIN = /^[A-Za-z0-9]+(?:\+\+|#)?$/;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

export interface HighlightOptions {
  /** Characters of context kept around the first match in long fields. @default 80 */
  context?: number;
}

/**
 * Build a highlight for `text` given the set of indexed terms that matched the query
 * (folded, as the index holds them; a compound such as `Node.js` is marked when it or one of its words matched). Returns null when no word of `text` matched.
 */
export function highlightField(
  field: string,
  text: string,
  matchedTerms: ReadonlySet<string>,
  options: HighlightOptions = {},
): SearchHighlight | null {
  const context = options.context ?? 80;
  const spans: { start: number; end: number; word: string }[] = [];
  for (const m of text.matchAll(WORD)) {
    // Most words are plain ASCII: lower-casing folds them; the full fold only for the rest.
    const plain = PLAIN.test(m[0]);
    const span = plain ? { term: m[0].toLowerCase(), parts: [] } : tokenSpans(m[0])[0];
    if (span !== undefined && (matchedTerms.has(span.term) || span.parts.some((p) => matchedTerms.has(p))))
      spans.push({ start: m.index, end: m.index + m[0].length, word: m[0] });
  }
  const first = spans[0];
  if (first === undefined) return null;
  let from = 0;
  let to = text.length;
  if (text.length > context * 2 + 40) {
    from = Math.max(0, first.start - context);
    to = Math.min(text.length, first.end + context);
  }
  let snippet = from > 0 ? '…' : '';
  let cursor = from;
  for (const s of spans) {
    if (s.start < from || s.end > to) continue;
    snippet += `${escapeHtml(text.slice(cursor, s.start))}<mark>${escapeHtml(s.word)}</mark>`;
    cursor = s.end;
  }
  snippet += escapeHtml(text.slice(cursor, to)) + (to < text.length ? '…' : '');
  return { field, snippet, matchedTokens: [...new Set(spans.map((s) => s.word))] };
}
