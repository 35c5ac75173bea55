import { TEXT, pageLanguage } from './i18n.js';
import { locate, draw } from './highlight.js';

const $ = (id) => document.getElementById(id);
const state = {
  lang: pageLanguage(location.search, navigator.language),
  situation: {},
  jsonValid: true,
  advice: null,
  adviceDraft: null,
  revision: null,
  timer: null,
  inFlight: null,
  seq: 0,
  cache: new Map(),
};
const T = () => TEXT[state.lang];

// ---- the situation as an object, the form and the JSON text two views of it

function getPath(obj, path) {
  return path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

function setPath(obj, path, value) {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) {
    if (typeof o[k] !== 'object' || o[k] === null) o[k] = {};
    o = o[k];
  }
  const last = keys[keys.length - 1];
  if (value === '' || value === undefined) delete o[last];
  else o[last] = value;
}

function fields() {
  return [...document.querySelectorAll('#form [data-path]')];
}

function fillForm() {
  for (const el of fields()) {
    const v = getPath(state.situation, el.dataset.path);
    if (el.type === 'checkbox') el.checked = v === true;
    else el.value = v == null ? '' : String(v);
  }
  const draft = $('draft');
  const text = state.situation.draftReply || '';
  if (draft.value !== text) draft.value = text;
  redraw();
}

function writeJson() {
  $('json').value = JSON.stringify(state.situation, null, 2);
}

function onFieldChange(el) {
  const value = el.type === 'checkbox' ? el.checked : el.value;
  setPath(state.situation, el.dataset.path, value);
  if (state.jsonValid) writeJson();
  schedule();
}

function onJsonInput() {
  const text = $('json').value;
  let parsed;
  try {
    parsed = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new Error(state.lang === 'es' ? 'la situación debe ser un objeto { … }' : 'the situation must be an object { … }');
    }
  } catch (e) {
    state.jsonValid = false;
    $('json').setAttribute('aria-invalid', 'true');
    $('json-error').textContent = `${T().jsonInvalid}: ${e.message}`;
    showVerdict('invalid', T().jsonWaiting);
    return;
  }
  state.jsonValid = true;
  $('json').removeAttribute('aria-invalid');
  $('json-error').textContent = '';
  state.situation = parsed;
  fillForm();
  schedule();
}

function onDraftInput() {
  state.situation.draftReply = $('draft').value;
  if (state.jsonValid) writeJson();
  redraw();
  schedule();
}

// ---- highlights

function redraw() {
  const draft = $('draft').value;
  let warnings = state.advice ? state.advice.warnings || [] : [];
  // offsets belong to the draft the advice was given for; while the author types, find the words again
  if (draft !== state.adviceDraft) warnings = warnings.map(({ start, end, ...w }) => w);
  const ranges = locate(draft, warnings);
  draw($('highlights'), draft, ranges);
  const list = $('marked');
  list.replaceChildren();
  if (ranges.length === 0) {
    list.append(item('li', T().noMarks, 'none'));
  }
  for (const r of ranges) {
    const li = document.createElement('li');
    li.className = r.warning.severity === 'BLOCKING' ? 'blocking' : 'caution';
    const words = document.createElement('mark');
    words.className = li.className;
    words.textContent = draft.slice(r.start, r.end);
    li.append(`${(T().severity[r.warning.severity] || r.warning.severity).toUpperCase()}: «`, words, `» — ${r.warning.why || r.warning.code}`);
    list.append(li);
  }
  syncScroll();
}

function syncScroll() {
  const backdrop = document.querySelector('.backdrop');
  backdrop.scrollTop = $('draft').scrollTop;
}

// ---- asking for advice

function schedule() {
  clearTimeout(state.timer);
  state.timer = setTimeout(advise, 300);
}

async function advise() {
  if (!state.jsonValid) return;
  const seq = ++state.seq;
  if (state.inFlight) state.inFlight.abort();
  const controller = new AbortController();
  state.inFlight = controller;
  const sentDraft = state.situation.draftReply || '';
  let response;
  let body;
  try {
    response = await fetch('/advice', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(state.situation),
      signal: controller.signal,
    });
    body = await response.json();
  } catch (e) {
    if (e.name === 'AbortError') return;
    if (seq === state.seq) showVerdict('invalid', `${T().unreachable}: ${e.message}`);
    return;
  }
  if (seq !== state.seq) return;
  clearProblems();
  if (response.ok) {
    state.advice = body;
    state.adviceDraft = sentDraft;
    setRevision(body.policy);
    renderAdvice();
    redraw();
  } else {
    state.advice = null;
    redraw();
    $('advice').replaceChildren();
    $('advice-meta').textContent = '';
    showProblems(body && Array.isArray(body.errors) ? body.errors : [`HTTP ${response.status}`]);
  }
}

