// How long the scanner takes to check a badge code on the device, in the browser (headless
// Chromium, WebCrypto Ed25519): the kit imported once, then each code parsed, its signature
// verified and its fingerprint looked up in the revoked list. Also the revoked list's size for a
// fair of 100,000 registrations. Prints a Markdown table for docs/benchmarks.md.
// Usage: node site/tools/scanner-benchmark.mjs [codes=2000] [revokedShare=0.05]   (CHROMIUM= to pick the browser)
import { chromium } from 'playwright-core';
import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { fairKeys, badgeCode, fingerprint, serveSite } from '../test/scanner-fixtures.mjs';

const codes = Number(process.argv[2] || 2000);
const share = Number(process.argv[3] || 0.05);
const FAIR = 'salon-national-ess-2026';
const REGISTRATIONS = 100000;
const [key] = fairKeys(1);
const revoked = Array.from({ length: Math.round(REGISTRATIONS * share) }, () => fingerprint(FAIR, randomUUID()));
const kit = { fairId: FAIR, publicKeys: [{ keyId: key.keyId, publicKey: key.publicKey }], revoked };
const batch = Array.from({ length: codes }, () => badgeCode(key, FAIR));
const kitJson = JSON.stringify(kit);

const site = await serveSite();
const executablePath = process.env.CHROMIUM || execSync('command -v chromium || command -v chromium-browser', { shell: '/bin/sh' }).toString().trim();
const browser = await chromium.launch({ executablePath, headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
try {
  const page = await browser.newPage();
  await page.goto(`${site.url}/benchmark`);
  const result = await page.evaluate(async ({ kit, batch }) => {
    const { verifier } = await import('/js/scan/badge.js');
    const t0 = performance.now();
    const verify = await verifier(kit);
    const setup = performance.now() - t0;
    for (const code of batch.slice(0, 50)) await verify(code); // warm-up
    const times = [];
    let genuine = 0;
    for (const code of batch) {
      const start = performance.now();
      if ((await verify(code)).verdict === 'GENUINE') genuine++;
      times.push(performance.now() - start);
    }
    // performance.now() is coarsened to 0.1 ms on a page that is not cross-origin isolated: the
    // whole run, timed once, gives the mean more precisely.
    const all = performance.now();
    for (const code of batch) await verify(code);
    const total = performance.now() - all;
    times.sort((a, b) => a - b);
    const at = q => times[Math.min(times.length - 1, Math.floor(q * times.length))];
    return { setup, genuine, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: times.at(-1), mean: times.reduce((a, b) => a + b, 0) / times.length, total };
  }, { kit, batch });
  const version = browser.version();
  const ms = n => n.toFixed(3);
  if (result.genuine !== codes) throw new Error(`only ${result.genuine} of ${codes} codes verified`);
  console.log(`Chromium ${version}, ${codes} SE3 codes, a revoked list of ${revoked.length} fingerprints (${share * 100}% of ${REGISTRATIONS.toLocaleString('en')}).\n`);
  console.log('| step | time |\n|---|---:|');
  console.log(`| import the kit (keys, revoked list) once | ${ms(result.setup)} ms |`);
  console.log(`| verify one code: p50 | ${ms(result.p50)} ms |`);
  console.log(`| verify one code: p95 | ${ms(result.p95)} ms |`);
  console.log(`| verify one code: p99 | ${ms(result.p99)} ms |`);
  console.log(`| verify one code: max | ${ms(result.max)} ms |`);
  console.log(`| verify one code: mean | ${ms(result.mean)} ms |`);
  console.log(`| ${codes} codes one after another | ${ms(result.total)} ms (${ms(result.total / codes)} ms a code) |`);
  const list = Buffer.from(JSON.stringify(revoked));
  console.log(`\nRevoked list in the kit for ${REGISTRATIONS.toLocaleString('en')} registrations, ${revoked.length} revoked: `
    + `${list.length} bytes of JSON, ${gzipSync(list, { level: 9 }).length} gzipped (16-character fingerprints).`);
  console.log(`Kit as JSON: ${kitJson.length} bytes, ${gzipSync(Buffer.from(kitJson), { level: 9 }).length} gzipped.`);
} finally {
  await browser.close();
  site.close();
}
