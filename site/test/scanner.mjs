// The staff scanner in a real browser (headless Chromium, playwright-core), as ScannerBrowserTest
// runs it against the local stack: first its modules on a page of their own (badge codes checked
// with WebCrypto Ed25519, the IndexedDB log, the offline decisions), then the page itself: a hand
// scanner typing a real badge's code, the same badge's QR code shown to a fake camera, a network
// that goes away and comes back (the scans wait, are counted, then sync, checked on the server),
// the tally, a supervisor's search, axe-core in fr/ar/en.
// Env: SITE_URL, CHROMIUM; for the page (all or none): API_URL, FAIR_ID, STEWARD_TOKEN, SUPERVISOR_TOKEN,
//   BADGE_CAMERA (the code shown to the camera), CAMERA_FILE (.y4m of its QR code), BADGES (codes, comma
//   separated, fresh ones), SEARCH_NAME (a registrant's last name) ; [SCREENSHOTS]
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { fairKeys, badgeCode, fingerprint, serveSite } from './scanner-fixtures.mjs';

const env = name => { const v = process.env[name]; if (!v) throw new Error(`${name} is not set`); return v; };
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = process.env.SCREENSHOTS;
const WITH_BACKEND = Boolean(process.env.API_URL);

let step = '';
const check = (ok, message) => { if (!ok) throw new Error(`${step}: ${message}`); };
const log = s => { step = s; console.log(`- ${s}`); };

