/**
 * The demo page: search with typo tolerance (the engine's), disjunctive facet checkboxes, salary
 * filter, sort, numbered pages, a job detail with the sanitized description and an apply link, and
 * the stats view. Everything a user would share lives in the URL query (search, filters, page, the
 * open job as `job=`, the Stats tab as `view=stats`): reload restores it, the back button walks it.
 * On a phone the results come first and the filters open in a drawer. Untrusted values are set as
 * text; only the server-sanitized description and `<mark>` highlight snippets go in as HTML.
 * Reads newer API fields when present (canonical `places`, `droppedTokens`) and works without them.
 * @module
 */
import { barList, salaryChart, shareBar, timeChart } from './charts.js';

const $ = (id) => document.getElementById(id);
const FACET_LABELS = {
  workplaceType: 'Workplace',
  employmentType: 'Employment type',
  location: 'Location',
  company: 'Company',
  atsPlatform: 'ATS',
};
/** Facet field → API filter parameter. */
const FACET_PARAM = {
  company: 'company',
  location: 'location',
  workplaceType: 'workplace',
  employmentType: 'employment',
  atsPlatform: 'ats',
};
/** The API refuses pages past this; a deeper URL is clamped before asking. */
const MAX_PAGE = 1000;
const LOCALE = document.documentElement.lang || 'en';

const state = { q: '', sort: 'relevance', salaryMin: '', page: 1, filters: {}, job: null, view: 'search' };
let lastPages = 0;

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k in node && !k.includes('-')) node[k] = v;
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

const pretty = (v) =>
  String(v)
    .replace(/_/g, '-')
    .replace(/^./, (c) => c.toUpperCase());

// ---- formatting -------------------------------------------------------------------------------

const PERIOD_TEXT = { hour: 'an hour', day: 'a day', week: 'a week', month: 'a month', year: 'a year' };

/** "€55k–70k a year", "$25–30 an hour", "From CA$90k a year"; null without an amount. */
export function payText(s) {
  if (!s || (s.min == null && s.max == null)) return null;
  const amounts = [s.min, s.max].filter((v) => v != null);
  const big = Math.max(...amounts) >= 10_000;
  // Cents only when an amount has them: "$25–30 an hour", "$25.50–30.00 an hour".
  const cents = amounts.some((v) => !Number.isInteger(v)) ? 2 : 0;
  const opts = big ? { notation: 'compact', maximumSignificantDigits: 3 } : { minimumFractionDigits: cents, maximumFractionDigits: cents };
  let withCurrency;
  try {
    withCurrency = s.currency
      ? new Intl.NumberFormat(LOCALE, { style: 'currency', currency: s.currency, ...opts })
      : new Intl.NumberFormat(LOCALE, opts);
  } catch {
    withCurrency = new Intl.NumberFormat(LOCALE, opts); // an unknown currency code
  }
  const bare = new Intl.NumberFormat(LOCALE, opts);
  const lower = (t) => t.replace(/(\d)K\b/g, '$1k');
  const one = (v) => lower(withCurrency.format(v));
  let text;
  if (s.min != null && s.max != null && s.min !== s.max) text = `${one(s.min)}–${lower(bare.format(s.max))}`;
  else if (s.min != null && s.max != null) text = one(s.min);
  else if (s.min != null) text = `From ${one(s.min)}`;
  else text = `Up to ${one(s.max)}`;
  return `${text}${s.period ? ` ${PERIOD_TEXT[s.period] ?? `per ${s.period}`}` : ''}`;
}

/**
 * The comparable yearly figure (`salary.annualized`, when the API sends it) as "≈ $52k–62k a year",
 * shown only when it says something the posting's own figure does not (another currency or period).
 */
