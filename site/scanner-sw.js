// The scanner page opens without a network: registered by the scanner page only, this service
// worker keeps a copy of the site's own files (the shell, styles, modules, config.json, the QR
// decoder, the fonts) and answers from it when the network fails. Network first, so an online
// page always gets the current files; never the API (another origin, or /api/ when deployed).
const CACHE = 'salon-ess-scanner-v1';
const FILES = ['/index.html', '/site.css', '/config.json', '/js/main.js', '/js/i18n.js', '/js/dom.js', '/js/api.js', '/js/store.js',
  '/js/pages/fair.js', '/js/pages/register.js', '/js/pages/registration.js', '/js/pages/access.js', '/js/pages/survey.js',
  '/js/pages/common.js', '/js/pages/form.js', '/js/pages/scan.js', '/js/scan/words.js', '/js/scan/engine.js', '/js/scan/badge.js',
  '/js/scan/log.js', '/js/scan/camera.js', '/js/scan/sound.js', '/vendor/jsQR.js'];

self.addEventListener('install', event => {
  // One missing file must not leave the scanner without the others.
  event.waitUntil(caches.open(CACHE).then(cache => Promise.all(FILES.map(f => cache.add(new Request(f, { cache: 'reload' })).catch(() => {}))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys().then(keys => Promise.all(keys.filter(k => k !== CACHE).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  // Page addresses are all the one shell (the pages route in the browser).
  const key = request.mode === 'navigate' ? '/index.html' : url.pathname;
  event.respondWith(fetch(request).then(response => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then(cache => cache.put(key, copy));
    }
    return response;
  }).catch(() => caches.match(key).then(hit => hit || Response.error())));
});