const ownSite = process.env.SITE_URL ? null : await serveSite();
const SITE = process.env.SITE_URL || ownSite.url;
const browser = await chromium.launch({
  executablePath: env('CHROMIUM'), headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    // A camera that films the QR code of a real badge (a still image, looped).
    ...(process.env.CAMERA_FILE ? ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${process.env.CAMERA_FILE}`] : [])],
});
const problems = [];
async function newPage(options = {}) {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 360, height: 780 }, ...options });
  context.setDefaultTimeout(60000);
  const page = await context.newPage();
  page.on('console', m => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`${page.url()}: ${m.text()}`); });
  page.on('pageerror', e => problems.push(`${page.url()}: ${e.message}`));
  return page;
}
async function axe(page, name) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
  check(bad.length === 0, `axe on ${name} (${await page.getAttribute('html', 'lang')}): `
    + bad.map(v => `${v.id} [${v.impact}] ${v.nodes.map(n => n.target.join(' ')).join(', ')}`).join('; '));
}
async function inEveryLanguage(page, name, then) {
  for (const code of ['fr', 'ar', 'en']) {
    await page.click(`#langs button[lang="${code}"]`);
    await page.waitForFunction(c => document.documentElement.lang === c && !document.querySelector('#loading'), code);
    await axe(page, name);
    if (then) await then(code);
  }
}
async function shot(page, name) {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

async function modules() {
  const FAIR = 'salon-national-ess-2026';
  const [key, older, stranger] = fairKeys(3);
  const registrationId = randomUUID();
  const revokedId = randomUUID();
  const genuine = badgeCode(key, FAIR, registrationId, 'E');
  const signature = genuine.split('.')[4];
  const tampered = genuine.replace(signature, (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1));
  const cases = {
    genuine, tampered,
    otherPerson: genuine.replace(registrationId, randomUUID()),
    otherRole: genuine.replace('.E.', '.V.'),
    otherFair: badgeCode(key, 'foire-de-oujda-2026', registrationId),
    otherKey: badgeCode(stranger, FAIR, registrationId).replace(stranger.keyId, key.keyId),
    unknownKey: badgeCode(stranger, FAIR, registrationId),
    rotated: badgeCode(older, FAIR, registrationId, 'S'),
    revoked: badgeCode(key, FAIR, revokedId),
    old: `SE2.${registrationId}.V.${'a'.repeat(22)}`,
    garbage: 'https://example.org/not-a-badge',
  };
  const kit = { fairId: FAIR, publicKeys: [key, older].map(k => ({ keyId: k.keyId, publicKey: k.publicKey })),
    revoked: [fingerprint(FAIR, revokedId), fingerprint(FAIR, randomUUID())] };
  const page = await newPage();
  await page.goto(`${SITE}/scanner-module-checks`);

  log('badge codes are checked on the device with the fair\'s public keys only (WebCrypto Ed25519)');
  const verdicts = await page.evaluate(async ({ kit, cases }) => {
    const { verifier } = await import('/js/scan/badge.js');
    const verify = await verifier(kit);
    const out = {};
    for (const [name, code] of Object.entries(cases)) out[name] = await verify(code);
    return out;
  }, { kit, cases });
  const expect = { genuine: 'GENUINE', tampered: 'UNKNOWN', otherPerson: 'UNKNOWN', otherRole: 'UNKNOWN', otherFair: 'UNKNOWN',
    otherKey: 'UNKNOWN', unknownKey: 'UNKNOWN', rotated: 'GENUINE', revoked: 'REVOKED', old: 'UNVERIFIED', garbage: 'UNKNOWN' };
  for (const [name, verdict] of Object.entries(expect)) {
    check(verdicts[name].verdict === verdict, `${name}: expected ${verdict}, got ${JSON.stringify(verdicts[name])}`);
  }
  check(verdicts.genuine.registrationId === registrationId && verdicts.genuine.role === 'EXHIBITOR', JSON.stringify(verdicts.genuine));
  check(verdicts.rotated.role === 'SPEAKER', 'a code signed with the previous key keeps its role');

  log('the fingerprint of a revoked badge is the server\'s (first 12 bytes of SHA-256, base64url)');
  const fp = await page.evaluate(async ({ fair, id }) => (await import('/js/scan/badge.js')).fingerprint(fair, id), { fair: FAIR, id: revokedId });
  check(fp === fingerprint(FAIR, revokedId) && fp.length === 16, `${fp} vs ${fingerprint(FAIR, revokedId)}`);

  log('offline, the device admits a genuine badge once, sees the repeat, refuses forgeries; scans wait in IndexedDB');
  const offline = await page.evaluate(async ({ kit, cases, fair }) => {
    const { Engine } = await import('/js/scan/engine.js');
    const log = await import('/js/scan/log.js');
    const engine = new Engine(fair, 'token', null);
    engine.deviceId = await log.deviceId();
    engine.online = false;
    await engine.useKit(kit);
    const answers = [];
    for (const [code, point] of [[cases.genuine, 'entrance'], [cases.genuine, 'gate-b'], [cases.tampered, 'entrance'],
      [cases.revoked, 'entrance'], [cases.old, 'entrance'], [cases.genuine, 'room:Salle A']]) {
      answers.push(await engine.scan({ token: code, point }));
    }
    const waiting = await log.pendingScans(fair);
    return { answers, waiting, count: await log.countPending(fair), deviceId: engine.deviceId, again: await log.deviceId() };
  }, { kit, cases, fair: FAIR });
  const results = offline.answers.map(a => `${a.result}${a.queued ? '+' : ''}`).join(' ');
  check(results === 'ADMITTED+ ALREADY_ADMITTED+ UNKNOWN ERASED UNVERIFIED+ VALID+', `offline answers: ${results}`);
  check(offline.answers.every(a => a.provisional), 'every offline answer is provisional');
  check(offline.answers[1].firstEntry?.point === 'entrance', `the repeat names the first entry: ${JSON.stringify(offline.answers[1])}`);
  check(offline.count.scans === 4 && offline.waiting.length === 4, `4 scans wait (forgeries and revoked badges are not queued): ${offline.count.scans}`);
  check(offline.waiting.every(s => /^[0-9a-f-]{36}$/.test(s.scanId) && s.deviceId === offline.deviceId && s.scannedAt), 'each with its scanId, deviceId, time');
  check(new Set(offline.waiting.map(s => s.scanId)).size === 4, 'distinct scanIds');
  check(offline.deviceId === offline.again, 'the deviceId is stable');

  log('the log survives a reload, and a server answer replaces the provisional one');
  await page.reload();
  const after = await page.evaluate(async fair => {
    const log = await import('/js/scan/log.js');
    const waiting = await log.pendingScans(fair);
    await log.answered(waiting[0].scanId, { scanId: waiting[0].scanId, result: 'ADMITTED', at: new Date().toISOString() });
    const recent = await log.recentScans(fair);
    return { before: waiting.length, count: (await log.countPending(fair)).scans, first: recent.find(s => s.scanId === waiting[0].scanId) };
  }, FAIR);
  check(after.before === 4 && after.count === 3, `4 then 3 waiting: ${after.before}, ${after.count}`);
  check(after.first.result.result === 'ADMITTED' && after.first.provisional.result === 'ADMITTED' && after.first.pending === 0, JSON.stringify(after.first));

  log('a batch answer of 503 (a crowded door) keeps that scan waiting, with its scanId, for the next round');
  // The batch route answered here by the test (the real one is exercised against the local stack below).
  const sent = [];
  await page.route('**/config.json', route => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ api: `${SITE}/api-test` }) }));
  await page.route(`${SITE}/api-test/**`, async route => {
    const body = route.request().postDataJSON();
    sent.push(body.scans.map(x => x.scanId));
    const results = body.scans.map((x, i) => (i === 0 && sent.length === 1
      ? { scanId: x.scanId, problem: { status: 503, type: 'urn:salon-ess:problem:busy' } }
      : { scanId: x.scanId, result: 'ADMITTED', at: x.scannedAt, point: x.point }));
    await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ results }) });
  });
  const rounds = await page.evaluate(async fair => {
    const { Engine } = await import('/js/scan/engine.js');
    const log = await import('/js/scan/log.js');
    const engine = new Engine(fair, 'token', null);
    engine.deviceId = await log.deviceId();
    engine.online = true;
    const waiting = await log.pendingScans(fair);
    await engine.sync();
    const first = (await log.countPending(fair)).scans;
    await engine.sync();
    return { waiting: waiting.map(s => s.scanId), first, second: (await log.countPending(fair)).scans };
  }, FAIR);
  check(rounds.waiting.length === 3 && rounds.first === 1 && rounds.second === 0, `3 waiting, 1 after the busy round, 0 after: ${JSON.stringify(rounds)}`);
  check(sent.length === 2 && sent[1].length === 1 && sent[1][0] === sent[0][0], `the busy scan sent again with its scanId: ${JSON.stringify(sent)}`);
  await page.context().close();
}

