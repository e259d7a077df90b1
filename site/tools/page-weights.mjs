// Measures each page's first load as a browser fetches it from the site: the HTML shell, its
// stylesheet, every JavaScript module main.js reaches through static imports, and config.json,
// compressed (gzip -9, as CloudFront's Brotli/gzip compression gives about the same or less).
// Fonts are counted apart (the budget is "150 KB compressed, fonts aside").
// Usage: node site/tools/page-weights.mjs   (prints a Markdown table)
import { readFileSync, statSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const site = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(site, '..');
const seen = new Set();
function modules(file) {
  if (seen.has(file)) return;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const m of source.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]/gm)) modules(join(dirname(file), m[1]));
}
const html = readFileSync(join(site, 'index.html'), 'utf8');
const assets = [join(site, 'index.html')];
for (const m of html.matchAll(/(?:href|src)="\/([^"]+\.(?:css|js))"/g)) {
  const file = join(site, m[1]);
  if (file.endsWith('.js')) modules(file); else assets.push(file);
}
assets.push(...seen);
const config = Buffer.from(JSON.stringify({ api: 'https://abcdef1234.execute-api.eu-west-3.amazonaws.com', privacyNoticeVersion: '2026-11', fairId: 'salon-national-ess-2026', contact: 'privacy@salon-ess.example.org' }));
const row = (name, bytes) => ({ name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length });
const rows = assets.map(f => row(relative(root, f), readFileSync(f))).concat(row('config.json (written at upload)', config));
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const fonts = JSON.parse(readFileSync(join(site, 'fonts.json'), 'utf8'));
const kb = n => (n / 1024).toFixed(1);
console.log('| file | bytes | gzip | brotli |\n|---|---:|---:|---:|');
rows.forEach(r => console.log(`| ${r.name} | ${r.raw} | ${r.gzip} | ${r.brotli} |`));
console.log(`| **first load of any page** (one shell for every page) | **${total.raw}** (${kb(total.raw)} KB) | **${total.gzip}** (${kb(total.gzip)} KB) | **${total.brotli}** (${kb(total.brotli)} KB) |`);
console.log('\nFonts, aside (fetched once, cached; the Arabic one only for Arabic text, by `unicode-range`):\n');
console.log('| font | bytes | gzip |\n|---|---:|---:|');
for (const [name, path] of Object.entries(fonts)) {
  if (name.startsWith('_')) continue;
  const bytes = readFileSync(join(root, path));
  console.log(`| ${name} | ${statSync(join(root, path)).size} | ${gzipSync(bytes, { level: 9 }).length} |`);
}
if (total.gzip > 150 * 1024) { console.error(`Over budget: ${kb(total.gzip)} KB gzip > 150 KB`); process.exitCode = 1; }

// The staff scanner (/fairs/{fairId}/scan) loads its own modules on demand (import() in main.js),
// so the public pages do not carry them; and the QR decoder only where the browser has no
// BarcodeDetector. Its first load is the shell above plus these.
const scannerModules = [];
const before = new Set(seen);
modules(join(site, 'js', 'pages', 'scan.js'));
for (const file of seen) if (!before.has(file)) scannerModules.push(file);
const vendor = JSON.parse(readFileSync(join(site, 'vendor.json'), 'utf8'));
const scannerRows = scannerModules.map(f => row(relative(root, f), readFileSync(f)));
const decoder = row(`/vendor/jsQR.js (${vendor['jsQR.js']}, only without BarcodeDetector)`, readFileSync(join(root, vendor['jsQR.js'])));
const sum = list => list.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const scanner = sum(scannerRows);
const withDecoder = sum([total, scanner, decoder]);
console.log('\nThe staff scanner page, on top of the shell:\n');
console.log('| file | bytes | gzip | brotli |\n|---|---:|---:|---:|');
scannerRows.concat(decoder).forEach(r => console.log(`| ${r.name} | ${r.raw} | ${r.gzip} | ${r.brotli} |`));
const scannerFirst = sum([total, scanner]);
console.log(`| **scanner page, first load** (shell + scanner modules) | **${scannerFirst.raw}** (${kb(scannerFirst.raw)} KB) | **${scannerFirst.gzip}** (${kb(scannerFirst.gzip)} KB) | **${scannerFirst.brotli}** (${kb(scannerFirst.brotli)} KB) |`);
console.log(`| **with the QR decoder** (a browser without BarcodeDetector) | **${withDecoder.raw}** (${kb(withDecoder.raw)} KB) | **${withDecoder.gzip}** (${kb(withDecoder.gzip)} KB) | **${withDecoder.brotli}** (${kb(withDecoder.brotli)} KB) |`);
if (withDecoder.gzip > 150 * 1024) { console.error(`Scanner over budget: ${kb(withDecoder.gzip)} KB gzip > 150 KB`); process.exitCode = 1; }