function clearProblems() {
  for (const el of document.querySelectorAll('.error[id$="-error"]')) {
    if (el.id !== 'json-error' && el.id !== 'demo-error') el.textContent = '';
  }
  for (const el of fields()) el.removeAttribute('aria-invalid');
  $('problems').replaceChildren();
  $('problems-box').hidden = true;
}

/** Each problem next to its field when the form has it, else in the list under the JSON. */
function showProblems(errors) {
  for (const line of errors) {
    const cut = line.indexOf(': ');
    const path = cut > 0 ? line.slice(0, cut) : '';
    const field = fields().find((el) => el.dataset.path === path);
    if (field) {
      field.setAttribute('aria-invalid', 'true');
      field.setAttribute('aria-describedby', `${field.id}-error`);
      $(`${field.id}-error`).textContent = line;
    } else if (path === 'draftReply') {
      $('draftReply-error').textContent = line;
    } else {
      $('problems').append(item('li', line));
      $('problems-box').hidden = false;
    }
  }
  showVerdict('invalid', `${T().problems}: ${errors.length}`);
}

function showVerdict(kind, text) {
  const v = $('verdict');
  v.className = `verdict ${kind}`;
  v.setAttribute('role', kind === 'blocking' ? 'alert' : 'status');
  v.textContent = text;
}

// ---- the advice

function item(tag, text, className) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  el.textContent = text;
  return el;
}

function renderAdvice() {
  const a = state.advice;
  if (!a) return;
  const t = T();
  const blocking = (a.warnings || []).filter((w) => w.severity === 'BLOCKING');
  if (blocking.length) {
    showVerdict('blocking', `${t.blocking} (${blocking.map((w) => `«${w.span}»`).join(', ')})`);
  } else {
    showVerdict('clear', t.clear);
  }
  const emotion = a.emotion ? `${a.emotion.level}${a.emotion.estimated ? ` (${t.estimated})` : ''}` : '';
  $('advice-meta').textContent = `${t.priority}: ${a.priority || ''} · ${t.emotionRead}: ${emotion}`;

  const out = $('advice');
  out.replaceChildren();
  if (Array.isArray(a.next) && a.next.length) {
    out.append(section('now', t.now, a.next, (n) => [n.text || n.code]));
  }
  out.append(section('warnings', t.warnings, a.warnings, (w) => [
    `${(t.severity[w.severity] || w.severity).toUpperCase()}${w.span ? `: «${w.span}»` : ''}`, w.why]));
  out.append(section('recommendations', t.recommendations, a.recommendations, (r) => [r.say ? `«${r.say}»` : r.action, r.why]));
  out.append(section('escalations', t.escalations, a.escalations, (e) => [`${t.to} ${e.to}`, e.say ? `«${e.say}»` : '', e.why]));
  out.append(section('followUps', t.followUps, a.followUps, (f) => [f.what, f.due ? `${t.due} ${new Date(f.due).toLocaleString(state.lang)}` : '']));
  out.append(section('reviews', t.reviews, a.reviews, (r) => [r.kind, r.why]));
  out.append(section('records', t.records, a.records, (r) => [r.kind, r.cause]));
}

function section(id, title, items, lines) {
  const box = document.createElement('section');
  box.className = `advice-${id}`;
  box.setAttribute('aria-label', title);
  box.append(item('h3', `${title} (${(items || []).length})`));
  if (!items || items.length === 0) {
    box.append(item('p', T().empty, 'help'));
    return box;
  }
  const list = document.createElement(id === 'now' ? 'ol' : 'ul');
  for (const it of items) {
    const li = document.createElement('li');
    if (it.severity) li.className = it.severity === 'BLOCKING' ? 'blocking' : 'caution';
    const [first, ...rest] = lines(it).filter(Boolean);
    li.append(item('strong', first || ''));
    for (const r of rest) li.append(item('span', ` — ${r}`));
    li.append(explanation(it));
    list.append(li);
  }
  box.append(list);
  return box;
}

