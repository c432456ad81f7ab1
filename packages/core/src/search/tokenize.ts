/**
 * Text → search terms, the same on both sides (documents and queries) for every engine: accent and
 * case folding (NFKD, marks stripped, ß/ø/æ/ł… spelled out), words that keep the symbols tech
 * names carry (`c++`, `c#`, `.net`, `node.js`, `ci/cd`), and the stop-word list queries ignore.
 * One left-to-right regex pass per text: linear by construction.
 * @module
 */

// Letters NFKD does not decompose into a base letter plus a mark.
const SPECIAL: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  ø: 'o',
  Ø: 'o',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  þ: 'th',
  Þ: 'th',
  ı: 'i',
  ħ: 'h',
  Ħ: 'h',
  ŧ: 't',
  Ŧ: 't',
};
const SPECIAL_RE = /[ßẞøØæÆœŒłŁđĐðÐþÞıħĦŧŦ]/g;
const MARKS = /\p{M}+/gu;

const ASCII = /^[\x00-\x7f]*$/;

/** Case and accent folding applied to every indexed and queried text. */
export function foldText(input: string): string {
  // Most job text is ASCII: nothing to fold but case.
  if (ASCII.test(input)) return input.toLowerCase();
  return input
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c)
    .toLowerCase();
}

/**
 * A word, optionally led by `.` (`.net`), joined to further words by `.` or `/` (`node.js`,
 * `ci/cd`, `asp.net`) and closed by `++` or `#` (`c++`, `c#`, `f#`). The pieces never overlap
 * (separators are not word characters) and a match always takes a whole word, so matching is linear
 * and never starts inside a word.
 */
const TOKEN = /\.?[\p{L}\p{N}]+(?:[./][\p{L}\p{N}]+)*(?:\+\+|#)?/gu;
/** {@link TOKEN} for folded text that is all ASCII (most of it): the same shape, cheaper classes. */
const TOKEN_ASCII = /\.?[a-z0-9]+(?:[./][a-z0-9]+)*(?:\+\+|#)?/g;
const WORD_PART = /[\p{L}\p{N}]+/gu;

/** One term of a folded text. */
export interface TokenSpan {
  /** The folded term (`c++`, `node.js`, `berlin`). */
  term: string;
  /** For compounds joined by `.` or `/`: their words (`node.js` → `node`, `js`), indexed too. Empty otherwise. */
  parts: string[];
}

const isCompound = (term: string) => term.includes('.') || term.includes('/');
const partsOf = (term: string): string[] => (isCompound(term) ? (term.match(WORD_PART) ?? []).filter((p) => p !== term) : []);

/** Folded query terms of `input` in order; what both engines index and query. */
export function tokenize(input: string): string[] {
  const folded = foldText(input);
  return folded.match(ASCII.test(folded) ? TOKEN_ASCII : TOKEN) ?? [];
}

/**
 * Folded terms of `input` in order, with their words for compounds, so a document saying
 * "Node.js" is found by `node` as well; `c++`/`c#` have no parts (a search for `c` means C).
 */
export function tokenSpans(input: string): TokenSpan[] {
  return tokenize(input).map((term) => ({ term, parts: partsOf(term) }));
}

/** Terms a document contributes to the index: every term plus the words of compounds. */
export function indexTerms(input: string): string[] {
  const out: string[] = [];
  for (const term of tokenize(input)) {
    out.push(term);
    if (isCompound(term)) out.push(...partsOf(term));
  }
  return out;
}

/** True when the term carries a tech symbol (`c++`, `.net`, `ci/cd`): such terms match exactly only. */
export const isSymbolTerm = (term: string): boolean => /[^\p{L}\p{N}]/u.test(term);

/**
 * Function words a query ignores when it has other words ("engineer in berlin" needs `engineer`
 * and `berlin`). English plus the commonest German, French, Spanish, Dutch and Italian articles
 * and prepositions. Words that are also job terms or places stay searchable (`it`, `us`, `pa`).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'for',
  'from',
  'in',
  'into',
  'is',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
  'within',
  'our',
  'your',
  'we',
  'you',
  'der',
  'die',
  'das',
  'und',
  'im',
  'fur',
  'mit',
  'von',
  'le',
  'la',
  'les',
  'des',
  'du',
  'et',
  'en',
  'pour',
  'el',
  'los',
  'las',
  'y',
  'del',
  'para',
  'het',
  'een',
  'voor',
  'il',
  'di',
  'per',
]);

export const isStopWord = (term: string): boolean => STOP_WORDS.has(term);
