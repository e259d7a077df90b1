// The staff scanner: /fairs/{fairId}/scan. The staff member's token stays in this tab
// (sessionStorage), never in the address. A point is chosen (entrance, a gate, a room: the
// server picks the workshop from the room and the clock); badges are read by the camera, a hand
// scanner (types the code, then Enter) or, for supervisors, found by name. The answer fills the
// screen in one colour and one word, with a sound, and is announced. Offline, the device answers
// from the scanner kit and the scans wait (always counted on screen) until the network is back.
import { h, show } from '../dom.js';
import { t, local, addMessages, formatTime } from '../i18n.js';
import { WORDS } from '../scan/words.js';
import { Engine, HttpError, Offline } from '../scan/engine.js';
import { startCamera } from '../scan/camera.js';
import { unlock, beep } from '../scan/sound.js';
import * as log from '../scan/log.js';

addMessages(WORDS);

const TOKEN = 'salon-ess:staff-token';
const POINT = 'salon-ess:scan-point';
const TONE = {
  ADMITTED: 'yes', SEATED: 'yes', VALID: 'yes',
  ALREADY_ADMITTED: 'look', WAITLISTED: 'look', UNVERIFIED: 'look',
};
const COLOUR = { yes: 'v-yes', look: 'v-look', no: 'v-no' };
const FULL_MS = 2500;

const state = { fairId: null, engine: null, camera: null, cameraWanted: false, mode: 'scan', last: null, matches: null, doubles: null };

const session = {
  get: k => { try { return sessionStorage.getItem(k); } catch { return null; } },
  set: (k, v) => { try { v === null ? sessionStorage.removeItem(k) : sessionStorage.setItem(k, v); } catch { /* private mode */ } },
};

const words = key => t(key) || {};
const tone = result => TONE[result] || 'no';
const isSupervisor = () => ['supervisor', 'organiser'].includes(state.engine?.kit?.role);
const timeZone = () => state.engine?.kit?.timeZone || 'Africa/Casablanca';

function pointLabel(id) {
  if (!id) return '';
  if (id === 'entrance') return t('entrance');
  if (id.startsWith('room:')) return t('roomPoint', id.slice(5));
  const named = (state.engine?.kit?.points || []).find(p => p.id === id);
  return named?.name ? local(named.name) : t('gate', id.replace(/^gate-/, '').toUpperCase());
}

function points() {
  const kit = state.engine?.kit;
  const list = (kit?.points?.length ? kit.points.map(p => p.id) : ['entrance']);
  const rooms = [...new Set((kit?.workshops || []).map(w => w.room).filter(Boolean))];
  const all = [...new Set([...list, ...rooms.map(r => `room:${r}`)])];
  // Tallies count the hall: at the entrance or a gate, never in a room.
  return state.mode === 'tally' ? all.filter(p => !p.startsWith('room:')) : all;
}

function currentPoint() {
  const saved = session.get(POINT);
  const all = points();
  return all.includes(saved) ? saved : all[0];
}

/** The scanner opens offline too (scanner-sw.js keeps the site's files); registered here only. */
function keepForOffline() {
  if ('serviceWorker' in navigator && !state.registered) {
    state.registered = true;
    navigator.serviceWorker.register('/scanner-sw.js', { scope: '/' }).catch(() => { state.registered = false; });
  }
}

export async function render({ fairId }) {
  keepForOffline();
  if (state.fairId !== fairId && state.engine) { state.engine.stop(); state.engine = null; }
  state.fairId = fairId;
  stopCamera();
  document.title = `${t('scanTitle')} · Salon ESS`;
  const token = session.get(TOKEN);
  if (!token) { tokenForm(); return; }
  if (!state.engine) {
    show(h('h1', {}, t('scanTitle')), h('p', { role: 'status' }, t('kitMissing')));
    const engine = new Engine(fairId, token, what => changed(what));
    state.engine = engine;
    state.starting = true;
    try { await engine.start(); } finally { state.starting = false; }
    if (engine.refused) { if (state.engine === engine) forget(t('tokenRefused')); return; }
  }
  scanner();
}

