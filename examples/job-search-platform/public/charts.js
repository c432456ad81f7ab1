/**
 * Inline-SVG charts for the stats view (no library, no build step): bars over time with a value
 * axis and dated (year-bearing) period labels, salary percentile ranges on a labelled money axis,
 * a share bar with a legend, and horizontal bars. Every label goes in as text nodes.
 * @module
 */
const NS = 'http://www.w3.org/2000/svg';

/** Create an SVG element with attributes. */
function s(tag, attrs = {}, text) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = String(text);
  return el;
}

function svg(width, height, label) {
  const root = s('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', class: 'chart', 'aria-label': label });
  return root;
}

const money = (v, currency) => {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency, maximumSignificantDigits: 3, notation: 'compact' })
      .format(v)
      .replace(/(\d)K\b/, '$1k');
  } catch {
    return new Intl.NumberFormat('en', { maximumSignificantDigits: 3, notation: 'compact' }).format(v);
  }
};

/** About `n` round tick values from 0 to at least `max` (1, 2, 2.5 or 5 × 10^k steps). */
export function ticks(max, n = 4) {
  if (!(max > 0)) return [0, 1];
  const raw = max / n;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((st) => st >= raw) ?? 10 * mag;
  const out = [];
  for (let v = 0; v < max + step * 0.999; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

const dayLabel = (iso, withYear) => {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('en', {
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(d);
};

/** Posted (and removed) jobs per period as bars, with a value axis and dated period labels. */
export function timeChart(rows) {
  const w = 640,
    h = 260,
    left = 44,
    right = 12,
    top = 28,
    bottom = 40;
  const root = svg(w, h, 'Jobs posted and removed per period');
  if (rows.length === 0) return (root.appendChild(s('text', { x: 10, y: 20 }, 'No data yet')), root);
  const max = Math.max(1, ...rows.map((r) => Math.max(r.posted, r.removed)));
  const scale = ticks(max);
  const top$ = scale[scale.length - 1];
  const plotH = h - top - bottom;
  const y = (v) => h - bottom - (plotH * v) / top$;
  for (const t of scale) {
    root.appendChild(s('line', { x1: left, x2: w - right, y1: y(t), y2: y(t), class: t === 0 ? 'axis-line' : 'grid' }));
    root.appendChild(s('text', { x: left - 6, y: y(t) + 4, 'text-anchor': 'end' }, t));
  }
  const slot = (w - left - right) / rows.length;
  const bw = Math.max(2, slot / 2 - 1);
  const every = Math.ceil(rows.length / 5);
  let lastYear = '';
  rows.forEach((r, i) => {
    const x = left + i * slot + 1;
    const posted = s('rect', { x, y: y(r.posted), width: bw, height: y(0) - y(r.posted), class: 'bar posted' });
    posted.appendChild(s('title', {}, `${dayLabel(r.period, true)}: ${r.posted} posted`));
    root.appendChild(posted);
    const removed = s('rect', { x: x + bw, y: y(r.removed), width: bw, height: y(0) - y(r.removed), class: 'bar removed' });
    removed.appendChild(s('title', {}, `${dayLabel(r.period, true)}: ${r.removed} removed`));
    root.appendChild(removed);
    if (i % every === 0) {
      const year = r.period.slice(0, 4);
      // The year is printed on the first label and wherever it changes.
      root.appendChild(s('text', { x, y: h - bottom + 18, class: 'axis' }, dayLabel(r.period, year !== lastYear)));
      lastYear = year;
    }
  });
  root.appendChild(s('text', { x: left, y: h - 4, class: 'axis' }, 'Week starting'));
  root.appendChild(s('text', { x: 4, y: 14, class: 'axis' }, 'Jobs'));
  // Legend
  root.appendChild(s('rect', { x: w - 190, y: 6, width: 12, height: 12, class: 'legend-swatch posted' }));
  root.appendChild(s('text', { x: w - 174, y: 16 }, 'posted'));
  root.appendChild(s('rect', { x: w - 110, y: 6, width: 12, height: 12, class: 'legend-swatch removed' }));
  root.appendChild(s('text', { x: w - 94, y: 16 }, 'removed'));
  return root;
}

/**
 * One row per group (e.g. the currency postings are paid in): p25–p75 range, median dot, p90 tick,
 * with the money values written out. Amounts are annual figures in `r.currency` (USD), so the row
 * is labelled by its group and the currency only formats the amounts.
 */
export function salaryChart(rows) {
  const w = 640,
    rowH = 46,
    pad = 96;
  const root = svg(w, Math.max(40, rows.length * rowH + 10), 'Yearly salary percentiles (USD) by group');
  if (rows.length === 0) return (root.appendChild(s('text', { x: 10, y: 20 }, 'No salaries yet')), root);
  rows.forEach((r, i) => {
    const p = r.byLevel;
    const hi = Math.max(p.p90 ?? 0, p.p75 ?? 0) * 1.05 || 1;
    const x = (v) => pad + ((w - pad - 16) * v) / hi;
    const y = 8 + i * rowH;
    root.appendChild(s('text', { x: 4, y: y + 14, class: 'label' }, r.group));
    root.appendChild(s('text', { x: 4, y: y + 30 }, `${r.count} jobs`));
    root.appendChild(s('line', { x1: x(0), x2: x(hi), y1: y + 10, y2: y + 10, class: 'track' }));
    const box = s('rect', { x: x(p.p25), y: y + 2, width: Math.max(1, x(p.p75) - x(p.p25)), height: 16, class: 'bar salary' });
    box.appendChild(
      s(
        'title',
        {},
        `${r.group}: p25 ${money(p.p25, r.currency)} – p75 ${money(p.p75, r.currency)}, median ${money(p.p50, r.currency)}, p90 ${money(p.p90, r.currency)}`,
      ),
    );
    root.appendChild(box);
    root.appendChild(s('circle', { cx: x(p.p50), cy: y + 10, r: 5, class: 'median' }));
    root.appendChild(s('line', { x1: x(p.p90), x2: x(p.p90), y1: y, y2: y + 20, class: 'p90' }));
    root.appendChild(
      s(
        'text',
        { x: pad, y: y + 36 },
        `p25 ${money(p.p25, r.currency)} · median ${money(p.p50, r.currency)} · p75 ${money(p.p75, r.currency)} · p90 ${money(p.p90, r.currency)}`,
      ),
    );
  });
  return root;
}

/** A 100% stacked bar of shares (e.g. remote / hybrid / onsite / unknown) with a legend row. */
export function shareBar(rows) {
  const w = 640,
    h = 72;
  const root = svg(w, h, 'Shares');
  let x = 0;
  rows.forEach((r, i) => {
    const width = r.share * w;
    const rect = s('rect', { x, y: 4, width, height: 28, class: `share share-${i}` });
    rect.appendChild(s('title', {}, `${r.key}: ${r.jobs} (${(r.share * 100).toFixed(1)}%)`));
    root.appendChild(rect);
    x += width;
  });
  // Legend: every key, even slivers too thin to label in the bar.
  let lx = 0;
  rows.forEach((r, i) => {
    const text = `${r.key} ${(r.share * 100).toFixed(0)}%`;
    root.appendChild(s('rect', { x: lx, y: 46, width: 12, height: 12, class: `share share-${i}` }));
    root.appendChild(s('text', { x: lx + 16, y: 57 }, text));
    lx += 24 + text.length * 7.5;
  });
  return root;
}

/** Horizontal bars of `{ label, value }` in the order given. */
export function barList(items) {
  const w = 640,
    rowH = 24,
    pad = 170;
  const root = svg(w, Math.max(30, items.length * rowH + 6), 'Bar chart');
  const max = Math.max(1, ...items.map((i) => i.value));
  items.forEach((it, i) => {
    const y = 4 + i * rowH;
    const label = it.label.length > 24 ? `${it.label.slice(0, 23)}…` : it.label;
    const t = s('text', { x: 4, y: y + 14, class: 'label' }, label);
    if (label !== it.label) t.appendChild(s('title', {}, it.label));
    root.appendChild(t);
    const bw = ((w - pad - 48) * it.value) / max;
    root.appendChild(s('rect', { x: pad, y, width: bw, height: 18, class: 'bar posted' }));
    root.appendChild(s('text', { x: pad + bw + 6, y: y + 14, class: 'value-label' }, it.value));
  });
  return root;
}
