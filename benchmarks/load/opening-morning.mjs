#!/usr/bin/env node
// The opening morning of a national salon's sign-ups, through HTTP, against ./run-local.
// Each autocannon connection is one person after another: the fair page, the programme, a
// registration (its own email and Idempotency-Key), the programme again, a sign-up to one of the
// demo fair's workshops with the access token just received. Then, in the same run,
// DynamoDB Local's own ceiling for the DynamoDB calls of that cycle, made straight with the SDK
// (OpeningMorningDynamoDb). Afterwards: no 5xx, and every registration answered 201 is in the
// table exactly once, none that was not answered 201, and no Idempotency-Key used twice.
//
//   node benchmarks/load/opening-morning.mjs [--cycles 400] [--connections 16] [--api http://localhost:3000]
// Without --api it starts ./run-local on ports 3300 (API), 3301 (site), 3305 (SES) and stops it after.
// Writes target/benchmarks/opening-morning.md; exits 1 if a check fails.
import autocannon from 'autocannon';
import { spawn, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
  a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs, []));
const cycles = Number(args.cycles ?? 400);
const connections = Number(args.connections ?? 16);
const fairId = 'salon-national-ess-2026';
const workshops = ['strategie-commerciale', 'mecanismes-financement', 'cadre-juridique-cooperative',
  'labellisation-commerce-equitable'];

