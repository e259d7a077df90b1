// The site in a real browser (headless Chromium from Debian, driven by playwright-core) against
// the local stack SiteBrowserTest starts. Every step says what it checks; the first failure ends
// the run with a non-zero exit and its message, which the JUnit test shows.
// Env: SITE_URL, API_URL, SES_URL, FAIR_ID, FULL_WORKSHOP, SURVEY_EMAIL, ORGANISER_TOKEN, CHROMIUM, [SCREENSHOTS]
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const env = name => { const v = process.env[name]; if (!v) throw new Error(`${name} is not set`); return v; };
const SITE = env('SITE_URL');
const API = env('API_URL');
const SES = env('SES_URL');
const FAIR = env('FAIR_ID');
const FULL = env('FULL_WORKSHOP');
const SURVEY_EMAIL = env('SURVEY_EMAIL');
const SHOTS = process.env.SCREENSHOTS;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let step = '';
const check = (ok, message) => { if (!ok) throw new Error(`${step}: ${message}`); };
const log = s => { step = s; console.log(`- ${s}`); };

async function mails(to) {
  const store = await (await fetch(`${SES}/store`)).json();
  return store.emails.filter(m => JSON.stringify(m.destination).includes(to));
}
async function waitForMail(to, contains, seconds = 30) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const found = (await mails(to)).filter(m => (m.body?.text || '').includes(contains) || (m.body?.html || '').includes(contains));
    if (found.length) return found;
    await new Promise(r => setTimeout(r, 300));
  }
  throw new Error(`${step}: no email to ${to} containing ${contains} within ${seconds} s`);
}
const linkIn = (mail, pattern) => {
  const text = `${mail.body?.text || ''} ${mail.body?.html || ''}`;
  const m = text.match(pattern);
  check(m, `no link matching ${pattern} in the email`);
  return m[0];
};