function forget(message) {
  state.engine?.stop();
  state.engine = null;
  session.set(TOKEN, null);
  tokenForm(message);
}

function tokenForm(message) {
  const input = h('input', { type: 'password', id: 'token-input', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'token-hint', required: true });
  // No id: the language switch restores fields by id, and a file field cannot be given a value.
  const file = h('input', { type: 'file', accept: '.txt,text/plain' });
  file.addEventListener('change', async () => { if (file.files[0]) input.value = (await file.files[0].text()).trim(); });
  const form = h('form', { id: 'token-form', novalidate: true },
    message ? h('p', { class: 'notice warn', role: 'alert', id: 'token-problem' }, message) : null,
    h('div', { class: 'field' }, h('label', { for: 'token-input' }, t('tokenLabel')), h('p', { class: 'hint', id: 'token-hint' }, t('tokenHint')), input),
    h('div', { class: 'field' }, h('label', { class: 'file' }, t('tokenFile'), file)),
    h('button', { type: 'submit', class: 'primary', id: 'token-use' }, t('tokenUse')));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    unlock();
    const value = input.value.trim();
    if (!value) { input.setAttribute('aria-invalid', 'true'); input.focus(); return; }
    session.set(TOKEN, value);
    await render({ fairId: state.fairId });
  });
  show(h('h1', {}, t('scanTitle')), form);
}

function statusBar() {
  return h('div', { class: 'scan-status', id: 'scan-status' },
    h('span', { id: 'net', class: 'net', 'aria-live': 'polite' }),
    h('span', { id: 'waiting', class: 'waiting' }));
}

function scanner() {
  const engine = state.engine;
  const kit = engine.kit;
  document.title = `${t('scanTitle')} · ${kit ? local(kit.name) : 'Salon ESS'}`;
  const select = h('select', { id: 'point' }, points().map(p => h('option', { value: p }, pointLabel(p))));
  select.value = currentPoint();
  select.addEventListener('change', () => { session.set(POINT, select.value); });
  const modes = h('div', { class: 'modes', role: 'group', 'aria-label': t('modes') },
    h('button', { type: 'button', id: 'mode-scan', class: 'secondary', 'aria-pressed': String(state.mode === 'scan'), onclick: () => setMode('scan') }, t('modeScan')),
    h('button', { type: 'button', id: 'mode-tally', class: 'secondary', 'aria-pressed': String(state.mode === 'tally'), onclick: () => setMode('tally') }, t('modeTally')));
  show(
    h('h1', {}, t('scanTitle'), kit ? h('span', { class: 'muted fair-name' }, ` · ${local(kit.name)}`) : null),
    statusBar(),
    h('div', { class: 'scan-setup' },
      h('div', { class: 'field' }, h('label', { for: 'point' }, t('point')), select), modes),
    state.mode === 'scan' ? scanPanel() : tallyPanel(),
    h('p', {}, h('button', { type: 'button', class: 'secondary', id: 'token-forget', onclick: () => forget() }, t('tokenForget'))));
  changed();
  if (state.last && state.mode === 'scan') showVerdict(state.last.answer, false);
  refreshRecent();
  if (state.mode === 'scan') document.getElementById('code')?.focus();
  else document.getElementById('tally-in')?.focus();
  if (state.cameraWanted && state.mode === 'scan') toggleCamera();
}

function setMode(mode) {
  state.mode = mode;
  stopCamera();
  scanner();
}