/** Waits for the verdict of the scan after `before` (a verdict's data-scan). */
async function verdict(page, previous) {
  // Read in the frame the answer appears: the full-screen look lasts 2.5 s only, shorter than a
  // round trip to the page can take on a loaded machine.
  const seen = await page.waitForFunction(p => {
    const v = document.querySelector('#verdict');
    return v && v.dataset.result && v.dataset.scan !== p && { result: v.dataset.result,
      provisional: v.dataset.provisional === 'true', scan: v.dataset.scan, text: v.textContent,
      position: getComputedStyle(v).position };
  }, previous);
  return seen.jsonValue();
}

/** Waits for a condition on the scanner page; on timeout, says what the page showed. */
async function waitFor(page, condition, what, timeout = 30000) {
  try {
    await page.waitForFunction(condition, null, { timeout });
  } catch {
    const seen = await page.evaluate(() => ({ status: document.querySelector('#scan-status')?.textContent,
      verdict: { ...document.querySelector('#verdict')?.dataset }, text: document.querySelector('#verdict')?.textContent,
      recent: [...document.querySelectorAll('#recent li')].map(li => li.textContent) }));
    check(false, `${what}: not within ${timeout / 1000} s; the page showed ${JSON.stringify(seen)}`);
  }
}

async function handScanner(page, code) {
  // A hand scanner is a keyboard: it types the code quickly, then Enter.
  const previous = await page.getAttribute('#verdict', 'data-scan');
  await page.focus('#code');
  await page.keyboard.type(code, { delay: 2 });
  await page.keyboard.press('Enter');
  return verdict(page, previous);
}

