// Badge codes checked on the device, with nothing that could forge one: the fair's Ed25519 public
// keys and the fingerprints of erased or replaced badges, both from the scanner kit. SE3 codes are
// signed over "badge3\n" + fairId + "\n" + registrationId + "\n" + role letter; SE2 codes (printed
// before) carry an HMAC the device cannot check, so they wait for the server.
const SE3 = /^SE3\.([A-Za-z0-9_-]{8})\.([0-9a-f-]{36})\.([A-Z])\.([A-Za-z0-9_-]{86})$/;
const SE2 = /^SE2\.([0-9a-f-]{36})\.([A-Z])\.([A-Za-z0-9_-]{22})$/;
const ROLES = { V: 'VISITOR', E: 'EXHIBITOR', P: 'PARTICIPANT', S: 'SPEAKER', M: 'PRESS' };
const utf8 = new TextEncoder();

export function fromBase64url(text) {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(binary, c => c.charCodeAt(0));
}

export function toBase64url(bytes) {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** What a scanned text is, before any check: an SE3 or SE2 badge code, or not a badge. */
export function parse(code) {
  const text = String(code || '').trim();
  let m = SE3.exec(text);
  if (m) return { kind: 'SE3', keyId: m[1], registrationId: m[2], letter: m[3], role: ROLES[m[3]] || null, signature: m[4], text };
  m = SE2.exec(text);
  if (m) return { kind: 'SE2', registrationId: m[1], letter: m[2], role: ROLES[m[2]] || null, text };
  return { kind: 'NONE', text };
}

/** The revoked-list entry of a registration: base64url of the first 12 bytes of SHA-256 (see the kit). */
export async function fingerprint(fairId, registrationId) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(`badge3-revoked\n${fairId}\n${registrationId}`)));
  return toBase64url(digest.slice(0, 12));
}

/**
 * A verifier for one fair's kit: public keys imported once, the revoked list as a Set.
 * verify(code) → { verdict: 'GENUINE' | 'REVOKED' | 'UNKNOWN' | 'UNVERIFIED', registrationId?, role? }
 * (UNVERIFIED: an SE2 code, which only the server can check).
 */
export async function verifier(kit) {
  const keys = new Map();
  for (const { keyId, publicKey } of kit.publicKeys || []) {
    try {
      keys.set(keyId, await crypto.subtle.importKey('raw', fromBase64url(publicKey), { name: 'Ed25519' }, false, ['verify']));
    } catch { /* a key this browser cannot read verifies nothing */ }
  }
  const revoked = new Set(kit.revoked || []);
  const fairId = kit.fairId;
  return async function verify(code) {
    const badge = parse(code);
    if (badge.kind === 'SE2') {
      return badge.role ? { verdict: 'UNVERIFIED', registrationId: badge.registrationId, role: badge.role } : { verdict: 'UNKNOWN' };
    }
    if (badge.kind !== 'SE3' || !badge.role || !keys.has(badge.keyId)) return { verdict: 'UNKNOWN' };
    let genuine = false;
    try {
      genuine = await crypto.subtle.verify({ name: 'Ed25519' }, keys.get(badge.keyId), fromBase64url(badge.signature),
        utf8.encode(`badge3\n${fairId}\n${badge.registrationId}\n${badge.letter}`));
    } catch { genuine = false; }
    if (!genuine) return { verdict: 'UNKNOWN' };
    if (revoked.size && revoked.has(await fingerprint(fairId, badge.registrationId))) {
      return { verdict: 'REVOKED', registrationId: badge.registrationId, role: badge.role };
    }
    return { verdict: 'GENUINE', registrationId: badge.registrationId, role: badge.role };
  };
}