function scanPanel() {
  const code = h('input', { type: 'text', id: 'code', autocomplete: 'off', autocapitalize: 'off', spellcheck: 'false', enterkeyhint: 'go', dir: 'ltr' });
  const form = h('form', { id: 'code-form', class: 'code-form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'code' }, t('codeLabel')), code),
    h('button', { type: 'submit', class: 'primary', id: 'code-go' }, t('scanButton')));
  form.addEventListener('submit', e => {
    e.preventDefault();
    unlock();
    const value = code.value.trim();
    code.value = '';
    code.focus();
    if (value) scanned({ token: value });
  });
  const video = h('video', { id: 'camera-view', class: 'camera', muted: true, playsinline: true, hidden: true, 'aria-hidden': 'true' });
  return h('section', { class: 'scan-panel', 'aria-labelledby': 'code-label-h' },
    h('h2', { id: 'code-label-h', class: 'visually-hidden' }, t('modeScan')),
    verdictBox(),
    form,
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', id: 'camera-toggle', onclick: () => { unlock(); toggleCamera(); } },
      state.camera ? t('cameraStop') : t('cameraStart'))),
    h('p', { id: 'camera-status', class: 'muted', role: 'status' }),
    video,
    isSupervisor() ? searchPanel() : null,
    h('h2', {}, t('recent')), h('ol', { id: 'recent', class: 'recent' }),
    isSupervisor() ? h('div', {}, h('h2', {}, t('doubles')), h('ul', { id: 'doubles', class: 'recent' })) : null);
}

function verdictBox() {
  // Announced as soon as it changes; the colour is never the only sign: the word says it.
  // A tap on the full-screen answer shrinks it at once (it shrinks by itself after FULL_MS).
  return h('div', { id: 'verdict', class: 'verdict v-idle', role: 'status', 'aria-live': 'assertive', 'aria-atomic': 'true', tabindex: '-1',
    onclick: e => { if (e.target === e.currentTarget || e.target.tagName !== 'BUTTON') e.currentTarget.classList.remove('full'); } },
    h('p', { class: 'word' }, t('verdictIdle')));
}

async function scanned(what) {
  const engine = state.engine;
  const point = document.getElementById('point')?.value || currentPoint();
  const answer = await engine.scan({ ...what, point });
  state.last = { answer, what, point };
  showVerdict(answer, true);
  beep(tone(answer.result));
  refreshRecent();
}

function showVerdict(answer, fill) {
  const box = document.getElementById('verdict');
  if (!box) return;
  const result = answer.result;
  const lines = [];
  const detail = words('details')[result];
  if (detail) lines.push(detail);
  if (answer.firstEntry) lines.push(t('firstEntry', formatTime(answer.firstEntry.at, timeZone()), pointLabel(answer.firstEntry.point)));
  if (answer.placeInLine) lines.push(t('placeInLine', answer.placeInLine));
  if (answer.role && words('roles')) lines.push(t('roleIs', t('roles')[answer.role] || answer.role));
  if (answer.conflict) lines.push(t('conflict'));
  if (answer.provisional && answer.queued) lines.push(t('provisional'));
  const seat = result === 'NOT_SIGNED_UP' && answer.seatFree && state.last?.what
    ? h('button', { type: 'button', class: 'primary', id: 'walk-in', onclick: () => scanned({ ...state.last.what, walkIn: true }) }, t('seatWalkIn')) : null;
  box.className = `verdict ${COLOUR[tone(result)]}${fill ? ' full' : ''}`;
  box.dataset.result = result;
  box.dataset.scan = answer.scanId || '';
  box.dataset.provisional = String(Boolean(answer.provisional));
  box.replaceChildren(...[h('p', { class: 'word' }, words('results')[result] || result),
    lines.length ? h('ul', { class: 'details' }, lines.map(l => h('li', {}, l))) : null, seat].filter(Boolean));
  clearTimeout(state.fullTimer);
  if (fill) state.fullTimer = setTimeout(() => box.classList.remove('full'), FULL_MS);
}

async function refreshRecent() {
  const list = document.getElementById('recent');
  if (!list || !state.engine) return;
  const scans = await log.recentScans(state.fairId, 10);
  list.replaceChildren(...scans.map(s => {
    const answer = s.result || s.provisional || {};
    return h('li', { 'data-scan': s.scanId, 'data-result': answer.result, 'data-pending': String(s.pending === 1) },
      h('span', { class: `dot ${COLOUR[tone(answer.result)]}`, 'aria-hidden': 'true' }),
      `${formatTime(s.scannedAt, timeZone())} · ${pointLabel(s.point)} · ${words('results')[answer.result] || answer.result}`,
      s.pending === 1 ? ` (${t('recentProvisional')})` : '', answer.conflict ? ` · ${t('conflict')}` : '');
  }));
  refreshDoubles();
}

