/**
 * One left-to-right pass over salary text → tokens (numbers, words, single symbols). Every
 * character is looked at a bounded number of times: digit runs after a separator are read once
 * more at most, and the only regexes are sticky single-class runs. No backtracking over free text.
 * @module
 */

/** Token kinds. */
export const NUM = 0;
export const WORD = 1;
export const SYM = 2;

export interface Token {
  kind: typeof NUM | typeof WORD | typeof SYM;
  /** Lower-case text; numbers with ASCII digits and their separators as written. */
  text: string;
  /** Words: true when written in upper case (ISO codes count only then, unless next to a number). */
  upper: boolean;
  /** Words: true when the first letter is a capital ("Specialist", "USD"). */
  cap: boolean;
  /** Whitespace came right before this token. */
  space: boolean;
  /** A clause boundary (line break, `;`, `|`, bullet, sentence end) came before this token. */
  brk: boolean;
}

/** Multi-character CJK words matched longest first (3, then 2 characters). */
const CJK_WORDS: ReadonlySet<string> = new Set([
  '税前',
  '包邮',
  '立减',
  '目标',
  '税后',
  '到手',
  '一个月',
  '每个月',
  '月收入',
  '年收入',
  '及以上',
  '以上可',
  '人民币',
  '新台币',
  '新台幣',
  '百万円',
  '時給',
  '时薪',
  '時薪',
  '日給',
  '日薪',
  '日当',
  '週給',
  '周薪',
  '月給',
  '月薪',
  '月収',
  '月额',
  '年収',
  '年薪',
  '年俸',
  '年收',
  '年給',
  '以上',
  '以下',
  '以内',
  '万円',
  '售价',
  '只要',
  '税込',
  '送料',
  '万元',
  '千円',
  '千元',
  '百万',
  '台币',
  '台幣',
  '港币',
  '港幣',
  '港元',
  '美元',
  '欧元',
  '日元',
  '薪资',
  '薪資',
  '薪酬',
  '薪水',
  '工资',
  '待遇',
  '給与',
  '給料',
  '報酬',
  '賞与',
  '手当',
  '交通費',
  '売上',
  '売上高',
  '支給',
  '面议',
  '面議',
  '底薪',
  '基本給',
  '基本给',
  '五险一金',
  '年终奖',
  '基本工资',
  '資本金',
  '融資',
  '融资',
  '奖金',
  '营收',
  '估值',
  '費用',
  '价格',
  '补贴',
  '補助',
  '小时',
  '小時',
  '時間',
  '个月',
  '個月',
  '年間',
  '日間',
  'ヶ月',
  'か月',
  'ヵ月',
  'まで',
  'ボーナス',
  '年以上',
  '時間給',
  '固定給',
  '初任給',
  '月額',
  '支度金',
  '祝い金',
  '入社祝い金',
  '退職金',
  '提成',
  '餐补',
  '饭补',
  '房补',
  '交通补贴',
  '绩效',
  '全勤奖',
  '住宅補助',
  '寸志',
  '一時金',
  '包吃住',
  '包住',
  '双休',
  '注册资本',
  '注册资金',
  '资本',
]);

const CJK_LENGTHS = [4, 3, 2] as const;
const WORD_RE = /[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*/uy;
const CJK_RE = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u30fc\u3005]/uy;
const ARABIC_RE = /\p{sc=Arabic}/u;

/** ASCII value of a digit in any of the scripts job pages use, or -1. */
function digitValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 0x660 && code <= 0x669) return code - 0x660; // Arabic-Indic
  if (code >= 0x6f0 && code <= 0x6f9) return code - 0x6f0; // Extended Arabic-Indic (Persian, Urdu)
  if (code >= 0x966 && code <= 0x96f) return code - 0x966; // Devanagari
  if (code >= 0x9e6 && code <= 0x9ef) return code - 0x9e6; // Bengali
  return -1;
}

