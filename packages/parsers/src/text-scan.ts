/**
 * Linear string scans that replace regexes a ReDoS checker cannot prove safe: a trailing run
 * (`/[\s,.]+$/`), a separator with optional whitespace around it (`\s*,\s*`) and a trailing
 * word after whitespace (`/\s+jobs$/i`). A backtracking engine retries such patterns at every
 * start position of a long whitespace run (quadratic); these helpers walk the string once.
 * Each one does exactly what the regex it replaces did, so call sites keep their behaviour.
 * @module
 */
import { invalidArgument } from '@jobkit/core';

/**
 * The argument check of the public normalizers: a non-string is `INVALID_ARGUMENT` naming the
 * function, not a `TypeError` from inside it (`nameOrCode.trim is not a function`).
 */
export function requireString(fn: string, value: unknown): asserts value is string {
  if (typeof value !== 'string') {
    const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
    throw invalidArgument('parsers/normalize', `${fn} expects a string, got ${got}`);
  }
}

/** True for one character `\s` matches (the set `String#trim` removes). */
export function isSpace(ch: string): boolean {
  return ch.length > 0 && ch.trim() === '';
}

/** `s` without its trailing run of characters `drop` accepts, as `s.replace(/[…]+$/, '')`. */
export function trimEndWhile(s: string, drop: (ch: string) => boolean): string {
  let end = s.length;
  while (end > 0 && drop(s[end - 1]!)) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** `s` without its leading run of characters `drop` accepts, as `s.replace(/^[…]+/, '')`. */
export function trimStartWhile(s: string, drop: (ch: string) => boolean): string {
  let start = 0;
  while (start < s.length && drop(s[start]!)) start++;
  return start === 0 ? s : s.slice(start);
}

/** A predicate for `[\s<chars>]`: whitespace or one of `chars` (BMP characters only). */
export function spaceOr(chars: string): (ch: string) => boolean {
  return (ch) => chars.includes(ch) || isSpace(ch);
}

/**
 * `s.split(RegExp(`\\s*${sep}\\s*`))` for a literal separator: whitespace next to each separator goes,
 * whitespace at the two ends of `s` stays.
 */
export function splitTrimmed(s: string, sep: string): string[] {
  const parts = s.split(sep);
  const last = parts.length - 1;
  return parts.map((p, i) => {
    let out = i < last ? p.trimEnd() : p;
    if (i > 0) out = out.trimStart();
    return out;
  });
}

/**
 * `s` without a trailing word from `words` (compared case-insensitively) and the whitespace
 * before it: `s.replace(/\s*(?:a|b)$/i, '')`, or with `spaced` `s.replace(/\s+(?:a|b)$/i, '')`
 * (the word must follow whitespace). The longest word that fits wins (it starts leftmost). `s` comes back unchanged when no word fits.
 */
export function stripTrailingWord(s: string, words: readonly string[], spaced = false): string {
  // The leftmost match wins in a regex: of the words that fit, the longest starts first.
  for (const w of [...words].sort((a, b) => b.length - a.length)) {
    if (s.length < w.length) continue;
    if (s.slice(s.length - w.length).toLowerCase() !== w.toLowerCase()) continue;
    const head = s.slice(0, s.length - w.length);
    const trimmed = head.trimEnd();
    if (spaced && trimmed.length === head.length) continue;
    return trimmed;
  }
  return s;
}

/**
 * `s` without a short trailing badge and the whitespace before it:
 * `s.replace(/\s*(?:\([^()]{1,12}\)|\[[^\]]{1,12}\])$/, '')` ("Acme (S23)", "Dev [remote]").
 */
export function stripTrailingBadge(s: string): string {
  const end = s.length - 1;
  const close = s[end];
  if (close !== ')' && close !== ']') return s;
  const open = close === ')' ? '(' : '[';
  // Inside the brackets: no parenthesis at all for "(…)", no "]" for "[…]"; 1 to 12 characters.
  let start = -1;
  for (let i = end - 1; i >= 0 && end - i - 1 <= 12; i--) {
    const ch = s[i]!;
    if (ch === close) break;
    if (ch === open) {
      if (end - i - 1 >= 1) start = i;
      // "(…)" holds no "(" either; "[…]" may hold "[", so an earlier "[" can still open it.
      if (close === ')') break;
    }
  }
  return start < 0 ? s : s.slice(0, start).trimEnd();
}

/**
 * `s` without a trailing bracketed aside of `min` to `max` characters holding no `close`, and the
 * whitespace before it: `stripTrailingBracket(s, '(', ')', 0, 20)` is
 * `s.replace(/\s*\([^)]{0,20}\)$/, '')`. The leftmost opening bracket that fits wins.
 */
export function stripTrailingBracket(s: string, open: string, close: string, min: number, max: number): string {
  const end = s.length - 1;
  if (s[end] !== close) return s;
  let start = -1;
  for (let i = end - 1; i >= 0 && end - i - 1 <= max; i--) {
    if (s[i] === close) break;
    if (s[i] === open && end - i - 1 >= min) start = i;
  }
  return start < 0 ? s : s.slice(0, start).trimEnd();
}