async function refreshDoubles() {
  const list = document.getElementById('doubles');
  if (!list || !state.engine?.online) return;
  try {
    const data = await state.engine.request('GET', `/staff/fairs/${state.fairId}/double-entries`);
    state.doubles = data.doubleEntries || [];
  } catch { return; }
  if (!state.doubles.length) { list.replaceChildren(h('li', { class: 'muted' }, t('doublesNone'))); return; }
  list.replaceChildren(...state.doubles.slice(0, 20).map(d => h('li', { 'data-double': d.scanId },
    `${formatTime(d.first.at, timeZone())} ${pointLabel(d.first.point)} / ${formatTime(d.second.at, timeZone())} ${pointLabel(d.second.point)} · `,
    d.resolved ? t('resolved') : h('button', { type: 'button', class: 'secondary', onclick: async () => {
      try { await state.engine.request('POST', `/staff/fairs/${state.fairId}/double-entries/${d.scanId}/resolution`, {}); } catch { /* retried by hand */ }
      refreshDoubles();
    } }, t('resolve')))));
}

function searchPanel() {
  const query = h('input', { type: 'search', id: 'search-query', autocomplete: 'off', maxlength: 100 });
  const status = h('div', { id: 'search-status', role: 'status' });
  const results = h('ul', { id: 'search-results', class: 'recent' });
  const form = h('form', { id: 'search-form', novalidate: true, role: 'search' },
    h('div', { class: 'field' }, h('label', { for: 'search-query' }, t('searchLabel')), query),
    h('button', { type: 'submit', class: 'secondary', id: 'search-go' }, t('searchGo')));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    unlock();
    const q = query.value.trim();
    if (!q) return;
    try {
      // The query goes in the body: names never appear in an address or a log of addresses.
      const data = await state.engine.request('POST', `/staff/fairs/${state.fairId}/searches`, { query: q });
      const matches = data.matches || [];
      status.replaceChildren(matches.length ? '' : h('p', {}, t('searchNone')));
      results.replaceChildren(...matches.map(m => h('li', { 'data-registration': m.registrationId },
        h('span', {}, m.name, m.arabicName ? h('span', { lang: 'ar', dir: 'rtl' }, ` · ${m.arabicName}`) : '',
          m.organisation ? ` · ${m.organisation}` : '', ` · ${t('roles')[m.role] || m.role}`),
        ' ', h('button', { type: 'button', class: 'primary', onclick: () => scanned({ registrationId: m.registrationId }) }, t('checkIn')))));
    } catch (err) {
      if (err instanceof Offline) status.replaceChildren(h('p', { class: 'notice warn' }, t('searchOffline')));
      else if (err instanceof HttpError) status.replaceChildren(h('p', { class: 'notice warn' }, err.problem?.detail || err.problem?.title || t('serverError')));
      else throw err;
    }
  });
  return h('section', { class: 'card', 'aria-labelledby': 'search-h' }, h('h2', { id: 'search-h' }, t('searchTitle')), form, status, results);
}

function tallyPanel() {
  const tap = kind => { unlock(); state.engine.tap(kind, document.getElementById('point').value); beep(kind === 'in' ? 'yes' : 'look'); };
  state.tapped = state.tapped || { in: 0, out: 0 };
  const panel = h('section', { class: 'tally', id: 'tally', 'aria-labelledby': 'tally-h' },
    h('h2', { id: 'tally-h' }, t('modeTally')),
    h('p', { id: 'occupancy', class: 'occupancy', role: 'status', 'aria-live': 'polite' }),
    h('div', { class: 'tally-buttons' },
      h('button', { type: 'button', class: 'primary big', id: 'tally-in', onclick: () => { state.tapped.in++; tap('in'); } }, t('tallyIn')),
      h('button', { type: 'button', class: 'secondary big', id: 'tally-out', onclick: () => { state.tapped.out++; tap('out'); } }, t('tallyOut'))),
    h('p', { class: 'hint' }, t('tallyHint')),
    h('p', { id: 'tally-mine', class: 'muted' }));
  return panel;
}

