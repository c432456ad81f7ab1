/**
 * Visible label–value pairs in any known language: `dl`/`dt`/`dd`, table rows (`th`/`td` and
 * `td`/`td`), "Label: value" lines (either side of the colon, for right-to-left pages), and
 * label elements followed by a value element (icon rows, list items, spans).
 * @module
 */
import type { AnyNode, Element } from 'domhandler';
import { isElement, nextElement, textOf, walkElements } from '../html/dom.js';
import { cleanInline } from '../html/sanitize.js';
import { type LabelField, labelField } from './lang/index.js';

/** Values per field, in document order (at most five each), with the element that held the value. */
interface LabelHit {
  /** The value on one line. */
  value: string;
  /** The value's lines, split at block elements and `<br>` ("Vicksburg, MS" / "Memphis, TN"). */
  lines: string[];
  el: Element;
  label: string;
}
export type LabelHits = Map<LabelField, LabelHit[]>;

const BREAKS = new Set(['br', 'p', 'div', 'li', 'tr', 'dd', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'section']);

/** Text of `node` with a line break at each block element (capped). */
function blockText(node: AnyNode, maxChars: number): string {
  const parts: string[] = [];
  let len = 0;
  const stack: Array<AnyNode | null> = [node];
  while (stack.length > 0 && len < maxChars) {
    const n = stack.pop();
    if (n === null) {
      parts.push('\n');
      continue;
    }
    if (!n) continue;
    if (n.type === 'text') {
      const data = (n as { data: string }).data;
      parts.push(data);
      len += data.length;
    } else if (isElement(n)) {
      if (SKIP.has(n.name)) continue;
      const brk = BREAKS.has(n.name);
      if (brk) parts.push('\n');
      if (brk) stack.push(null);
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    }
  }
  return parts.join('');
}

const HEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);
const SKIP = new Set(['nav', 'footer', 'script', 'style', 'noscript', 'template', 'svg', 'select', 'button', 'option']);
const BLOCKS = new Set(['p', 'div', 'li', 'ul', 'ol', 'table', 'section', 'dl', 'h1', 'h2', 'h3', 'tr', 'tbody', 'article']);
const LABEL_TAGS = new Set(['strong', 'b', 'span', 'label', 'dt', 'em', 'i']);
const LEAFISH = new Set(['p', 'li', 'div', 'span', 'td', 'dd', 'section', 'small', 'label', 'strong', 'b', 'h4', 'h5', 'h6', 'em']);
/**
 * "Label: value" with the label first, or "value :Label" as right-to-left pages write it. Lines
 * are `cleanInline`d (trimmed, whitespace collapsed), so one optional space stands for `\s*`:
 * no two quantifiers compete for the same whitespace.
 */
const LABEL_FIRST = /^([^:：]{1,60}?) ?[:：] ?(.{1,200})$/u;
const LABEL_LAST = /^(.{1,200}?) ?[:：] ?([^:：]{1,40})$/u;

function add(out: LabelHits, label: string, value: string | AnyNode, el: Element): boolean {
  const l = cleanInline(label);
  const field = labelField(l);
  if (!field) return false;
  const raw = typeof value === 'string' ? value : blockText(value, 400);
  const lines = raw
    .split('\n')
    .map((x) => cleanInline(x).replace(/^[:：\-–—\s]+/, ''))
    .filter(Boolean);
  const v = lines.join(' ');
  if (!v || v.length > 200 || labelField(v)) return true;
  // "Location #: 1034" (a store number) names no place; a later "Location Name" row does.
  if (field === 'location' && !/\p{L}/u.test(v)) return true;
  const list = out.get(field) ?? [];
  if (list.length < 5) list.push({ value: v, lines, el, label: l });
  out.set(field, list);
  return true;
}

/**
 * Lines of a short leaf-ish block (line breaks at `<br>`) that may hold a `Label: value` pair
 * (none when it has no colon), or `null` when the block is long or contains blocks.
 */
