// Badge codes made in Node the way the server makes them (BadgeToken: Ed25519 over
// "badge3\n" + fairId + "\n" + registrationId + "\n" + role letter), for the scanner's module
// checks and its benchmark; and a small static server of site/ with the site's CSP.
import { generateKeyPairSync, sign, createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, dirname, extname, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const b64url = buffer => Buffer.from(buffer).toString('base64url');

export function fairKeys(count = 1) {
  return Array.from({ length: count }, () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const raw = publicKey.export({ format: 'jwk' }).x; // base64url of the raw 32 bytes
    const keyId = b64url(createHash('sha256').update(Buffer.from(raw, 'base64url')).digest()).slice(0, 8);
    return { keyId, publicKey: raw, privateKey };
  });
}

export function badgeCode(key, fairId, registrationId = randomUUID(), letter = 'V') {
  const signature = sign(null, Buffer.from(`badge3\n${fairId}\n${registrationId}\n${letter}`, 'utf8'), key.privateKey);
  return `SE3.${key.keyId}.${registrationId}.${letter}.${b64url(signature)}`;
}

export function fingerprint(fairId, registrationId) {
  return b64url(createHash('sha256').update(`badge3-revoked\n${fairId}\n${registrationId}`, 'utf8').digest().subarray(0, 12));
}

const TYPES = { '.js': 'text/javascript; charset=utf-8', '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json' };
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** site/ on a free local port, with the site's CSP; any address without a file is an empty page. */
export async function serveSite() {
  const site = join(dirname(fileURLToPath(import.meta.url)), '..');
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    const file = join(site, path);
    const found = file.startsWith(site) && existsSync(file) && statSync(file).isFile();
    response.setHeader('content-security-policy', CSP);
    response.setHeader('content-type', found ? TYPES[extname(file)] || 'application/octet-stream' : TYPES['.html']);
    response.end(found ? readFileSync(file) : '<!doctype html><html lang="en"><title>scanner</title><main></main></html>');
  });
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}