// Tally keys: a hand scanner or keyboard sends one key per person ("+" or Enter in, "-" out).
document.addEventListener('keydown', e => {
  if (state.mode !== 'tally' || !document.getElementById('tally')) return;
  const target = e.target;
  if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) return;
  if (e.key === 'Enter' && target instanceof HTMLButtonElement) return; // the button counts it
  if (['+', '=', 'Enter'].includes(e.key)) { e.preventDefault(); document.getElementById('tally-in').click(); }
  else if (['-', '−', '_'].includes(e.key)) { e.preventDefault(); document.getElementById('tally-out').click(); }
});

function changed(what) {
  const engine = state.engine;
  if (!engine) return;
  // A token refused while scanning brings the form back (while starting, render() does it).
  if (what === 'refused') { if (!state.starting) forget(t('tokenRefused')); return; }
  const net = document.getElementById('net');
  if (net) {
    const text = engine.online ? t('online') : t('offline');
    if (net.textContent !== text) net.textContent = text;
    net.className = `net ${engine.online ? 'on' : 'off'}`;
    document.getElementById('scan-status').dataset.online = String(engine.online);
  }
  const waiting = document.getElementById('waiting');
  if (waiting) {
    waiting.textContent = t('waitingScans', engine.waiting.scans) + t('waitingTallies', engine.waiting.tallies);
    waiting.dataset.count = String(engine.waiting.scans);
  }
  const occupancy = document.getElementById('occupancy');
  if (occupancy) {
    occupancy.textContent = t('occupancy', engine.inside(), engine.occupancy?.capacity || engine.kit?.capacity || 0);
    occupancy.dataset.inside = String(engine.inside());
    // Taps not yet answered by the server: in memory (sent every few seconds) or waiting in the log.
    occupancy.dataset.unsent = String(engine.taps.entries + engine.taps.exits + engine.waiting.tallies);
    document.getElementById('tally-mine').textContent = t('tallyCounted', state.tapped.in, state.tapped.out);
  }
  if (what === 'synced') {
    refreshRecent();
    // The screen's last answer, if it was provisional, becomes the server's.
    const last = state.last?.answer;
    if (last?.provisional && last.queued) {
      log.recentScans(state.fairId, 50).then(scans => {
        const entry = scans.find(s => s.scanId === last.scanId);
        if (entry?.result && state.last?.answer === last) {
          state.last.answer = { ...entry.result, provisional: false };
          showVerdict(state.last.answer, false);
        }
      });
    }
  }
  if (what === 'kit' && document.getElementById('point') && document.getElementById('point').options.length !== points().length) scanner();
}

async function toggleCamera() {
  if (state.camera) { state.cameraWanted = false; stopCamera(); updateCameraButton(); return; }
  const video = document.getElementById('camera-view');
  const status = document.getElementById('camera-status');
  state.cameraWanted = true;
  try {
    video.hidden = false;
    state.camera = await startCamera(video, text => scanned({ token: text }));
    status.textContent = t('cameraOn', state.camera.decoder);
    status.dataset.decoder = state.camera.decoder;
  } catch {
    video.hidden = true;
    state.cameraWanted = false;
    status.textContent = t('cameraNone');
  }
  updateCameraButton();
}

function stopCamera() {
  if (state.camera) { state.camera.stop(); state.camera = null; }
}

function updateCameraButton() {
  const button = document.getElementById('camera-toggle');
  if (button) button.textContent = state.camera ? t('cameraStop') : t('cameraStart');
  const video = document.getElementById('camera-view');
  if (video && !state.camera) video.hidden = true;
}