async function api(method, path, token, body) {
  const response = await fetch(`${env('API_URL')}${path}`, { method, headers: { authorization: `Bearer ${token}`,
    ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const text = await response.text();
  return { status: response.status, data: text ? JSON.parse(text) : null };
}

async function scannerPage() {
  const FAIR = env('FAIR_ID');
  const STEWARD = env('STEWARD_TOKEN');
  const badges = env('BADGES').split(',');
  const page = await newPage({ permissions: ['camera'] });

  log('the scanner page asks for the staff token, which never goes in the address');
  await page.goto(`${SITE}/fairs/${FAIR}/scan`);
  await page.waitForSelector('#token-form');
  await inEveryLanguage(page, 'token form');
  await page.click('#langs button[lang="fr"]');
  await page.fill('#token-input', 'not-a-token');
  await page.click('#token-use');
  await page.waitForSelector('#token-problem');
  await page.fill('#token-input', STEWARD);
  await page.click('#token-use');
  await page.waitForSelector('#code');
  check(!page.url().includes(STEWARD.slice(-20)), 'no token in the address');
  check(await page.evaluate(() => sessionStorage.getItem('salon-ess:staff-token')) === STEWARD, 'kept in this tab');
  await page.waitForFunction(() => document.querySelector('#scan-status')?.dataset.online === 'true');
  check((await page.textContent('#net')) === 'En ligne' && (await page.getAttribute('#waiting', 'data-count')) === '0', 'online, nothing waiting');
  check(await page.evaluate(() => document.activeElement.id) === 'code', 'the code field has the focus, for the hand scanner');
  check(!(await page.$('#search-form')), 'a steward has no search');

  log('a hand scanner types a real badge\'s code then Enter: BIENVENUE in green, from the server');
  let v = await handScanner(page, badges[0]);
  check(v.result === 'ADMITTED' && !v.provisional && v.text.includes('BIENVENUE'), JSON.stringify(v));
  check(v.position === 'fixed', 'the answer fills the screen');
  await shot(page, 'scanner-admitted-fr');
  await axe(page, 'scanner with an answer');

  log('the same badge again: DÉJÀ ENTRÉ, with the first entry\'s time and gate');
  v = await handScanner(page, badges[0]);
  check(v.result === 'ALREADY_ADMITTED' && /Première entrée à \d\d:\d\d \(Entrée principale\)/.test(v.text), JSON.stringify(v));
  log('a forged code: REFUSÉ');
  const forged = badges[0].slice(0, -3) + (badges[0].endsWith('AAA') ? 'BBB' : 'AAA');
  v = await handScanner(page, forged);
  check(v.result === 'UNKNOWN' && v.text.includes('REFUSÉ'), JSON.stringify(v));

  log('the camera films a badge\'s QR code: read by the decoder bundled with the site');
  await page.click('#camera-toggle');
  await page.waitForSelector('#camera-status[data-decoder]');
  const decoder = await page.getAttribute('#camera-status', 'data-decoder');
  v = await verdict(page, v.scan);
  check(v.result === 'ADMITTED' && !v.provisional, `camera (${decoder}): ${JSON.stringify(v)}`);
  await page.click('#camera-toggle');
  await page.waitForSelector('#camera-view[hidden]', { state: 'attached' });
  const cameraCheckin = await api('POST', `/staff/fairs/${FAIR}/checkins`, STEWARD, { token: env('BADGE_CAMERA'), point: 'entrance',
    scanId: randomUUID(), scannedAt: new Date().toISOString(), deviceId: randomUUID() });
  check(cameraCheckin.data?.result === 'ALREADY_ADMITTED', `the server has the camera's entry: ${JSON.stringify(cameraCheckin.data)}`);

  log('the network goes away: the page says so, checks badges itself, and counts the scans waiting');
  await page.context().setOffline(true);
  await page.waitForFunction(() => document.querySelector('#scan-status').dataset.online === 'false');
  check((await page.textContent('#net')) === 'Hors ligne', 'offline shown');
  v = await handScanner(page, badges[1]);
  check(v.result === 'ADMITTED' && v.provisional, `offline admitted: ${JSON.stringify(v)}`);
  check(await page.getAttribute('#waiting', 'data-count') === '1', 'one scan waiting');
  v = await handScanner(page, badges[1]);
  check(v.result === 'ALREADY_ADMITTED' && v.provisional, `the repeat, seen offline: ${JSON.stringify(v)}`);
  v = await handScanner(page, forged);
  check(v.result === 'UNKNOWN' && v.provisional, 'a forgery is refused offline too, and not queued');
  v = await handScanner(page, badges[2]);
  check(v.result === 'ADMITTED' && v.provisional, 'another badge');
  check(await page.getAttribute('#waiting', 'data-count') === '3', `three scans waiting: ${await page.textContent('#waiting')}`);
  check((await page.textContent('#waiting')).includes('3 scans en attente'), 'said in words');
  await shot(page, 'scanner-offline-fr');
  await axe(page, 'scanner offline');

  log('the network comes back: the waiting scans go by themselves, and the server has them once');
  await page.context().setOffline(false);
  await waitFor(page, () => document.querySelector('#waiting').dataset.count === '0', 'nothing waiting');
  check(await page.textContent('#net') === 'En ligne', 'online shown');
  await waitFor(page, () => document.querySelector('#verdict').dataset.provisional === 'false', 'the last answer is the server\'s');
  const recent = await page.$$eval('#recent li', items => items.map(i => `${i.dataset.result}:${i.dataset.pending}`));
  check(recent.slice(0, 3).join(' ') === 'ADMITTED:false ALREADY_ADMITTED:false ADMITTED:false', `server answers replaced provisional ones: ${recent}`);
  for (const code of badges.slice(1, 3)) {
    const again = await api('POST', `/staff/fairs/${FAIR}/checkins`, STEWARD, { token: code, point: 'entrance',
      scanId: randomUUID(), scannedAt: new Date().toISOString(), deviceId: randomUUID() });
    check(again.data?.result === 'ALREADY_ADMITTED' && again.data.firstEntry, `the offline entry is on the server: ${JSON.stringify(again.data)}`);
  }

  log('two gates admit the same badge while both are offline: both kept, the later one shown as a double entry');
  const gate = await newPage();
  await gate.goto(`${SITE}/fairs/${FAIR}/scan`);
  await gate.fill('#token-input', STEWARD);
  await gate.click('#token-use');
  await gate.waitForSelector('#code');
  await page.context().setOffline(true);
  await gate.context().setOffline(true);
  v = await handScanner(page, badges[3]);
  check(v.result === 'ADMITTED' && v.provisional, `first gate, offline: ${JSON.stringify(v)}`);
  const second = await handScanner(gate, badges[3]);
  check(second.result === 'ADMITTED' && second.provisional, `second gate (another device), offline: ${JSON.stringify(second)}`);
  // The first gate's network comes back first, so the second gate's answer is the server's final word.
  await page.context().setOffline(false);
  await waitFor(page, () => document.querySelector('#waiting').dataset.count === '0', 'the first gate synced');
  await gate.context().setOffline(false);
  await waitFor(gate, () => document.querySelector('#waiting').dataset.count === '0', 'the second gate synced');
  await waitFor(gate, () => document.querySelector('#verdict').dataset.provisional === 'false', 'the second gate has the server\'s answer');
  const later = await gate.evaluate(() => ({ result: document.querySelector('#verdict').dataset.result, text: document.querySelector('#verdict').textContent }));
  check(later.result === 'ALREADY_ADMITTED' && later.text.includes('Double entrée'), `the later scan is the double entry: ${JSON.stringify(later)}`);
  await waitFor(page, () => document.querySelector('#verdict').dataset.provisional === 'false', 'the first gate has the server\'s answer');
  check(await page.getAttribute('#verdict', 'data-result') === 'ADMITTED', 'the earlier scan stands as the entry');
  await gate.context().close();

  log('the scanner page opens again without a network (service worker), with its kit, and keeps checking badges');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.context().setOffline(true);
  await page.reload();
  await page.waitForSelector('#code');
  await page.waitForFunction(() => document.querySelector('#scan-status')?.dataset.online === 'false');
  v = await handScanner(page, forged);
  check(v.result === 'UNKNOWN' && v.provisional, `a forgery refused by the reopened page, offline: ${JSON.stringify(v)}`);
  await page.context().setOffline(false);
  await page.waitForFunction(() => document.querySelector('#scan-status').dataset.online === 'true', null, { timeout: 30000 });

  log('tally: one key per person in and out; occupancy shown, sent in small batches');
  const tallies = [];
  page.on('response', async r => { if (r.url().endsWith('/tallies')) tallies.push(`${r.status()} ${r.request().postData()} → ${await r.text()}`); });
  const before = (await api('GET', `/staff/fairs/${FAIR}/occupancy`, STEWARD)).data;
  await page.click('#mode-tally');
  await page.waitForSelector('#tally-in');
  for (const key of ['+', '+', 'Enter', '+', '-']) await page.keyboard.press(key);
  await page.waitForFunction(() => document.querySelector('#tally-mine').textContent.includes('4'));
  await waitFor(page, () => document.querySelector('#occupancy').dataset.unsent === '0', 'every tap answered by the server');
  for (let i = 0; i < 50 && !tallies.length; i++) await new Promise(r => setTimeout(r, 100)); // the listener reads the body
  check(tallies.length > 0 && tallies.every(t => t.startsWith('200 ')), `sent in batches, each answered: ${tallies.join('; ')}`);
  check(Number(await page.getAttribute('#occupancy', 'data-inside')) === before.inside + 3, `the page shows ${before.inside + 3} inside`);
  const after = (await api('GET', `/staff/fairs/${FAIR}/occupancy`, STEWARD)).data;
  check(after.inside === before.inside + 3, `the server counts 3 more inside: ${before.inside} → ${after.inside}; sent: ${tallies.join('; ')}`);
  await inEveryLanguage(page, 'tally', async code => { if (code === 'ar') check(await page.getAttribute('html', 'dir') === 'rtl', 'rtl'); });
  await shot(page, 'scanner-tally-en');
  await page.click('#langs button[lang="fr"]');
  await page.click('#mode-scan');

  log('in Arabic, the answer is one Arabic word, right to left');
  await page.click('#langs button[lang="ar"]');
  await page.waitForSelector('html[dir="rtl"] #code');
  v = await handScanner(page, badges[0]);
  check(v.result === 'ALREADY_ADMITTED' && v.text.includes('دخل سابقًا'), JSON.stringify(v));
  await axe(page, 'scanner answer in Arabic');
  await shot(page, 'scanner-already-ar');

  log('a supervisor finds a badge left at home by name and checks the person in');
  const supervisor = await newPage({ locale: 'en-GB' });
  await supervisor.goto(`${SITE}/fairs/${FAIR}/scan`);
  await supervisor.fill('#token-input', env('SUPERVISOR_TOKEN'));
  await supervisor.click('#token-use');
  await supervisor.waitForSelector('#search-form');
  await supervisor.fill('#search-query', env('SEARCH_NAME'));
  await supervisor.click('#search-go');
  await supervisor.waitForSelector('#search-results li button');
  const previous = await supervisor.getAttribute('#verdict', 'data-scan');
  await supervisor.click('#search-results li button');
  v = await verdict(supervisor, previous);
  check(['ADMITTED', 'ALREADY_ADMITTED'].includes(v.result) && !v.provisional, `manual check-in: ${JSON.stringify(v)}`);
  await waitFor(supervisor, () => document.querySelectorAll('#doubles li[data-double]').length > 0, 'the supervisor sees the double entry');
  await inEveryLanguage(supervisor, 'supervisor scanner');
  await shot(supervisor, 'scanner-supervisor-en');
}

try {
  await modules();
  if (WITH_BACKEND) await scannerPage();
  log('no script error and no CSP violation');
  check(problems.length === 0, problems.join('\n'));
  console.log('OK: every scanner scenario passed');
} catch (e) {
  console.error(`FAILED ${e.message}`);
  if (problems.length) console.error(`Browser errors:\n${problems.join('\n')}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  ownSite?.close();
}
