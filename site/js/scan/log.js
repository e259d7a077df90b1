// What a scanner device keeps, in IndexedDB (it survives a reload, a closed tab and the network):
// its stable deviceId, the fair's scanner kit, an append-only log of scans (each with the
// scanId made here, sent until the server has answered), and tally batches waiting to be sent.
const DB = 'salon-ess-scanner';
let opened = null;

function db() {
  if (!opened) {
    opened = new Promise((resolve, reject) => {
      const request = indexedDB.open(DB, 1);
      request.onupgradeneeded = () => {
        const d = request.result;
        d.createObjectStore('meta');
        const scans = d.createObjectStore('scans', { keyPath: 'scanId' });
        scans.createIndex('pending', ['fairId', 'pending']);
        scans.createIndex('fair', ['fairId', 'seq']);
        const tallies = d.createObjectStore('tallies', { keyPath: 'tallyId' });
        tallies.createIndex('pending', ['fairId', 'pending']);
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }
  return opened;
}

function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function store(name, mode = 'readonly') {
  return (await db()).transaction(name, mode).objectStore(name);
}

export async function getMeta(key) { return done((await store('meta')).get(key)); }
export async function putMeta(key, value) { return done((await store('meta', 'readwrite')).put(value, key)); }

/** This device's id, made once and kept. */
export async function deviceId() {
  let id = await getMeta('deviceId');
  if (!id) {
    id = crypto.randomUUID();
    await putMeta('deviceId', id);
  }
  return id;
}

let seq = Date.now() * 1000;
/** Appends a scan; `pending` is 1 until the server has answered it (IndexedDB cannot index booleans). */
export async function append(scan) {
  const entry = { ...scan, seq: seq++, pending: 1 };
  await done((await store('scans', 'readwrite')).add(entry));
  return entry;
}

/** Records the server's answer for a scan: it replaces the provisional one. */
export async function answered(scanId, result) {
  const s = await store('scans', 'readwrite');
  const entry = await done(s.get(scanId));
  if (!entry) return null;
  entry.result = result;
  entry.pending = 0;
  await done(s.put(entry));
  return entry;
}

export async function pendingScans(fairId, limit = 500) {
  const all = await done((await store('scans')).index('pending').getAll(IDBKeyRange.only([fairId, 1])));
  return all.sort((a, b) => a.seq - b.seq).slice(0, limit);
}

export async function countPending(fairId) {
  const [scans, tallies] = await Promise.all([
    done((await store('scans')).index('pending').count(IDBKeyRange.only([fairId, 1]))),
    done((await store('tallies')).index('pending').count(IDBKeyRange.only([fairId, 1])))]);
  return { scans, tallies };
}

/** The fair's scans on this device, newest first. */
export async function recentScans(fairId, limit = 200) {
  const all = await done((await store('scans')).index('fair').getAll(IDBKeyRange.bound([fairId, 0], [fairId, Infinity])));
  return all.sort((a, b) => b.seq - a.seq).slice(0, limit);
}

export async function appendTally(tally) {
  const entry = { ...tally, pending: 1 };
  await done((await store('tallies', 'readwrite')).add(entry));
  return entry;
}

export async function pendingTallies(fairId) {
  return done((await store('tallies')).index('pending').getAll(IDBKeyRange.only([fairId, 1])));
}

export async function tallySent(tallyId, problem) {
  const s = await store('tallies', 'readwrite');
  const entry = await done(s.get(tallyId));
  if (entry) { entry.pending = 0; if (problem) entry.problem = problem; await done(s.put(entry)); }
}