function lineTexts(el: Element, ownLines = false): string[] | null {
  const parts: string[] = [];
  let len = 0;
  const stack: AnyNode[] = [...el.children].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'text') {
      const data = (n as { data: string }).data;
      parts.push(data);
      len += data.length;
      if (len > 600) return null;
    } else if (isElement(n)) {
      if (BLOCKS.has(n.name)) return null;
      if (n.name === 'br') parts.push('\u2028');
      else if (!SKIP.has(n.name)) {
        if (ownLines && n.parent === el) parts.push('\u2028');
        for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
      }
    }
  }
  const joined = parts.join('');
  if (!joined.includes(':') && !joined.includes('：')) return [];
  // "<span>工作地点：杭州</span><span>薪资：6000-12000元/月</span>": inline siblings that each hold
  // their own "Label: value" are separate lines, as the page shows them.
  if (!ownLines && colonCount(joined) >= 2 && colonSiblings(el)) return lineTexts(el, true);
  return joined
    .split('\u2028')
    .map((l) => cleanInline(l))
    .filter(Boolean);
}

function colonCount(t: string): number {
  let n = 0;
  for (let i = 0; i < t.length && n < 2; i++) if (t[i] === ':' || t[i] === '：') n++;
  return n;
}

const hasColon = (t: string) => t.includes(':') || t.includes('：');

/**
 * True when `el` holds two or more inline children that each contain a colon and no text of
 * its own between them ("<div><span>Ort: Berlin</span> <span>Gehalt: 50k</span></div>").
 */
function colonSiblings(el: Element): boolean {
  let withColon = 0;
  for (const c of el.children) {
    if (c.type === 'text') {
      if ((c as { data: string }).data.trim()) return false;
    } else if (isElement(c) && !BLOCKS.has(c.name)) {
      if (c.name === 'br') continue;
      const t = textOf(c, 300);
      if (!hasColon(t)) return false;
      // A label element alone ("<b>Location:</b> Berlin") is one pair, not a row of them.
      if (/^[^:：]*[:：]\s*$/.test(t)) return false;
      withColon++;
    }
  }
  return withColon >= 2;
}

/** Short own text of an element that might be a label ("Location", "勤務地", "الراتب :"). */
function shortText(el: Element): string | undefined {
  const t = textOf(el, 80);
  return t.length < 80 ? cleanInline(t) : undefined;
}

const rowsOf = (table: Element): Element[] => {
  const rows: Element[] = [];
  for (const c of table.children) {
    if (!isElement(c)) continue;
    if (c.name === 'tr') rows.push(c);
    else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot')
      for (const r of c.children) if (isElement(r) && r.name === 'tr') rows.push(r);
  }
  return rows;
};

/**
 * A table whose first row holds only labels (`th`, or label-like cells) and whose single data
 * row holds the values, column by column: government vacancy tables are written this way.
 * Tables with several data rows are listings and are left alone.
 */
function headerRowTable(out: LabelHits, table: Element): boolean {
  const rows = rowsOf(table);
  if (rows.length !== 2) return false;
  const head = rows[0]!.children.filter(isElement);
  const data = rows[1]!.children.filter(isElement);
  if (head.length < 2 || head.length !== data.length || !head.every((c) => c.name === 'th')) return false;
  let hits = 0;
  head.forEach((h, i) => {
    const label = shortText(h);
    if (label && add(out, label, data[i]!, data[i]!)) hits++;
  });
  return hits > 0;
}

/**
 * A text-only element whose lines are "label<TAB>value" rows (a board's hidden plain-text copy of
 * a posting): each row whose label is known is a pair. At most 5,000 characters and 60 rows.
 */
function tabRows(out: LabelHits, el: Element): boolean {
  if (el.children.length !== 1 || el.children[0]!.type !== 'text') return false;
  const text = (el.children[0] as { data: string }).data.slice(0, 5_000);
  if (!text.includes('\t')) return false;
  let hit = false;
  let rows = 0;
  for (const line of text.split('\n')) {
    if (++rows > 60) break;
    const tab = line.indexOf('\t');
    if (tab <= 0 || tab > 40) continue;
    if (add(out, line.slice(0, tab), line.slice(tab + 1), el)) hit = true;
  }
  return hit;
}