export function annualText(s) {
  const a = s?.annualized;
  if (!a || (a.min == null && a.max == null)) return null;
  if (a.currency === s.currency && (s.period === 'year' || s.period == null)) return null;
  const text = payText({ min: a.min, max: a.max, currency: a.currency, period: 'year' });
  if (!text) return null;
  const b = a.basis ?? {};
  const how = [
    b.period && b.period !== 'year' ? `${b.hoursPerWeek ?? '?'} h/week, ${b.weeksPerYear ?? '?'} weeks/year` : null,
    b.fxRate && b.fxRate !== 1 ? `1 ${s.currency} = ${b.fxRate} ${a.currency} (${b.rateSource ?? 'rates'}, ${b.rateDate ?? '?'})` : null,
  ].filter(Boolean);
  return {
    text: `≈ ${text.replace(/^From /, 'from ').replace(/^Up to /, 'up to ')}`,
    title: how.length ? `Comparable yearly pay: ${how.join('; ')}` : 'Comparable yearly pay',
  };
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Calendar day of an ISO date or instant, in the viewer's time zone (date-only stays that date). */
function dayOf(iso) {
  if (DATE_ONLY.test(iso)) {
    const [y, m, d] = iso.split('-').map(Number);
    return new Date(y, m - 1, d);
  }
  const t = new Date(iso);
  return Number.isNaN(t.getTime()) ? null : new Date(t.getFullYear(), t.getMonth(), t.getDate());
}

/** `{ text: "3 days ago", title: "Posted 1 Oct 2026" }` or null. */
export function postedAgo(iso, now = new Date()) {
  if (!iso) return null;
  const day = dayOf(iso);
  if (!day) return null;
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const days = Math.round((today - day) / 86_400_000);
  const full = DATE_ONLY.test(iso)
    ? new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium' }).format(day)
    : new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const rtf = new Intl.RelativeTimeFormat(LOCALE, { numeric: 'auto' });
  let text;
  if (days < 0) text = `Posted ${full}`;
  else if (days < 14) text = rtf.format(-days, 'day');
  else if (days < 60) text = rtf.format(-Math.floor(days / 7), 'week');
  else if (days < 730) text = rtf.format(-Math.floor(days / 30.44), 'month');
  else text = rtf.format(-Math.floor(days / 365.25), 'year');
  return { text: text.replace(/^./, (c) => c.toUpperCase()), title: `Posted ${full}` };
}

/** Canonical place labels when the API sends them, else the raw location strings. */
function placeLabels(job) {
  const canonical = Array.isArray(job.places) ? job.places.map((p, i) => p?.display || job.locations[i]).filter(Boolean) : [];
  const labels = canonical.length ? canonical : (job.locations ?? []);
  return [...new Set(labels)];
}

function placeText(job) {
  const labels = placeLabels(job);
  if (labels.length === 0) return null;
  return labels.length === 1 ? labels[0] : `${labels[0]} +${labels.length - 1} more`;
}

// ---- API --------------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(code, message, status) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

async function api(path, params) {
  let res;
  try {
    res = await fetch(params ? `${path}?${params}` : path, { headers: { accept: 'application/json' } });
  } catch {
    throw new ApiError('NETWORK', 'network error', 0);
  }
  let body = null;
  try {
    body = await res.json();
  } catch {
    // A proxy's HTML error page: fall through to the status.
  }
  if (!res.ok) throw new ApiError(body?.error?.code ?? `HTTP_${res.status}`, body?.error?.message ?? `HTTP ${res.status}`, res.status);
  return body;
}

/** A sentence for the user; the API's message only where it helps them fix their input. */
export function errorSentence(error, what) {
  const code = error?.code;
  if (code === 'NETWORK') return `Could not reach the server to load ${what}. Check your connection and try again.`;
  if (code === 'RATE_LIMITED') return 'Too many requests in a short time. Wait a few seconds and try again.';
  if (code === 'NOT_FOUND')
    return what === 'this job' ? 'This job is no longer available. It may have been filled or removed.' : `We could not find ${what}.`;
  if (code === 'INVALID_ARGUMENT') {
    const detail = String(error.message ?? '')
      .replace(/^invalid query:\s*/i, '')
      .replace(/[.\s]+$/, '');
    return `Some search settings are not valid${detail ? ` (${detail})` : ''}. Change them and try again.`;
  }
  return `Something went wrong while loading ${what}. Please try again in a moment.`;
}

// ---- URL state --------------------------------------------------------------------------------

function filterParams() {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  if (state.salaryMin) p.set('salary_min', state.salaryMin);
  if (state.page > 1) p.set('page', String(state.page));
  for (const [field, values] of Object.entries(state.filters)) for (const v of values) p.append(FACET_PARAM[field], v);
  return p;
}

/** The query string of the whole page state (`''` for a fresh search). */
function pageQuery() {
  const p = filterParams();
  if (state.job) p.set('job', state.job);
  if (state.view === 'stats') p.set('view', 'stats');
  const qs = p.toString();
  return qs ? `?${qs}` : '';
}

/** Record the state: a new history entry (back returns here) or a replacement; no-op when unchanged. */
function commit(mode) {
  const query = pageQuery();
  if (query === location.search) return;
  const url = query || location.pathname;
  if (mode === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

function readUrl() {
  const p = new URLSearchParams(location.search);
  state.q = (p.get('q') ?? '').slice(0, 200);
  state.sort = ['relevance', 'date', 'salary'].includes(p.get('sort')) ? p.get('sort') : 'relevance';
  const min = p.get('salary_min') ?? '';
  state.salaryMin = /^\d{1,8}(\.\d+)?$/.test(min) ? min : '';
  const page = Number.parseInt(p.get('page') ?? '1', 10);
  state.page = Number.isFinite(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1;
  state.filters = {};
  for (const [field, param] of Object.entries(FACET_PARAM)) {
    const values = p.getAll(param).filter((v) => v.trim() !== '');
    if (values.length) state.filters[field] = values;
  }
  const job = p.get('job');
  state.job = job && /^jk_[0-9a-f]{24}$/.test(job) ? job : null;
  state.view = p.get('view') === 'stats' ? 'stats' : 'search';
  $('q').value = state.q;
  $('sort').value = state.sort;
  $('salary-min').value = state.salaryMin;
}

const activeFilterCount = () => Object.values(state.filters).reduce((n, v) => n + v.length, 0) + (state.salaryMin ? 1 : 0);

// ---- facets -----------------------------------------------------------------------------------

function renderFacets(facets) {
  const box = $('facets');
  const focused = document.activeElement?.dataset?.facet
    ? `${document.activeElement.dataset.facet}\u0000${document.activeElement.dataset.value}`
    : null;
  box.replaceChildren();
  for (const [field, label] of Object.entries(FACET_LABELS)) {
    const counts = [...(facets?.[field] ?? [])];
    const chosen = new Set(state.filters[field] ?? []);
    // Chosen values stay visible (and ticked) even when the API no longer counts them.
    for (const v of chosen) if (!counts.some((c) => c.value === v)) counts.push({ value: v, count: null });
    if (counts.length === 0) continue;
    const list = el('ul');
    for (const c of counts) {
      const input = el('input', { type: 'checkbox', checked: chosen.has(c.value) });
      input.dataset.facet = field;
      input.dataset.value = c.value;
      input.addEventListener('change', () => {
        const next = new Set(state.filters[field] ?? []);
        if (input.checked) next.add(c.value);
        else next.delete(c.value);
        if (next.size) state.filters[field] = [...next];
        else delete state.filters[field];
        state.page = 1;
        state.job = null;
        commit('push');
        void run();
      });
      const text = field === 'company' || field === 'location' ? c.value : pretty(c.value);
      list.append(
        el(
          'li',
          {},
          el(
            'label',
            { class: 'facet' },
            input,
            el('span', { class: 'facet-name' }, text),
            c.count === null ? null : el('span', { class: 'count' }, String(c.count)),
          ),
        ),
      );
    }
    box.append(el('fieldset', { class: 'facet-group', 'data-field': field }, el('legend', {}, label), list));
  }
  if (focused) {
    const [f, v] = focused.split('\u0000');
    [...box.querySelectorAll('input[data-facet]')].find((i) => i.dataset.facet === f && i.dataset.value === v)?.focus();
  }
}

// ---- results ----------------------------------------------------------------------------------

function snippet(hit, field) {
  const h = hit.highlights?.find((x) => x.field === field);
  if (!h) return null;
  // Snippets are HTML-escaped by the engine except for <mark>.
  const span = el('span', { class: 'snippet' });
  span.innerHTML = h.snippet;
  return span;
}

function card(hit) {
  const title = el('a', { class: 'job-title', href: `?${withJob(hit.id)}`, 'data-id': hit.id });
  title.append(snippet(hit, 'title') ?? hit.title);
  title.addEventListener('click', (e) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return; // new tab keeps working
    e.preventDefault();
    void openJob(hit.id, 'push');
  });
  const posted = postedAgo(hit.datePosted);
  const place = placeText(hit);
  const facts = el('div', { class: 'meta' });
  if (place) facts.append(el('span', { class: 'place' }, place));
  if (hit.workplaceType) facts.append(el('span', { class: `workplace wp-${hit.workplaceType}` }, pretty(hit.workplaceType)));
  const pay = payText(hit.salary);
  const annual = annualText(hit.salary);
  return el(
    'li',
    { class: `result${hit.id === state.job ? ' selected' : ''}`, 'data-id': hit.id },
    title,
    el('div', { class: 'company' }, hit.company),
    facts,
    pay
      ? el('div', { class: 'pay' }, pay, annual ? el('span', { class: 'annual', title: annual.title }, ` · ${annual.text}`) : null)
      : null,
    posted ? el('time', { class: 'posted', datetime: hit.datePosted, title: posted.title }, posted.text) : null,
    hit.atsPlatform ? el('span', { class: 'badge' }, hit.atsPlatform) : null,
  );
}

function withJob(id) {
  const p = filterParams();
  p.set('job', id);
  return p.toString();
}

/** Up to seven page links around the current page, with the first and last always reachable. */
function renderPager(pages) {
  const nav = $('pager');
  nav.replaceChildren();
  if (pages <= 1) return;
  const go = (n, label, extra = {}) => {
    const p = filterParams();
    if (n > 1) p.set('page', String(n));
    else p.delete('page');
    const a = el('a', { href: `?${p}`, class: 'page', ...extra }, label);
    a.addEventListener('click', (e) => {
      e.preventDefault();
      state.page = n;
      state.job = null;
      commit('push');
      void run().then(() => $('result-count').scrollIntoView({ block: 'nearest' }));
    });
    return a;
  };
  const cur = state.page;
  if (cur > 1) nav.append(go(cur - 1, '← Previous', { rel: 'prev', 'aria-label': 'Previous page' }));
  const shown = new Set([1, pages, cur - 2, cur - 1, cur, cur + 1, cur + 2].filter((n) => n >= 1 && n <= pages));
  let prev = 0;
  for (const n of [...shown].sort((a, b) => a - b)) {
    if (n - prev > 1) nav.append(el('span', { class: 'gap', 'aria-hidden': 'true' }, '…'));
    nav.append(
      n === cur
        ? el('span', { class: 'page current', 'aria-current': 'page' }, String(n))
        : go(n, String(n), { 'aria-label': `Page ${n}` }),
    );
    prev = n;
  }
  if (cur < pages) nav.append(go(cur + 1, 'Next →', { rel: 'next', 'aria-label': 'Next page' }));
}

function renderResults(body) {
  const { found, hits } = body;
  const pages = body.pages ?? Math.ceil(found / 20);
  lastPages = pages;
  const range = found > 0 ? ` · page ${state.page} of ${pages}` : '';
  $('result-count').textContent =
    `${found.toLocaleString(LOCALE)} job${found === 1 ? '' : 's'}${state.q ? ` for “${state.q}”` : ''}${range}`;
  const note = $('result-note');
  const dropped = Array.isArray(body.droppedTokens) ? body.droppedTokens.filter(Boolean) : [];
  note.hidden = dropped.length === 0;
  note.textContent = dropped.length ? `No job matched every word, so these results leave out “${dropped.join(' ')}”.` : '';
  const list = $('results');
  list.replaceChildren(...hits.map(card));
  if (hits.length === 0) {
    list.append(
      el(
        'li',
        { class: 'empty' },
        activeFilterCount()
          ? 'No jobs match. Try removing a filter or another spelling.'
          : 'No jobs match. Try another spelling or fewer words.',
      ),
    );
  }
  renderPager(pages);
  // Salary filters compare the annualized figure when the API has one; say in which currency.
  const base = hits.find((h) => h.salary?.annualized?.currency)?.salary.annualized.currency;
  if (base) $('salary-min-label').textContent = `Min yearly pay (${base})`;
  const clear = $('clear-filters');
  const n = activeFilterCount();
  clear.hidden = n === 0;
  clear.textContent = n ? `Clear filters (${n})` : 'Clear filters';
  $('filters-toggle').textContent = n ? `Filters (${n})` : 'Filters';
}

let seq = 0;
/** Fetch and render the search in `state`; an out-of-range page moves to the last page. */
async function run() {
  const mine = ++seq;
  try {
    let body = await api('/api/v1/search', filterParams());
    if (mine !== seq) return;
    if (body.hits.length === 0 && state.page > 1) {
      // Past the last page (a stale link, fewer results since): show the last page there is.
      state.page = Math.max(1, Math.min(body.pages, MAX_PAGE));
      commit('replace');
      body = await api('/api/v1/search', filterParams());
      if (mine !== seq) return;
    }
    renderFacets(body.facets);
    renderResults(body);
    if (body.found === 0 || body.hits.length === 0) {
      // Nothing to look at: no detail left over from the previous search.
      if (state.job) {
        state.job = null;
        commit('replace');
      }
      closeDetail(false);
    } else if (state.job) {
      await showJob(state.job);
    } else {
      closeDetail(false);
    }
  } catch (error) {
    if (mine !== seq) return;
    $('result-count').textContent = errorSentence(error, 'the jobs');
    $('results').replaceChildren();
    $('pager').replaceChildren();
  }
}

// ---- job detail -------------------------------------------------------------------------------

let shownJob = null;

function closeDetail(updateUrl = true) {
  const box = $('detail');
  box.hidden = true;
  box.replaceChildren();
  shownJob = null;
  $('layout').classList.remove('has-detail');
  for (const li of document.querySelectorAll('#results .result.selected')) li.classList.remove('selected');
  if (updateUrl && state.job) {
    const id = state.job;
    state.job = null;
    commit('push');
    document.querySelector(`#results .job-title[data-id="${id}"]`)?.focus();
  }
}

async function openJob(id, mode) {
  state.job = id;
  commit(mode);
  await showJob(id, true);
}

async function showJob(id, focus = false) {
  const box = $('detail');
  for (const li of document.querySelectorAll('#results .result')) li.classList.toggle('selected', li.dataset.id === id);
  if (shownJob === id && !box.hidden) return;
  shownJob = id;
  box.hidden = false;
  $('layout').classList.add('has-detail');
  box.replaceChildren(el('p', { class: 'muted' }, 'Loading…'));
  try {
    const job = await api(`/api/v1/jobs/${encodeURIComponent(id)}`);
    if (shownJob !== id) return;
    const description = el('div', { class: 'description' });
    // Sanitized at ingestion (allow-listed tags, no scripts or handlers); the CSP blocks script anyway.
    description.innerHTML = job.description.html;
    const posted = postedAgo(job.datePosted);
    const facts = [
      ['Location', placeLabels(job).join('; ') || '—'],
      ['Workplace', job.workplaceType ? pretty(job.workplaceType) : '—'],
      ['Employment', job.employmentType.map(pretty).join(', ') || '—'],
      ['Pay', payText(job.salary) ?? '—'],
      ...(annualText(job.salary) ? [['Comparable', el('span', { title: annualText(job.salary).title }, annualText(job.salary).text)]] : []),
      [
        'Posted',
        posted
          ? el('time', { datetime: job.datePosted, title: posted.title }, `${posted.text} (${posted.title.replace(/^Posted /, '')})`)
          : '—',
      ],
      ['Source', job.atsPlatform ?? 'company site'],
      ['Quality', `${job.quality.score}/100`],
    ];
    box.replaceChildren(
      el('button', { type: 'button', class: 'close', onclick: () => closeDetail(), 'aria-label': 'Close job details' }, '×'),
      el('h2', { id: 'detail-title' }, job.title),
      el('p', { class: 'company' }, job.company),
      el('dl', {}, ...facts.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
      el(
        'a',
        { class: 'apply', id: 'apply-link', href: job.applyUrl, target: '_blank', rel: 'noopener noreferrer' },
        'Apply for this job ↗',
      ),
      description,
    );
    if (focus) box.focus({ preventScroll: window.matchMedia('(min-width: 641px)').matches });
  } catch (error) {
    if (shownJob !== id) return;
    box.replaceChildren(
      el('button', { type: 'button', class: 'close', onclick: () => closeDetail(), 'aria-label': 'Close job details' }, '×'),
      el('p', { class: 'error', role: 'alert' }, errorSentence(error, 'this job')),
    );
  }
}

// ---- stats ------------------------------------------------------------------------------------

async function loadStats() {
  $('stats-status').textContent = 'Loading statistics…';
  try {
    const st = await api('/api/v1/stats', new URLSearchParams({ period: 'week' }));
    const remote = st.workplace.find((r) => r.key === 'remote');
    const days = st.daysOpen?.medianDays;
    const daysLabel = st.daysOpen?.basis === 'open' ? 'Median days open (open jobs so far)' : 'Median days open';
    $('stat-cards').replaceChildren(
      ...[
        ['Active jobs', st.jobs.active.toLocaleString(LOCALE)],
        ['Removed', st.jobs.removed.toLocaleString(LOCALE)],
        ['ATS platforms', st.ats.filter((r) => r.key !== 'unknown').length],
        ['Remote share', remote ? `${(remote.share * 100).toFixed(1)}%` : '—'],
        [daysLabel, days == null ? '—' : Math.round(days).toLocaleString(LOCALE)],
      ].map(([k, v]) => el('div', { class: 'card' }, el('div', { class: 'value' }, String(v)), el('div', { class: 'muted' }, k))),
    );
    // Ties in job counts are broken by name, so the list reads the same on every engine and reload.
    const companies = [...st.topCompanies].sort((a, b) => b.jobs - a.jobs || a.company.localeCompare(b.company, 'en'));
    $('chart-time').replaceChildren(timeChart(st.overTime));
    $('chart-salary').replaceChildren(salaryChart(st.salaries));
    $('chart-remote').replaceChildren(shareBar(st.workplace));
    $('chart-ats').replaceChildren(barList(st.ats.map((r) => ({ label: r.key === 'unknown' ? 'company site' : r.key, value: r.jobs }))));
    $('chart-companies').replaceChildren(barList(companies.map((r) => ({ label: r.company, value: r.jobs }))));
    $('stats-status').textContent = '';
  } catch (error) {
    $('stats-status').textContent = errorSentence(error, 'the statistics');
  }
}

function show(view) {
  for (const v of ['search', 'stats']) {
    $(`view-${v}`).hidden = v !== view;
    const tab = $(`tab-${v}`);
    tab.classList.toggle('active', v === view);
    if (v === view) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
  if (view === 'stats') void loadStats();
}

// ---- drawer (phones) ----------------------------------------------------------------------------

function setDrawer(open) {
  document.body.classList.toggle('drawer-open', open);
  $('filters-toggle').setAttribute('aria-expanded', String(open));
  $('scrim').hidden = !open;
  if (open) $('filters-close').focus();
}

// ---- wiring -----------------------------------------------------------------------------------

$('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  state.q = $('q').value.trim();
  state.sort = $('sort').value;
  state.salaryMin = $('salary-min').value;
  state.page = 1;
  state.job = null;
  commit('push');
  void run();
});
$('sort').addEventListener('change', () => $('search-form').requestSubmit());
$('clear-filters').addEventListener('click', () => {
  state.filters = {};
  state.salaryMin = '';
  $('salary-min').value = '';
  state.page = 1;
  state.job = null;
  commit('push');
  void run();
  $('q').focus();
});
$('filters-toggle').addEventListener('click', () => setDrawer(!document.body.classList.contains('drawer-open')));
$('filters-close').addEventListener('click', () => (setDrawer(false), $('filters-toggle').focus()));
$('scrim').addEventListener('click', () => setDrawer(false));
document.addEventListener('keydown', (e) => {
  if (e.key !== 'Escape') return;
  if (document.body.classList.contains('drawer-open')) setDrawer(false), $('filters-toggle').focus();
  else if (!$('detail').hidden) closeDetail();
});
// Arrow keys move between result titles; Home/End jump to the first/last.
$('results').addEventListener('keydown', (e) => {
  if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
  const links = [...document.querySelectorAll('#results .job-title')];
  const i = links.indexOf(document.activeElement);
  if (i === -1 && !['Home', 'End'].includes(e.key)) return;
  e.preventDefault();
  const next =
    e.key === 'Home'
      ? 0
      : e.key === 'End'
        ? links.length - 1
        : Math.max(0, Math.min(links.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)));
  links[next]?.focus();
});
for (const tab of document.querySelectorAll('.tab')) {
  tab.addEventListener('click', (e) => {
    e.preventDefault();
    if (state.view === tab.dataset.view) return;
    state.view = tab.dataset.view;
    commit('push');
    show(state.view);
  });
}
window.addEventListener('popstate', () => {
  readUrl();
  show(state.view);
  if (state.view === 'search') void run();
});

readUrl();
show(state.view);
void run();