let localRun;
let api = args.api;
if (!api) {
  api = 'http://localhost:3300';
  localRun = spawn(join(root, 'run-local'), ['--port', '3300', '--site-port', '3301', '--ses-port', '3305'],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  localRun.stdout.on('data', () => {});
  process.on('exit', () => { try { process.kill(-localRun.pid, 'SIGTERM'); } catch { /* already gone */ } });
}
await waitFor(`${api}/_local`, 600);
const endpointsFile = join(root, 'target/local-run/endpoints.json');

// The Java side (the SDK against the emulator), on the benchmarks module's classpath.
const javaHome = execFileSync('bash', ['-c', '. scripts/java-home.sh >/dev/null && echo "$JAVA_HOME"'],
  { cwd: root, encoding: 'utf8' }).trim();
const classpath = execFileSync(join(root, 'scripts/classpath.sh'), ['benchmarks'],
  { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
const dynamo = (...a) => execFileSync(join(javaHome, 'bin/java'), ['--enable-native-access=ALL-UNNAMED', '-cp',
  classpath, 'ma.salonsess.benchmarks.OpeningMorningDynamoDb', a[0], endpointsFile, fairId, ...a.slice(1)],
{ encoding: 'utf8', maxBuffer: 64 << 20 });
const registered = () => new Map(dynamo('registrations').split('\n')
  .filter((line) => /^[0-9a-f-]{36} /.test(line)).map((line) => line.split(' ')));

const before = registered();

// 1. The load through HTTP.
const sent = []; // { email, key, status, registrationId }
const byKind = {};
const count = (kind, status) => {
  byKind[kind] ??= {};
  byKind[kind][status] = (byKind[kind][status] ?? 0) + 1;
};
const json = { 'content-type': 'application/json' };
const result = await autocannon({
  url: api,
  connections,
  amount: cycles * 5,
  timeout: 30,
  requests: [
    { method: 'GET', path: `/fairs/${fairId}`, onResponse: (status) => count('fair page', status) },
    { method: 'GET', path: `/fairs/${fairId}/workshops`, onResponse: (status) => count('programme', status) },
    {
      method: 'POST',
      path: `/fairs/${fairId}/registrations`,
      setupRequest: (request, context) => {
        context.person = { email: `morning-${randomUUID()}@example.org`, key: randomUUID() };
        sent.push(context.person);
        return {
          ...request,
          headers: { ...json, 'idempotency-key': context.person.key },
          body: JSON.stringify({
            role: 'VISITOR', firstName: 'Amina', lastName: 'Alaoui', arabicName: 'أمينة العلوي',
            email: context.person.email, phone: '0612345678', language: 'ar',
            consent: { dataProcessing: true, photos: false, shareWithExhibitors: false, surveys: true },
          }),
        };
      },
      onResponse: (status, body, context) => {
        count('registration', status);
        context.person.status = status;
        if (status === 201) {
          const receipt = JSON.parse(body);
          context.person.registrationId = receipt.registrationId;
          context.token = receipt.accessToken;
        }
      },
    },
    { method: 'GET', path: `/fairs/${fairId}/workshops`, onResponse: (status) => count('programme', status) },
    {
      method: 'POST',
      setupRequest: (request, context) => {
        if (!context.token) return null; // no registration, no sign-up: start the next person
        const workshop = workshops[Math.floor(Math.random() * workshops.length)];
        return {
          ...request,
          path: `/fairs/${fairId}/workshops/${workshop}/signups`,
          headers: { ...json, authorization: `Bearer ${context.token}` },
          body: JSON.stringify({ registrationId: context.person.registrationId }),
        };
      },
      onResponse: (status) => count('sign-up', status),
    },
  ],
});

// 2. DynamoDB Local's ceiling for the same cycle's calls, same concurrency, about as long as the
// load: after it, on an emulator the load has warmed, once the streams' badges and emails are done.
await new Promise((resolve) => setTimeout(resolve, 10000));
const ceilingSeconds = Math.max(10, Math.round(result.duration));
const ceiling = JSON.parse(dynamo('ceiling', String(connections), String(ceilingSeconds)).trim().split('\n').pop());

// 3. The books afterwards.
const after = registered();
const added = [...after.keys()].filter((id) => !before.has(id));
const created = sent.filter((p) => p.status === 201);
const problems = [];
const fiveHundreds = Object.entries(result.statusCodeStats).filter(([s]) => Number(s) >= 500);
if (fiveHundreds.length) problems.push(`5xx answers: ${JSON.stringify(Object.fromEntries(fiveHundreds))}`);
if (result.errors || result.timeouts) problems.push(`${result.errors} errors, ${result.timeouts} timeouts`);
if (added.length !== created.length) problems.push(`${added.length} registrations in the table, ${created.length} answered 201`);
const lost = created.filter((p) => !after.has(p.registrationId));
if (lost.length) problems.push(`${lost.length} registrations answered 201 are not in the table`);
const emails = [...after.values()].filter((e) => e.startsWith('morning-'));
if (new Set(emails).size !== emails.length) problems.push('an email is registered twice');
const unanswered = added.filter((id) => !created.some((p) => p.registrationId === id));
if (unanswered.length) problems.push(`${unanswered.length} registrations in the table were never answered 201`);
const keys = sent.map((p) => p.key);
if (new Set(keys).size !== keys.length) problems.push('an Idempotency-Key was used twice');

const httpCycles = created.length;
const httpSeconds = result.duration;
const ceilingCyclesPerSecond = ceiling.cycles / ceiling.seconds;
const report = `Opening morning through HTTP (${new Date().toISOString().slice(0, 10)}), ${connections} connections, `
  + `${result.requests.total} requests (${cycles} people: fair page, programme, registration, programme, sign-up)

| | requests/s | people (cycles)/s | p50 ms | p99 ms | max ms |
|---|---:|---:|---:|---:|---:|
| HTTP through ./run-local (autocannon 9) | ${result.requests.average.toFixed(1)} | ${(httpCycles / httpSeconds).toFixed(1)} | ${result.latency.p50} | ${result.latency.p99} | ${result.latency.max} |
| DynamoDB Local alone, the same cycle's ${ceiling.callsPerCycle} calls by SDK, ${connections} threads, ${ceiling.seconds} s | ${(ceilingCyclesPerSecond * ceiling.callsPerCycle).toFixed(1)} calls/s | ${ceilingCyclesPerSecond.toFixed(1)} | ${ceiling.cycleP50Ms.toFixed(1)} (cycle) | ${ceiling.cycleP99Ms.toFixed(1)} (cycle) | |

Answers by request: ${Object.entries(byKind).map(([k, v]) => `${k} ${JSON.stringify(v)}`).join('; ')}.
Checks: ${problems.length ? `FAILED: ${problems.join('; ')}` : `no 5xx, no error or timeout; ${created.length} registrations answered 201 = ${added.length} new in the table, each once, every Idempotency-Key distinct`}.
`;
console.log(report);
mkdirSync(join(root, 'target/benchmarks'), { recursive: true });
writeFileSync(join(root, 'target/benchmarks/opening-morning.md'), report);
process.exit(problems.length ? 1 : 0);

async function waitFor(url, seconds) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${seconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
