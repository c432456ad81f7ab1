/**
 * Inline-SVG charts for the stats view (no library, no build step): grouped bars over time,
 * salary percentile ranges, a share bar and horizontal bars. Every label goes in as text nodes.
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

function svg(width, height) {
  return s('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', class: 'chart' });
}

const money = (v, currency) => new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0, notation: 'compact' }).format(v);

/** Posted (and removed) jobs per period as bars. */
export function timeChart(rows) {
  const w = 640, h = 220, pad = 28;
  const root = svg(w, h);
  if (rows.length === 0) return root.appendChild(s('text', { x: 10, y: 20 }, 'no data')), root;
  const max = Math.max(1, ...rows.map((r) => Math.max(r.posted, r.removed)));
  const slot = (w - pad * 2) / rows.length;
  const bw = Math.max(2, slot / 2 - 1);
  rows.forEach((r, i) => {
    const x = pad + i * slot;
    const ph = ((h - pad * 2) * r.posted) / max;
    const rh = ((h - pad * 2) * r.removed) / max;
    const posted = s('rect', { x, y: h - pad - ph, width: bw, height: ph, class: 'bar posted' });
    posted.appendChild(s('title', {}, `${r.period}: ${r.posted} posted`));
    root.appendChild(posted);
    const removed = s('rect', { x: x + bw + 1, y: h - pad - rh, width: bw, height: rh, class: 'bar removed' });
    removed.appendChild(s('title', {}, `${r.period}: ${r.removed} removed`));
    root.appendChild(removed);
    if (i % Math.ceil(rows.length / 6) === 0) root.appendChild(s('text', { x, y: h - 8, class: 'axis' }, r.period.slice(5)));
  });
  root.appendChild(s('text', { x: 2, y: pad - 10, class: 'axis' }, `max ${max}`));
  return root;
}

/** One row per currency: p25–p75 range, median dot, p90 tick, on a shared scale per currency. */
export function salaryChart(rows) {
  const w = 640, rowH = 34, pad = 70;
  const root = svg(w, Math.max(40, rows.length * rowH + 10));
  rows.forEach((r, i) => {
    const p = r.byLevel;
    // Headroom right of p90 keeps the median label inside the chart.
    const lo = 0, hi = Math.max(p.p90 ?? 0, p.p75 ?? 0) * 1.45 || 1;
    const x = (v) => pad + ((w - pad - 20) * (v - lo)) / (hi - lo);
    const y = 10 + i * rowH;
    root.appendChild(s('text', { x: 4, y: y + 14, class: 'label' }, `${r.currency} (${r.count})`));
    root.appendChild(s('line', { x1: x(0), x2: x(hi), y1: y + 10, y2: y + 10, class: 'track' }));
    const box = s('rect', { x: x(p.p25), y: y + 2, width: Math.max(1, x(p.p75) - x(p.p25)), height: 16, class: 'bar salary' });
    box.appendChild(s('title', {}, `${r.currency}: p25 ${money(p.p25, r.currency)} – p75 ${money(p.p75, r.currency)}`));
    root.appendChild(box);
    root.appendChild(s('circle', { cx: x(p.p50), cy: y + 10, r: 4, class: 'median' }));
    root.appendChild(s('line', { x1: x(p.p90), x2: x(p.p90), y1: y, y2: y + 20, class: 'p90' }));
    root.appendChild(s('text', { x: x(p.p90) + 4, y: y + 14, class: 'axis' }, `${money(p.p50, r.currency)} median`));
  });
  return root;
}

/** A 100% stacked bar of shares (e.g. remote / hybrid / onsite / unknown). */
export function shareBar(rows) {
  const w = 640, h = 64;
  const root = svg(w, h);
  let x = 0;
  rows.forEach((r, i) => {
    const width = r.share * w;
    const rect = s('rect', { x, y: 4, width, height: 28, class: `share share-${i}` });
    rect.appendChild(s('title', {}, `${r.key}: ${r.jobs} (${(r.share * 100).toFixed(1)}%)`));
    root.appendChild(rect);
    if (width > 60) root.appendChild(s('text', { x: x + 4, y: 52, class: 'axis' }, `${r.key} ${(r.share * 100).toFixed(0)}%`));
    x += width;
  });
  return root;
}

/** Horizontal bars of `{ label, value }`. */
export function barList(items) {
  const w = 640, rowH = 22, pad = 150;
  const root = svg(w, Math.max(30, items.length * rowH + 6));
  const max = Math.max(1, ...items.map((i) => i.value));
  items.forEach((it, i) => {
    const y = 4 + i * rowH;
    root.appendChild(s('text', { x: 4, y: y + 14, class: 'label' }, it.label));
    root.appendChild(s('rect', { x: pad, y, width: ((w - pad - 40) * it.value) / max, height: 16, class: 'bar posted' }));
    root.appendChild(s('text', { x: pad + ((w - pad - 40) * it.value) / max + 4, y: y + 13, class: 'axis' }, it.value));
  });
  return root;
}
