// The scanner's logic, apart from the page: one scan is logged first (IndexedDB, with a scanId
// made here), then sent; when the network fails the device answers itself from the kit
// (signature, revoked list, its own log) and the scan waits; waiting scans go in batches as soon
// as the network is back, and the server's answers replace the provisional ones.
import { apiBase } from '../api.js';
import { verifier } from './badge.js';
import * as log from './log.js';

const TIMEOUT_MS = 5000;
const BATCH = 100;
const SYNC_EVERY_MS = 5000;
const KIT_EVERY_MS = 5 * 60 * 1000;
const TALLY_EVERY_MS = 3000;
const TALLY_BATCH = 20;
export const BATCH_PATH = fairId => `/staff/fairs/${fairId}/checkins/batch`;

export class HttpError extends Error {
  constructor(status, problem) { super(`HTTP ${status}`); this.status = status; this.problem = problem || {}; }
}
export class Offline extends Error {}

/** The one word for an answer the server refused (problem+json): its `result`, or what its type says. */
export function resultOf(answer, status) {
  if (answer?.result) return answer.result;
  const problem = answer?.problem || answer || {};
  if (problem.result) return problem.result;
  const type = String(problem.type || '');
  if (type.endsWith('room-full')) return 'ROOM_FULL';
  if (type.endsWith('no-workshop')) return 'NO_WORKSHOP';
  if (type.endsWith('workshop-not-started')) return 'NOT_STARTED';
  if (status === 422) return 'UNKNOWN';
  return 'REJECTED';
}

/** A scan's day where it was made (the device's calendar day), to spot repeats in the local log. */
const day = iso => new Date(iso).toLocaleDateString('en-CA');

export class Engine {
  constructor(fairId, token, onChange) {
    this.fairId = fairId;
    this.token = token;
    this.onChange = onChange;
    this.online = navigator.onLine;
    this.kit = null;
    this.verify = null;
    this.waiting = { scans: 0, tallies: 0 };
    this.taps = { entries: 0, exits: 0 };
    this.occupancy = null;
    this.doubleEntries = [];
    this.refused = false;
    this.timers = [];
  }

  async start() {
    this.deviceId = await log.deviceId();
    const cached = await log.getMeta(`kit:${this.fairId}`);
    if (cached) await this.useKit(cached);
    this.occupancy = (await log.getMeta(`occupancy:${this.fairId}`)) || null;
    await this.refreshKit();
    await this.count();
    const wake = () => { this.online = true; this.changed(); this.sync(); };
    const sleep = () => { this.online = false; this.changed(); };
    window.addEventListener('online', wake);
    window.addEventListener('offline', sleep);
    this.timers.push(setInterval(() => this.sync(), SYNC_EVERY_MS));
    this.timers.push(setInterval(() => this.refreshKit(), KIT_EVERY_MS));
    this.timers.push(setInterval(() => this.flushTally(), TALLY_EVERY_MS));
    this.stopListening = () => { window.removeEventListener('online', wake); window.removeEventListener('offline', sleep); };
    this.sync();
    return this;
  }

  stop() {
    this.timers.forEach(clearInterval);
    this.stopListening?.();
  }

  changed(what) { this.onChange?.(what); }

