/**
 * The demo page: search with typo tolerance (the engine's), facet filters, salary filter, sort,
 * pagination, a job detail with the sanitized description and an apply link, and the stats view.
 * State lives in the URL query so a search can be shared or reloaded. Untrusted values are set as
 * text; only the server-sanitized description and `<mark>` highlight snippets go in as HTML.
 * @module
 */
import { barList, salaryChart, shareBar, timeChart } from './charts.js';

const $ = (id) => document.getElementById(id);
const FACET_LABELS = { company: 'Company', location: 'Location', workplaceType: 'Workplace', employmentType: 'Employment type', atsPlatform: 'ATS' };
/** Facet field → API filter parameter. */
const FACET_PARAM = { company: 'company', location: 'location', workplaceType: 'workplace', employmentType: 'employment', atsPlatform: 'ats' };
const PER_PAGE = 20;

const state = { q: '', sort: 'relevance', salaryMin: '', page: 1, filters: {}, open: null };

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k in node) node[k] = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

const pretty = (v) => String(v).replace(/_/g, '-').replace(/^./, (c) => c.toUpperCase());

function salaryText(s) {
  if (!s || (s.min === null && s.max === null)) return null;
  const f = (v) => (v === null ? '?' : new Intl.NumberFormat('en-US', { style: 'currency', currency: s.currency || 'USD', maximumFractionDigits: 0 }).format(v));
  return `${f(s.min)} – ${f(s.max)}${s.period ? ` / ${s.period}` : ''}`;
}

async function api(path, params) {
  const res = await fetch(`${path}?${params}`);
  const body = await res.json();
  if (!res.ok) throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
  return body;
}

function searchParams() {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  if (state.salaryMin) p.set('salary_min', state.salaryMin);
  if (state.page > 1) p.set('page', String(state.page));
  for (const [field, values] of Object.entries(state.filters)) for (const v of values) p.append(FACET_PARAM[field], v);
  return p;
}

function readUrl() {
  const p = new URLSearchParams(location.search);
  state.q = p.get('q') ?? '';
  state.sort = p.get('sort') ?? 'relevance';
  state.salaryMin = p.get('salary_min') ?? '';
  state.page = Number(p.get('page') ?? 1) || 1;
  state.filters = {};
  for (const [field, param] of Object.entries(FACET_PARAM)) {
    const values = p.getAll(param);
    if (values.length) state.filters[field] = values;
  }
  $('q').value = state.q;
  $('sort').value = state.sort;
  $('salary-min').value = state.salaryMin;
}

function renderFacets(facets) {
  const box = $('facets');
  box.replaceChildren();
  for (const [field, label] of Object.entries(FACET_LABELS)) {
    const counts = facets[field] ?? [];
    const chosen = new Set(state.filters[field] ?? []);
    // Keep chosen values visible even when they fall out of the top counts.
    for (const v of chosen) if (!counts.some((c) => c.value === v)) counts.push({ value: v, count: 0 });
    if (counts.length === 0) continue;
    const list = el('ul');
    for (const c of counts) {
      const input = el('input', {
        type: 'checkbox',
        checked: chosen.has(c.value),
        onchange: () => {
          const next = new Set(state.filters[field] ?? []);
          if (input.checked) next.add(c.value);
          else next.delete(c.value);
          state.filters[field] = [...next];
          state.page = 1;
          run();
        },
      });
      input.dataset.facet = field;
      input.dataset.value = c.value;
      const text = field === 'company' || field === 'location' ? c.value : pretty(c.value);
      list.append(el('li', {}, el('label', { class: 'facet' }, input, ` ${text} `, el('span', { class: 'count' }, String(c.count)))));
    }
    box.append(el('fieldset', { class: 'facet-group', 'data-field': field }, el('legend', {}, label), list));
  }
}

function snippet(hit, field) {
  const h = hit.highlights.find((x) => x.field === field);
  if (!h) return null;
  // Snippets are HTML-escaped by the engine except for <mark>.
  const span = el('span', { class: 'snippet' });
  span.innerHTML = h.snippet;
  return span;
}

function renderResults(body) {
  const { found, hits, pages } = body;
  $('result-count').textContent = `${found} job${found === 1 ? '' : 's'}${state.q ? ` for “${state.q}”` : ''}${body.cached ? ' (cached)' : ''} · ${body.tookMs.toFixed(1)} ms`;
  const list = $('results');
  list.replaceChildren();
  for (const hit of hits) {
    const title = el('button', { type: 'button', class: 'job-title', onclick: () => openJob(hit.id) });
    title.append(snippet(hit, 'title') ?? hit.title);
    const meta = [hit.locations[0], hit.workplaceType && pretty(hit.workplaceType), salaryText(hit.salary)].filter(Boolean).join(' · ');
    list.append(
      el('li', { class: 'result', 'data-id': hit.id }, title, el('div', { class: 'company' }, hit.company), el('div', { class: 'meta' }, meta), hit.atsPlatform ? el('span', { class: 'badge' }, hit.atsPlatform) : null),
    );
  }
  if (hits.length === 0) list.append(el('li', { class: 'empty' }, 'No jobs match. Try fewer filters or another spelling.'));
  $('page-info').textContent = pages > 0 ? `page ${state.page} of ${pages}` : '';
  $('prev').disabled = state.page <= 1;
  $('next').disabled = state.page >= pages;
}