function isHanOrKana(code: number): boolean {
  return (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x85 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

const BREAK_SYMS = new Set([';', '|', '•', '!', '?', '。', '；', '！', '？', '\u2022', '▪', '●', '■', '◆', '★', '※']);
// Separators that may sit inside a number: thousands or decimal marks.
const NUM_SEPS = new Set([',', '.', "'", '’', ' ', '٬', '٫', '\u00a0', '\u202f', '\u2009']);

function runOfDigits(s: string, from: number): number {
  let j = from;
  while (j < s.length && digitValue(s.charCodeAt(j)) >= 0) j++;
  return j - from;
}

/**
 * Split `s` into tokens. Numbers keep their separators (`"1.234,56"`, `"550 000"`); a space or
 * apostrophe joins digit groups only before exactly three digits ("550 000" but not "20 40").
 * German "10.000,-" loses its ",-".
 */
export function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let space = false;
  let brk = false;
  let i = 0;
  const n = s.length;
  while (i < n) {
    const code = s.charCodeAt(i);
    if (isSpace(code)) {
      if (code === 10 || code === 13 || code === 0x2028 || code === 0x2029) brk = true;
      space = true;
      i++;
      continue;
    }
    if (digitValue(code) >= 0) {
      let text = '';
      let j = i;
      let groupLen = 0;
      let groups = 0;
      for (;;) {
        groupLen = 0;
        while (j < n) {
          const d = digitValue(s.charCodeAt(j));
          if (d < 0) break;
          text += String.fromCharCode(48 + d);
          groupLen++;
          j++;
        }
        groups++;
        const sep = s[j];
        if (sep === undefined || !NUM_SEPS.has(sep) || j + 1 >= n || digitValue(s.charCodeAt(j + 1)) < 0) break;
        const next = runOfDigits(s, j + 1);
        const spaceLike = sep === ' ' || sep === "'" || sep === '’' || sep === '\u00a0' || sep === '\u202f' || sep === '\u2009';
        if (spaceLike && (next !== 3 || groupLen > 3 || (groups > 1 && groupLen !== 3))) break;
        text += spaceLike ? ' ' : sep === '٬' ? ',' : sep === '٫' ? '.' : sep;
        j++;
      }
      // "1e309", "2E+5": exponent notation is not how pay is written (and 1e309 is Infinity): the
      // whole literal is one word, so it is never read as an amount.
      const exp = s[j] === 'e' || s[j] === 'E' ? (s[j + 1] === '+' || s[j + 1] === '-' ? j + 2 : j + 1) : -1;
      if (exp > 0 && exp < n && digitValue(s.charCodeAt(exp)) >= 0) {
        const end = exp + runOfDigits(s, exp);
        out.push({ kind: WORD, text: s.slice(i, end).toLowerCase(), upper: false, cap: false, space, brk });
        space = brk = false;
        i = end;
        continue;
      }
      // "10.000,-" / "10.000,--" / "120'000.–": German and Swiss for "no cents".
      const dash = s[j + 1];
      if ((s[j] === ',' || s[j] === '.') && (dash === '-' || dash === '–' || dash === '—') && digitValue(s.charCodeAt(j + 2)) < 0) {
        j += s[j + 2] === '-' ? 3 : 2;
      }
      out.push({ kind: NUM, text, upper: false, cap: false, space, brk });
      space = brk = false;
      i = j;
      continue;
    }
    CJK_RE.lastIndex = i;
    if (CJK_RE.test(s)) {
      let len = 1;
      for (const l of CJK_LENGTHS) {
        if (i + l <= n && CJK_WORDS.has(s.slice(i, i + l))) {
          len = l;
          break;
        }
      }
      out.push({ kind: WORD, text: s.slice(i, i + len), upper: false, cap: false, space, brk });
      space = brk = false;
      i += len;
      continue;
    }
    WORD_RE.lastIndex = i;
    if (WORD_RE.test(s)) {
      let end = WORD_RE.lastIndex;
      // Scraped text glues words: "hourUp", "hourOTE". A lower-case letter then a capital starts a new word,
      // and so does a Han or kana character after a Latin one ("30W以上").
      // "130K-C$150K": a one-letter unit glued to a number ends at its hyphen (no word is "k-c").
      const glued = out[out.length - 1];
      if (glued?.kind === NUM && !space && s[i + 1] === '-') end = i + 1;
      for (let j = i + 1; j < end; j++) {
        const prev = s.charCodeAt(j - 1);
        const cur = s.charCodeAt(j);
        if ((prev >= 97 && prev <= 122 && cur >= 65 && cur <= 90) || (cur >= 0x3040 && isHanOrKana(cur) && !isHanOrKana(prev))) {
          end = j;
          break;
        }
      }
      let word = s.slice(i, end);
      // Arabic abbreviations written letter-dot-letter: "ر.س", "د.إ", "ج.م".
      if (word.length === 1 && ARABIC_RE.test(word) && s[end] === '.' && end + 1 < n) {
        WORD_RE.lastIndex = end + 1;
        if (WORD_RE.test(s) && WORD_RE.lastIndex === end + 2) {
          word = s.slice(i, end + 2);
          end += 2;
        }
      }
      // Korean glues particles to the won: "29,900원에", "10,500원부터", "200만원까지" → the unit, then the particle.
      const unit = word.charCodeAt(0) >= 0xac00 ? wonUnit(word) : 0;
      if (unit > 0) {
        out.push({ kind: WORD, text: word.slice(0, unit), upper: false, cap: false, space, brk });
        out.push({ kind: WORD, text: word.slice(unit), upper: false, cap: false, space: false, brk: false });
        space = brk = false;
        i = end;
        continue;
      }
      const lower = word.toLowerCase();
      out.push({ kind: WORD, text: lower, upper: lower !== word && word === word.toUpperCase(), cap: word[0] !== lower[0], space, brk });
      space = brk = false;
      i = end;
      continue;
    }
    // One symbol (a surrogate pair stays whole).
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < n ? 2 : 1;
    const ch = s.slice(i, i + width);
    // A full stop ends a clause when a capital or the end follows ("… $50k. Bonus: $5k").
    let isBreak = BREAK_SYMS.has(ch);
    if (ch === '.' && (i + 1 >= n || isSpace(s.charCodeAt(i + 1)))) {
      let k = i + 1;
      while (k < n && isSpace(s.charCodeAt(k))) k++;
      const next = s[k];
      if (next === undefined || (next !== next.toLowerCase() && next === next.toUpperCase())) isBreak = true;
    }
    out.push({ kind: SYM, text: ch, upper: false, cap: false, space, brk });
    space = false;
    brk = isBreak;
    i += width;
  }
  return out;
}

/** Particles Korean writes right after an amount of won. */
const WON_PARTICLES: ReadonlySet<string> = new Set([
  '에',
  '을',
  '이',
  '의',
  '으로',
  '부터',
  '까지',
  '에서',
  '씩',
  '이상',
  '이하',
  '대',
  '정도',
  '선',
]);

/** Length of the won unit ("원", "만원", "억원") a Hangul word starts with when a particle follows it, else 0. */
function wonUnit(word: string): number {
  for (const unit of ['만원', '억원', '원']) {
    if (word.length > unit.length && word.startsWith(unit) && WON_PARTICLES.has(word.slice(unit.length))) return unit.length;
  }
  return 0;
}