// A fresh profile each run: playwright-core's launch() makes a new temporary --user-data-dir itself
// (it refuses the flag), and removes it on close.
const browser = await chromium.launch({
  executablePath: env('CHROMIUM'), headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const problems = [];
async function newPage(options = {}) {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 360, height: 780 }, ...options });
  // Generous: the machine is shared, and a handler's first call loads its classes.
  context.setDefaultTimeout(60000);
  const page = await context.newPage();
  // An answer of 4xx is part of the scenarios (Chromium logs it as "Failed to load resource");
  // anything else logged as an error, a CSP violation above all, fails the run.
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
async function both(page, name) {
  // axe-core in French and in Arabic: the language switch re-renders the page in place.
  for (const code of ['fr', 'ar']) {
    await page.click(`#langs button[lang="${code}"]`);
    await page.waitForFunction(c => document.documentElement.lang === c && !document.querySelector('#loading'), code);
    await axe(page, name);
  }
}
async function shot(page, name) {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

try {
  log('the fair page answers with the security headers');
  const page = await newPage();
  const response = await page.goto(`${SITE}/fairs/${FAIR}`);
  const headers = response.headers();
  check(headers['content-security-policy']?.includes("script-src 'self'") && headers['content-security-policy'].includes("frame-ancestors 'none'"), `CSP: ${headers['content-security-policy']}`);
  check(!/unsafe-inline|unsafe-eval/.test(headers['content-security-policy']), 'no unsafe-inline or unsafe-eval');
  check(headers['strict-transport-security'] && headers['x-content-type-options'] === 'nosniff' && headers['referrer-policy'] === 'no-referrer', JSON.stringify(headers));

  log('the fair page shows the fair and its programme, in French for a French browser');
  await page.waitForSelector('.programme li');
  check(await page.getAttribute('html', 'lang') === 'fr', 'lang fr');
  check((await page.textContent('h1')).includes('Salon National'), 'the fair\'s name');
  check((await page.textContent('main')).includes('Casablanca'), 'the city');
  check(/place/.test(await page.textContent('.programme')), 'seats left');
  const programmeText = await page.textContent('.programme');
  check(programmeText.includes('10:00') && programmeText.includes('12:00'), `the first workshop at 10:00-12:00, Casablanca time: ${programmeText.slice(0, 200)}`);
  await shot(page, 'fair-fr-phone');
  await both(page, 'fair page');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.click('#langs button[lang="fr"]'); await page.waitForSelector('html[lang="fr"]');
  await shot(page, 'fair-fr-desktop');
  await page.click('#langs button[lang="ar"]'); await page.waitForSelector('html[lang="ar"]');
  await shot(page, 'fair-ar-desktop');
  await page.setViewportSize({ width: 360, height: 780 });

  log('in Arabic the whole page is right to left, and the choice is remembered');
  check(await page.getAttribute('html', 'dir') === 'rtl', 'dir rtl');
  await shot(page, 'fair-ar-phone');
  await page.reload();
  await page.waitForSelector('.programme li');
  check(await page.getAttribute('html', 'dir') === 'rtl', 'still rtl after a reload');

  log('register as an exhibitor in Arabic: a missing consent is shown next to its field, with a focused summary');
  // By keyboard: Tab to the register link, Enter.
  for (let i = 0; i < 12 && !(await page.evaluate(() => document.activeElement?.getAttribute('href')?.endsWith('/register'))); i++) {
    await page.keyboard.press('Tab');
  }
  check(await page.evaluate(() => document.activeElement?.getAttribute('href')?.endsWith('/register')), 'the register link is reachable by Tab');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#registration-form');
  check(await page.getAttribute('html', 'dir') === 'rtl', 'the form is rtl');
  await both(page, 'registration form');
  const stamp = Date.now();
  const email = `exposante-${stamp}@example.org`;
  const organisation = `Coopérative Tighanimine ${stamp}`;
  await page.selectOption('#f-role', 'EXHIBITOR');
  await page.fill('#f-firstName', 'Fatima Zahra');
  await page.fill('#f-lastName', 'El Idrissi');
  await page.fill('#f-arabicName', 'فاطمة الزهراء الإدريسي');
  await page.fill('#f-email', email.replace('@', '..x@').replace('exposante-', 'exposante.'));
  await page.fill('#f-phone', '06 61 23 45 67');
  await page.fill('#f-organisation-name', organisation);
  await page.selectOption('#f-organisation-type', 'COOPERATIVE');
  await page.selectOption('#f-organisation-region', 'MA-09');
  await page.selectOption('#f-organisation-sector', 'LOCAL_PRODUCE');
  check((await page.textContent('#f-organisation-region')).includes('سوس ماسة'), 'regions named in Arabic');
  await shot(page, 'register-ar-phone');
  const posts = [];
  page.on('request', r => { if (r.method() === 'POST' && r.url().endsWith(`/fairs/${FAIR}/registrations`)) posts.push(r); });
  await page.click('#submit');
  await page.waitForSelector('#summary:not([hidden])');
  check((await page.textContent('#f-consent-dataProcessing-error')).length > 0, 'the consent error is next to the consent box');
  check(await page.evaluate(() => document.activeElement.id) === 'summary', 'the summary has the focus');
  check(await page.getAttribute('#f-consent-dataProcessing', 'aria-invalid') === 'true', 'aria-invalid on the consent');
  check(posts.length === 0, 'the browser checked first: nothing sent');

  log('the API\'s problem names the bad email: shown next to the email field');
  await page.check('#f-consent-dataProcessing');
  await page.check('#f-consent-surveys');
  await page.click('#submit');
  await page.waitForFunction(() => document.querySelector('#f-email-error').textContent.length > 0);
  check(posts.length === 1, `one request, got ${posts.length}`);
  check(await page.evaluate(() => document.activeElement.id) === 'summary', 'the summary has the focus');
  check((await page.textContent('#f-consent-dataProcessing-error')) === '', 'the consent error is gone');
  await axe(page, 'registration form with errors');
  await shot(page, 'register-errors-ar-phone');

  log('fixed; the network drops the answer (the API registered): the page says so');
  await page.fill('#f-email', email);
  const registrations = `${API}/fairs/${FAIR}/registrations`;
  await page.route(registrations, async route => {
    await route.fetch();
    await route.abort('connectionreset');
  }, { times: 1 });
  await page.click('#submit');
  await page.waitForSelector('#form-status p');
  check(posts.length === 2, `one more request, got ${posts.length - 1}`);

  log('a double click on submit retries with the same key: exactly one registration');
  await page.dblclick('#submit');
  await page.waitForURL(/\/registrations\/[0-9a-f-]{36}$/);
  check(posts.length === 3, `one more request for the double click, got ${posts.length - 2}`);
  const keys = posts.slice(1).map(r => r.headers()['idempotency-key']);
  check(keys[0] && keys[0] === keys[1], `the retry carries the same Idempotency-Key: ${keys}`);
  check(posts[0].headers()['idempotency-key'] !== keys[0], 'a corrected body has a new key');
  await page.waitForSelector('#my-data');
  const myData = await page.textContent('#my-data');
  check(myData.includes(email), `my data shows my email: ${myData}`);
  const confirmations = await waitForMail(email, `/fairs/${FAIR}/registrations/`);
  const csv = await (await fetch(`${API}/admin/fairs/${FAIR}/registrations.csv`, { headers: { authorization: `Bearer ${env('ORGANISER_TOKEN')}` } })).text();
  check(csv.split('\n').filter(line => line.includes(organisation)).length === 1, 'exactly one registration in the organisers\' CSV');
  const again = await fetch(`${API}/fairs/${FAIR}/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role: 'VISITOR', firstName: 'X', lastName: 'Y', email, language: 'ar', consent: { dataProcessing: true } }) });
  check(again.status === 409, `the address is registered (409), got ${again.status}`);
  check(linkIn(confirmations[0], /http:\/\/localhost:\d+\/fairs\/[^\s"<]+/).startsWith(SITE), 'the email links to the local site');

  log('the badge becomes READY and downloads as a PDF');
  await page.waitForSelector('#badge-download', { timeout: 30000 });
  const pdf = await fetch(await page.getAttribute('#badge-download', 'href'));
  check(pdf.ok && (await pdf.arrayBuffer()).byteLength > 1000, `badge download ${pdf.status}`);
  await axe(page, 'my registration');
  await shot(page, 'registration-ar-phone');
  const registrationUrl = page.url();

  log('sign up for a workshop, see it in my agenda, cancel');
  const first = page.locator('#programme li').first();
  await first.locator('button').click();
  await page.waitForFunction(() => document.querySelector('#agenda li'));
  const firstId = (await first.getAttribute('id')).slice(2);
  await page.locator(`#w-${firstId} button`).click();
  await page.waitForFunction(() => !document.querySelector('#agenda li'));

  log('a full workshop shows my place in line');
  await page.locator(`#w-${FULL} button`).click();
  // "On the waiting list: number N", in Arabic (N is 1 on a fresh stack).
  await page.waitForFunction(() => /لائحة الانتظار: الرتبة \d+/.test(document.querySelector('#agenda li')?.textContent || ''));
  await both(page, 'my registration with agenda');

  log('once a workshop held with a seat is over, my agenda offers its certificate of attendance');
  const seated = page.locator('#programme li').first();
  const seatedId = (await seated.getAttribute('id')).slice(2);
  await seated.locator('button').click();
  await page.waitForFunction(() => document.querySelectorAll('#agenda li').length === 2);
  const endsAt = (await (await fetch(`${API}/fairs/${FAIR}/workshops`)).json()).workshops
    .find(w => w.workshopId === seatedId).endsAt;
  // A second device, the same registration (localStorage), its clock a day after the workshop.
  const later = await newPage({ storageState: await page.context().storageState() });
  await later.clock.install({ time: new Date(Date.parse(endsAt) + 24 * 3600 * 1000) });
  await later.goto(registrationUrl);
  await later.waitForSelector('#agenda button.certificate');
  check(await later.locator('#agenda button.certificate').count() === 1, 'one certificate button: the seat, not the place in line');
  await both(later, 'my registration with a certificate');
  await later.context().close();

  log('lost access: ask for a link, read it from the mailbox, open it in another browser, see the registration');
  const other = await newPage({ locale: 'ar' });
  await other.goto(`${SITE}/fairs/${FAIR}`);
  await other.click(`a[href="/fairs/${FAIR}/access"]`);
  await other.waitForSelector('#access-form');
  await both(other, 'access page');
  await other.fill('#f-email', email);
  await other.click('#send-link');
  await other.waitForFunction(() => document.querySelector('#access-status p'));
  const accessMail = await waitForMail(email, '/access#');
  const accessLink = linkIn(accessMail.at(-1), /http:\/\/localhost:\d+\/fairs\/[a-z0-9-]+\/access#[A-Za-z0-9_-]{43}/);
  // Opened from the mail, as a new page of the same browser.
  const opened = await other.context().newPage();
  opened.on('pageerror', e => problems.push(`${opened.url()}: ${e.message}`));
  await opened.goto(accessLink);
  await opened.waitForURL(/\/registrations\/[0-9a-f-]{36}$/);
  await opened.waitForSelector('#my-data');
  check((await opened.textContent('#my-data')).includes(email), 'the registration after the link');
  check(!opened.url().includes('#'), 'the secret left the address bar');
  log('the same link a second time is refused');
  const third = await newPage();
  await third.goto(accessLink);
  await third.waitForSelector('#link-problem');
  check((await third.textContent('#link-problem')).length > 0, 'refused');

  log('the old token stopped working: the first browser asks for a link');
  await page.goto(registrationUrl);
  await page.waitForSelector('#access-form');

  log('erase my data with a confirmation step: the registration is gone');
  await opened.click('#erase');
  await opened.waitForSelector('#erase-confirm:not([hidden])');
  await axe(opened, 'erase confirmation');
  await opened.click('#erase-yes');
  await opened.waitForFunction(() => !document.querySelector('#my-data'));
  const gone = await fetch(`${API}/fairs/${FAIR}/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role: 'VISITOR', firstName: 'Fatima', lastName: 'El Idrissi', email, language: 'ar', consent: { dataProcessing: true } }) });
  check(gone.status === 201, `the address is free again after erasure (201), got ${gone.status}`);

  log('the survey: open it from the invitation email, answer, see the thanks; reopening says answered');
  // New invitations carry the token in the fragment; links sent before (/surveys/<token>) still work.
  const invitation = await waitForMail(SURVEY_EMAIL, '/surveys#', 40);
  const surveyLink = linkIn(invitation[0], /http:\/\/localhost:\d+\/surveys#[A-Za-z0-9_-]+/);
  const survey = await newPage();
  await survey.goto(surveyLink);
  await survey.waitForSelector('#survey-form');
  check(await survey.getAttribute('html', 'lang') === 'ar', 'in the registrant\'s language (Arabic)');
  await both(survey, 'survey');
  await survey.click('#langs button[lang="ar"]');
  await survey.check('input[name="satisfaction"][value="5"]');
  await survey.check('input[name="wouldReturn"][value="true"]');
  await survey.click('#survey-send');
  await survey.waitForSelector('#survey-thanks, #summary:not([hidden]), #survey-status p', { timeout: 60000 });
  check(await survey.$('#survey-thanks'), `thanks, not: ${await survey.textContent('main')}`);
  await survey.goto(surveyLink.replace('/surveys#', '/surveys/'));
  await survey.waitForSelector('#survey-answered');
  await survey.goto(`${SITE}/surveys/SV1${'x'.repeat(43)}`);
  await survey.waitForSelector('#survey-invalid');

  log('no script error and no CSP violation on any page');
  check(problems.length === 0, problems.join('\n'));
  console.log('OK: every browser scenario passed');
} catch (e) {
  console.error(`FAILED ${e.message}`);
  if (problems.length) console.error(`Browser errors:\n${problems.join('\n')}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