/** Collect label–value pairs under `root` (one walk, capped). */
export function collectLabels(root: AnyNode): LabelHits {
  const out: LabelHits = new Map();
  walkElements(
    root,
    (el) => {
      if (SKIP.has(el.name)) return false;
      if (el.name === 'table' && headerRowTable(out, el)) return false;
      // "<h3>Employer</h3><p>Bixter.dk ApS<br>Mads Kehlets Vej 29 …</p>": a heading that is a label, its block the value.
      if (HEADINGS.has(el.name)) {
        const label = shortText(el);
        // Not for the title: a "Position" heading over an occupation category is no posting title.
        const field = label ? labelField(label) : undefined;
        const next = field && field !== 'title' ? nextElement(el) : undefined;
        if (next && !HEADINGS.has(next.name) && next.name !== 'h1' && add(out, label!, next, next)) return false;
        return true;
      }
      if (el.name === 'dt' || el.name === 'th') {
        const next = nextElement(el);
        if (next) add(out, textOf(el, 100), next, next);
        return false;
      }
      if (el.name === 'td') {
        // Label cell followed by its value cell.
        const label = shortText(el);
        const next = nextElement(el);
        if (label && next && next.name === 'td' && add(out, label, next, next)) return false;
      }
      if (LEAFISH.has(el.name)) {
        const lines = lineTexts(el);
        // "근무지 주소<TAB>(07331) 서울 영등포구 …": a plain-text block of tab-separated label rows.
        if ((lines === null || lines.length === 0) && tabRows(out, el)) return false;
        if (lines === null) {
          // A container: its first child may be a label element and the next one the value
          // ("<div><span>Location</span><span>Berlin</span></div>", icon rows, list items).
          let first: Element | undefined;
          let second: Element | undefined;
          let count = 0;
          for (const c of el.children) {
            if (!isElement(c)) continue;
            if (++count === 1) first = c;
            else if (count === 2) second = c;
            else break;
          }
          if (count === 2) {
            const label = shortText(first!);
            if (label && labelField(label)) add(out, label, second!, second!);
          }
          return true;
        }
        let hit = false;
        for (const line of lines) {
          const m = LABEL_FIRST.exec(line);
          if (m && add(out, m[1]!, m[2]!, el)) hit = true;
          else if (m) {
            // Right-to-left "value : label".
            const rtl = LABEL_LAST.exec(line);
            if (rtl && add(out, rtl[2]!, rtl[1]!, el)) hit = true;
          }
        }
        // A colon inside the value ("Job Posting Nov 17, 2026, 9:00:00 AM") is no pair: try the label child.
        if (!hit) {
          // Most leaves are prose: only a short element, or one that starts with a short child, can hold a label.
          const own = shortText(el);
          if (own !== undefined && labelField(own)) {
            // Label element alone, value in the next sibling element ("<span>Salary</span><span>…</span>").
            const next = nextElement(el);
            if (next && el.children.every((c) => c.type === 'text' || (isElement(c) && !BLOCKS.has(c.name))) && add(out, own, next, next))
              return false;
          }
          // "<li><strong>Location</strong> Berlin</li>": a bold/label child, then text.
          const head = el.children.find((c) => c.type !== 'text' || (c as { data: string }).data.trim());
          // "<td>Location <font class=value>Mooresville, NC</font></td>": the label as bare text, the value in an element after it.
          if (head && head.type === 'text' && head.next && el.children.some(isElement)) {
            const label = cleanInline((head as { data: string }).data);
            if (label.length <= 60 && labelField(label)) {
              const rest = cleanInline(textOf(el, 500)).slice(label.length);
              if (rest.trim() && add(out, label, rest, el)) return false;
            }
          }
          if (head && isElement(head) && LABEL_TAGS.has(head.name)) {
            const label = shortText(head);
            if (label && labelField(label)) {
              const rest = cleanInline(textOf(el, 500)).slice(label.length);
              if (rest.trim()) add(out, label, rest, el);
            }
          }
        }
        return false;
      }
      return true;
    },
    50_000,
  );
  return out;
}