let seq = 0;
async function run(push = true) {
  const mine = ++seq;
  const params = searchParams();
  if (push) history.replaceState(null, '', `?${params}`);
  try {
    const body = await api('/api/v1/search', params);
    if (mine !== seq) return;
    renderFacets(body.facets);
    renderResults(body);
  } catch (error) {
    $('result-count').textContent = `Search failed: ${error.message}`;
  }
}

async function openJob(id) {
  const box = $('detail');
  box.hidden = false;
  box.replaceChildren(el('p', { class: 'muted' }, 'Loading…'));
  try {
    const res = await fetch(`/api/v1/jobs/${encodeURIComponent(id)}`);
    const job = await res.json();
    if (!res.ok) throw new Error(job?.error?.message ?? `HTTP ${res.status}`);
    const description = el('div', { class: 'description' });
    // Sanitized at ingestion (allow-listed tags, no scripts or handlers); the CSP blocks script anyway.
    description.innerHTML = job.description.html;
    const facts = [
      ['Location', job.locations.join('; ') || '—'],
      ['Workplace', job.workplaceType ? pretty(job.workplaceType) : '—'],
      ['Employment', job.employmentType.map(pretty).join(', ') || '—'],
      ['Salary', salaryText(job.salary) ?? '—'],
      ['Posted', job.datePosted ?? '—'],
      ['Source', job.atsPlatform ?? 'company site'],
      ['Quality', `${job.quality.score}/100`],
    ];
    box.replaceChildren(
      el('button', { type: 'button', class: 'close', onclick: () => (box.hidden = true), 'aria-label': 'Close' }, '×'),
      el('h2', { id: 'detail-title' }, job.title),
      el('p', { class: 'company' }, job.company),
      el('dl', {}, ...facts.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
      el('a', { class: 'apply', id: 'apply-link', href: job.applyUrl, target: '_blank', rel: 'noopener noreferrer' }, 'Apply for this job ↗'),
      description,
    );
  } catch (error) {
    box.replaceChildren(el('p', {}, `Could not load the job: ${error.message}`));
  }
}

async function loadStats() {
  const st = await api('/api/v1/stats', new URLSearchParams({ period: 'week' }));
  const remote = st.workplace.find((r) => r.key === 'remote');
  $('stat-cards').replaceChildren(
    ...[
      ['Active jobs', st.jobs.active],
      ['Removed', st.jobs.removed],
      ['ATS platforms', st.ats.filter((r) => r.key !== 'unknown').length],
      ['Remote share', remote ? `${(remote.share * 100).toFixed(1)}%` : '—'],
      ['Median days open', st.daysOpen.medianDays ?? '—'],
    ].map(([k, v]) => el('div', { class: 'card' }, el('div', { class: 'value' }, String(v)), el('div', { class: 'muted' }, k))),
  );
  $('chart-time').replaceChildren(timeChart(st.overTime));
  $('chart-salary').replaceChildren(salaryChart(st.salaries));
  $('chart-remote').replaceChildren(shareBar(st.workplace));
  $('chart-ats').replaceChildren(barList(st.ats.map((r) => ({ label: r.key, value: r.jobs }))));
  $('chart-companies').replaceChildren(barList(st.topCompanies.map((r) => ({ label: r.company, value: r.jobs }))));
}

function show(view) {
  for (const v of ['search', 'stats']) {
    $(`view-${v}`).hidden = v !== view;
    $(`tab-${v}`).classList.toggle('active', v === view);
  }
  if (view === 'stats') loadStats().catch((e) => ($('stat-cards').textContent = `Stats failed: ${e.message}`));
}

$('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  state.q = $('q').value.trim();
  state.sort = $('sort').value;
  state.salaryMin = $('salary-min').value;
  state.page = 1;
  run();
});
$('sort').addEventListener('change', () => $('search-form').requestSubmit());
$('prev').addEventListener('click', () => (state.page--, run()));
$('next').addEventListener('click', () => (state.page++, run()));
for (const tab of document.querySelectorAll('.tab')) tab.addEventListener('click', () => show(tab.dataset.view));

readUrl();
run(false);