/** "Why": the guidance text and the rule's DRL, fetched when first opened. */
function explanation(it) {
  const d = document.createElement('details');
  const ids = it.guidance || [];
  d.append(item('summary', `${T().why}: ${ids.join(', ')}${it.rule ? ` · «${it.rule}»` : ''}`));
  const body = document.createElement('div');
  body.className = 'explanation';
  d.append(body);
  d.addEventListener('toggle', async () => {
    if (!d.open || body.dataset.loaded === state.revision) return;
    body.dataset.loaded = state.revision;
    body.replaceChildren(item('p', T().loading, 'help'));
    const parts = [];
    for (const id of ids) {
      const g = await load(`/guidance/${encodeURIComponent(id)}`);
      const block = document.createElement('blockquote');
      block.append(item('strong', `${T().guidance} ${id}`));
      block.append(item('p', g.ok ? g.body.guidance : `${T().notFound}: ${g.message}`));
      if (g.ok && g.body.section) block.append(item('p', g.body.section, 'help'));
      parts.push(block);
    }
    if (it.rule) {
      const r = await load(`/rules/${encodeURIComponent(it.rule)}`);
      const head = r.ok && r.body.file ? `${T().rule} «${it.rule}» ${T().ruleAt} ${r.body.file}:${r.body.line}`
        : `${T().rule} «${it.rule}»`;
      parts.push(item('p', head, 'rule-head'));
      if (r.ok && r.body.source) {
        const pre = document.createElement('pre');
        pre.append(item('code', r.body.source));
        pre.tabIndex = 0;
        pre.setAttribute('aria-label', head);
        parts.push(pre);
      } else if (!r.ok) {
        parts.push(item('p', `${T().notFound}: ${r.message}`, 'error'));
      }
    }
    body.replaceChildren(...parts);
  });
  return d;
}

async function load(url) {
  const key = `${state.revision} ${url}`;
  if (state.cache.has(key)) return state.cache.get(key);
  let result;
  try {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    const body = await response.json();
    result = response.ok ? { ok: true, body } : { ok: false, message: (body.errors || []).join('; ') };
  } catch (e) {
    result = { ok: false, message: e.message };
  }
  state.cache.set(key, result);
  return result;
}

// ---- the policy serving (it changes under `sereno serve --watch`)

function setRevision(revision) {
  if (!revision) return;
  if (state.revision && revision !== state.revision) {
    $('reloaded').textContent = `${T().reloaded} ${revision}`;
  }
  state.revision = revision;
  $('revision').textContent = revision;
}

async function pollHealth() {
  try {
    const response = await fetch('/health', { headers: { Accept: 'application/json' } });
    const body = await response.json();
    if (body.policy && body.policy !== state.revision) {
      const first = state.revision === null;
      setRevision(body.policy);
      if (!first) advise();
    }
  } catch (e) {
    // the next poll tries again; the advice calls say when the service is gone
  }
}

// ---- language and start

function applyLanguage() {
  const t = T();
  document.documentElement.lang = state.lang;
  document.title = t.title;
  $('lang').value = state.lang;
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = t[el.dataset.t];
  for (const sel of document.querySelectorAll('select[data-values]')) {
    sel.options[0].textContent = sel.dataset.blank ? t[sel.dataset.blank] : t.byDefault;
  }
  redraw();
  renderAdvice();
}

function fillSelects() {
  for (const sel of document.querySelectorAll('select[data-values]')) {
    // a first, empty choice leaves the field out of the situation: the contract's default applies
    for (const v of ['', ...sel.dataset.values.trim().split(' ')]) {
      const o = document.createElement('option');
      o.value = v;
      o.textContent = v || '—';
      sel.append(o);
    }
  }
}

async function loadDemos() {
  let demos = [];
  try {
    const response = await fetch('/demo-situations', { headers: { Accept: 'application/json' } });
    demos = await response.json();
  } catch (e) {
    $('demo-error').textContent = e.message;
  }
  const sel = $('demo');
  for (const d of demos) {
    const o = document.createElement('option');
    o.value = d.name;
    o.textContent = `${d.name} — ${d.title}`;
    sel.append(o);
  }
  sel.addEventListener('change', () => {
    const d = demos.find((x) => x.name === sel.value);
    if (!d) return;
    state.situation = structuredClone(d.situation);
    state.jsonValid = true;
    $('json').removeAttribute('aria-invalid');
    $('json-error').textContent = '';
    writeJson();
    fillForm();
    advise();
  });
  if (demos.length) {
    sel.value = demos[0].name;
    sel.dispatchEvent(new Event('change'));
  }
}

function start() {
  fillSelects();
  applyLanguage();
  $('lang').addEventListener('change', () => {
    state.lang = $('lang').value;
    applyLanguage();
  });
  for (const el of fields()) {
    el.addEventListener(el.tagName === 'SELECT' || el.type === 'checkbox' ? 'change' : 'input', () => onFieldChange(el));
  }
  $('json').addEventListener('input', onJsonInput);
  $('draft').addEventListener('input', onDraftInput);
  $('draft').addEventListener('scroll', syncScroll);
  loadDemos();
  pollHealth();
  setInterval(pollHealth, 4000);
}

start();