  async request(method, path, body) {
    const { api } = await apiBase();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    let response;
    try {
      response = await fetch(api + path, {
        method, signal: controller.signal, credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer',
        headers: { accept: 'application/json', authorization: `Bearer ${this.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
    } catch {
      this.setOnline(false);
      throw new Offline();
    } finally {
      clearTimeout(timer);
    }
    this.setOnline(true);
    const text = await response.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch { data = null; }
    if (response.status === 401 || response.status === 403) {
      this.refused = true;
      this.changed('refused');
    }
    if (response.status >= 500) throw new Offline(); // the server will answer later; keep the scan
    if (!response.ok) throw new HttpError(response.status, data);
    return data;
  }

  setOnline(value) {
    if (this.online !== value) { this.online = value; this.changed(); }
  }

  async useKit(kit) {
    this.kit = kit;
    this.verify = await verifier(kit);
  }

  /** The kit while online: keys, revoked list, points, rooms, this person's role. */
  async refreshKit() {
    try {
      const kit = await this.request('GET', `/staff/fairs/${this.fairId}/scanner-kit`);
      await log.putMeta(`kit:${this.fairId}`, kit);
      await this.useKit(kit);
      this.changed('kit');
    } catch (e) {
      if (!(e instanceof Offline) && !(e instanceof HttpError)) throw e;
      if (e instanceof HttpError) this.kitProblem = e;
    }
  }

  async count() {
    this.waiting = await log.countPending(this.fairId);
    this.changed();
  }

  /** What the device itself can say about a code (offline), and whether the scan must wait for the server. */
  async decideHere(scan) {
    if (scan.registrationId) return { result: 'UNVERIFIED', queue: true };
    if (!this.verify) return { result: 'UNVERIFIED', queue: true };
    const check = await this.verify(scan.token);
    if (check.verdict === 'UNKNOWN') return { result: 'UNKNOWN', queue: false };
    if (check.verdict === 'REVOKED') return { result: 'ERASED', queue: false, registrationId: check.registrationId };
    if (check.verdict === 'UNVERIFIED') return { result: 'UNVERIFIED', queue: true, registrationId: check.registrationId, role: check.role };
    if (scan.point.startsWith('room:')) return { result: 'VALID', queue: true, registrationId: check.registrationId, role: check.role };
    // At the entrance or a gate: this device's own log knows whether the badge came in today.
    const today = day(scan.scannedAt);
    const earlier = (await log.recentScans(this.fairId, 5000)).find(s => s.registrationId === check.registrationId
      && !s.point.startsWith('room:') && day(s.scannedAt) === today
      && ['ADMITTED', 'ALREADY_ADMITTED'].includes((s.result || s.provisional || {}).result));
    if (earlier) {
      const first = earlier.result?.firstEntry || { at: earlier.result?.at || earlier.scannedAt, point: earlier.point };
      return { result: 'ALREADY_ADMITTED', queue: true, registrationId: check.registrationId, role: check.role, firstEntry: first };
    }
    return { result: 'ADMITTED', queue: true, registrationId: check.registrationId, role: check.role };
  }

  /**
   * One scan: { token } (camera, hand scanner) or { registrationId } (a supervisor's manual check-in),
   * at `point`. Resolves to { scanId, result, provisional, ... } for the screen.
   */
  async scan({ token, registrationId, point, walkIn }) {
    const scan = { scanId: crypto.randomUUID(), point, scannedAt: new Date().toISOString(), deviceId: this.deviceId };
    if (token) scan.token = token.trim(); else scan.registrationId = registrationId;
    if (walkIn) scan.walkIn = true;
    const here = await this.decideHere(scan);
    const entry = { ...scan, fairId: this.fairId, registrationId: here.registrationId || registrationId, provisional: here };
    if (this.online) {
      // Logged before it is sent: an answer lost on the way leaves the scan waiting, and the batch
      // sends it again with the same scanId, which the server counts once.
      await log.append(entry);
      try {
        const answer = await this.request('POST', `/staff/fairs/${this.fairId}/checkins`, scan);
        await log.answered(scan.scanId, answer);
        await this.count();
        this.sync();
        return { ...answer, provisional: false };
      } catch (e) {
        if (e instanceof HttpError) {
          // 422: not a badge of this fair; 409: the room is full; 400: unreadable. Nothing was written.
          const result = resultOf(e.problem, e.status);
          await log.answered(scan.scanId, { scanId: scan.scanId, result, problem: e.problem });
          await this.count();
          return { scanId: scan.scanId, result, provisional: false, problem: e.problem };
        }
        if (!(e instanceof Offline)) throw e;
        if (!here.queue) await log.answered(scan.scanId, { scanId: scan.scanId, result: here.result, local: true });
      }
    } else if (here.queue) {
      await log.append(entry);
    }
    await this.count();
    return { scanId: scan.scanId, ...here, provisional: true, queued: here.queue };
  }

  /** Sends what waits, in batches; each answer replaces the provisional one. */
  async sync() {
    if (this.syncing || this.refused) return;
    this.syncing = true;
    try {
      await this.flushTally();
      for (;;) {
        const waiting = await log.pendingScans(this.fairId, BATCH);
        if (!waiting.length) break;
        const body = { deviceId: this.deviceId, scans: waiting.map(s => {
          const out = { scanId: s.scanId, point: s.point, scannedAt: s.scannedAt };
          if (s.token) out.token = s.token; else out.registrationId = s.registrationId;
          if (s.walkIn) out.walkIn = true;
          return out;
        }) };
        let answer;
        try {
          answer = await this.request('POST', BATCH_PATH(this.fairId), body);
        } catch (e) {
          if (e instanceof HttpError && e.status === 400) {
            // A batch the server cannot read would block every later one: each is marked refused.
            for (const s of waiting) await log.answered(s.scanId, { scanId: s.scanId, result: 'REJECTED', problem: e.problem });
            continue;
          }
          break;
        }
        const results = answer?.results || [];
        let busy = false;
        for (let i = 0; i < waiting.length; i++) {
          const found = results.find(x => x.scanId === waiting[i].scanId) || results[i];
          if (!found) { busy = true; continue; } // no answer for it: the next round sends it again
          // 503 busy (a crowded door): nothing was written; the scan waits for the next round, same scanId.
          if (!found.result && Number(found.problem?.status) >= 500) { busy = true; continue; }
          const r = { ...found, result: resultOf(found) };
          const entry = await log.answered(waiting[i].scanId, r);
          if (r.conflict) this.doubleEntries.unshift(entry);
        }
        await this.count();
        this.changed('synced');
        if (busy) break;
      }
    } finally {
      this.syncing = false;
      await this.count();
    }
  }

  // Tally: anonymous taps, counted here at once, sent in small idempotent batches.
  tap(kind, point) {
    if (kind === 'in') this.taps.entries++; else this.taps.exits++;
    this.taps.point = point;
    this.changed('tally');
    if (this.taps.entries + this.taps.exits >= TALLY_BATCH) this.flushTally();
  }

  /** People inside as this device knows: the server's last figure plus the taps it has not seen yet. */
  inside() {
    const unsent = this.unsentTallies || 0;
    return (this.occupancy?.inside || 0) + unsent + this.taps.entries - this.taps.exits;
  }

  /** One flush at a time (the timer and sync() both call it): a tally is never sent twice at once. */
  flushTally() {
    this.flushing = (this.flushing || Promise.resolve()).then(() => this.flushTallyNow());
    return this.flushing;
  }

  async flushTallyNow() {
    if (this.taps.entries + this.taps.exits > 0) {
      const { entries, exits, point } = this.taps;
      this.taps = { entries: 0, exits: 0 };
      await log.appendTally({ tallyId: crypto.randomUUID(), fairId: this.fairId, deviceId: this.deviceId, point,
        entries, exits, countedAt: new Date().toISOString() });
    }
    const waiting = await log.pendingTallies(this.fairId);
    this.unsentTallies = waiting.reduce((n, t) => n + t.entries - t.exits, 0);
    if (this.online && !this.refused) {
      for (const t of waiting) {
        try {
          const answer = await this.request('POST', `/staff/fairs/${this.fairId}/tallies`,
            { tallyId: t.tallyId, deviceId: t.deviceId, point: t.point, entries: t.entries, exits: t.exits, countedAt: t.countedAt });
          await log.tallySent(t.tallyId);
          this.unsentTallies -= t.entries - t.exits;
          this.occupancy = { inside: answer.inside, capacity: answer.capacity };
          await log.putMeta(`occupancy:${this.fairId}`, this.occupancy);
        } catch (e) {
          if (e instanceof HttpError && e.status === 400) {
            // Refused as unreadable: kept in the log as not counted, and no longer shown as inside.
            await log.tallySent(t.tallyId, e.problem);
            this.unsentTallies -= t.entries - t.exits;
            continue;
          }
          break;
        }
      }
    }
    await this.count();
    this.changed('tally');
  }
}
