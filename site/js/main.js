// The site's one entry point: picks the page from the address, renders it in the chosen
// language, and renders it again when the reader switches language (keeping what they typed).
import { LANGUAGES, NAMES, lang, setLang, t } from './i18n.js';
import { h, show } from './dom.js';
import { apiBase } from './api.js';
import * as fair from './pages/fair.js';
import * as register from './pages/register.js';
import * as registration from './pages/registration.js';
import * as access from './pages/access.js';
import * as survey from './pages/survey.js';

const ROUTES = [
  [/^\/fairs\/([a-z0-9][a-z0-9-]{1,63})\/?$/, fair, m => ({ fairId: m[1] })],
  [/^\/fairs\/([a-z0-9][a-z0-9-]{1,63})\/register\/?$/, register, m => ({ fairId: m[1] })],
  [/^\/fairs\/([a-z0-9][a-z0-9-]{1,63})\/registrations\/([0-9a-f-]{36})\/?$/, registration, m => ({ fairId: m[1], registrationId: m[2] })],
  [/^\/fairs\/([a-z0-9][a-z0-9-]{1,63})\/access\/?$/, access, m => ({ fairId: m[1] })],
  [/^\/surveys\/([A-Za-z0-9_-]{10,200})\/?$/, survey, m => ({ token: m[1] })],
  [/^\/surveys\/?$/, survey, () => ({ token: null })],
  // The staff scanner loads on demand: the public pages do not carry its code or words.
  [/^\/fairs\/([a-z0-9][a-z0-9-]{1,63})\/scan\/?$/, () => import('./pages/scan.js'), m => ({ fairId: m[1] })],
];

let current = null;

function chrome() {
  document.getElementById('skip').textContent = t('skip');
  const nav = document.getElementById('langs');
  nav.setAttribute('aria-label', t('languages'));
  nav.replaceChildren(...LANGUAGES.map(code => h('button', {
    type: 'button', lang: code, 'aria-pressed': String(code === lang()),
    onclick: () => switchTo(code),
  }, NAMES[code])));
  document.getElementById('foot').textContent = t('footer');
}

async function switchTo(code) {
  // What the reader typed survives the new language.
  const main = document.getElementById('main');
  const values = {};
  main.querySelectorAll('input[id], select[id], textarea[id]').forEach(el => {
    values[el.id] = el.type === 'checkbox' || el.type === 'radio' ? el.checked : el.value;
  });
  setLang(code, true);
  chrome();
  if (current) await current();
  Object.entries(values).forEach(([id, value]) => {
    const el = document.getElementById(id);
    if (!el) return;
    if (el.type === 'checkbox' || el.type === 'radio') el.checked = value; else el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
  document.querySelector(`#langs button[lang="${code}"]`)?.focus();
}

async function start() {
  chrome();
  const path = location.pathname;
  if (path === '/' || path === '/index.html') {
    const { fairId } = await apiBase();
    if (fairId) { location.replace(`/fairs/${fairId}`); return; }
  }
  for (const [pattern, page, params] of ROUTES) {
    const m = path.match(pattern);
    if (m) {
      const module = typeof page === 'function' ? await page() : page;
      current = () => module.render(params(m));
      await current();
      return;
    }
  }
  document.title = `${t('notFound')} · Salon ESS`;
  show(h('h1', {}, t('notFound')));
}

// An access link pasted into the page it opens: same document, so only the fragment changes.
window.addEventListener('hashchange', () => { if (location.hash.length > 1 && current) current(); });

start();
