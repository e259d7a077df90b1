// Builds the site for upload: site/ without its tests and tools, the fonts of fonts.json and the
// libraries of vendor.json (/vendor/, the scanner's QR decoder) copied from node_modules (never
// loaded from another host), and config.json naming the API.
// Usage: node site/tools/build.mjs <outDir> <apiUrl> <privacyNoticeVersion> [featuredFairId]
import { cpSync, mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const [out, api, notice, fairId] = process.argv.slice(2);
if (!out || !/^https?:\/\//.test(api || '') || !notice) {
  console.error('Usage: node site/tools/build.mjs <outDir> <apiUrl> <privacyNoticeVersion> [featuredFairId]');
  process.exit(2);
}
const site = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(site, '..');
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'fonts'), { recursive: true });
cpSync(join(site, 'index.html'), join(out, 'index.html'));
cpSync(join(site, 'site.css'), join(out, 'site.css'));
cpSync(join(site, 'scanner-sw.js'), join(out, 'scanner-sw.js'));
cpSync(join(site, 'js'), join(out, 'js'), { recursive: true });
for (const [name, path] of Object.entries(JSON.parse(readFileSync(join(site, 'fonts.json'), 'utf8')))) {
  if (!name.startsWith('_')) cpSync(join(root, path), join(out, 'fonts', name));
}
mkdirSync(join(out, 'vendor'), { recursive: true });
for (const [name, path] of Object.entries(JSON.parse(readFileSync(join(site, 'vendor.json'), 'utf8')))) {
  if (!name.startsWith('_')) cpSync(join(root, path), join(out, 'vendor', name));
}
writeFileSync(join(out, 'config.json'), `${JSON.stringify({ api: api.replace(/\/+$/, ''), privacyNoticeVersion: notice,
  fairId: fairId || null, contact: 'privacy@salon-ess.example.org' })}\n`);
console.log(`Built the site in ${out} (API ${api}).`);
