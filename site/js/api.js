// The API on its own origin (config.json names it). Every error the API sends is an RFC 9457
// problem; a failed network is its own error so pages can say what happened and retry.
let base = null;

export async function apiBase() {
  if (base === null) {
    const response = await fetch('/config.json', { cache: 'no-store' });
    const config = await response.json();
    base = { api: String(config.api).replace(/\/+$/, ''), privacyNoticeVersion: config.privacyNoticeVersion, contact: config.contact };
  }
  return base;
}

export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem && problem.title ? problem.title : `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.retryAfter = retryAfter;
  }
}

export class NetworkError extends Error {}

export async function call(method, path, { body, token, idempotencyKey } = {}) {
  const { api } = await apiBase();
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  let response;
  try {
    response = await fetch(api + path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store',
    });
  } catch {
    throw new NetworkError();
  }
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (!response.ok) throw new ApiError(response.status, data, response.headers.get('retry-after'));
  return { status: response.status, data };
}

/** A file the API answers with (a certificate's PDF), behind the registrant's token. */
export async function download(path, token) {
  const { api } = await apiBase();
  let response;
  try {
    response = await fetch(api + path, {
      headers: { accept: 'application/pdf', authorization: `Bearer ${token}` },
      credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store',
    });
  } catch {
    throw new NetworkError();
  }
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { problem = null; }
    throw new ApiError(response.status, problem, response.headers.get('retry-after'));
  }
  return response.blob();
}

/** A fresh key for one submission; the page keeps it while the same body is retried. */
export function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, x => x.toString(16).padStart(2, '0')).join('');
}
