#!/usr/bin/env node
// The checks of scripts/multi-instance.sh (read that first): two instances A and B of the built service on one
// PostgreSQL database and one Redis server. This program starts the instances, makes an organization with the
// command line, and checks, printing one line per step (PASS/FAIL):
//   sharing       the CLI's organization works on both; an alias created on A is read on B at once, secrets decrypted
//   limits        5 wrong passcodes on A and 5 on B, then the next wrong one on either answers 429
//   revocation    an API key revoked, a JWT key deleted, a jwt_secret changed through A fail on B within one second
//   killed        A is killed with SIGKILL under 8 clients creating with Idempotency-Key: every 201 exists on B, a
//                 retry of every key through B creates no duplicate, B answered throughout, A restarts and serves
//   outages       PostgreSQL, then Redis, down for 5 s under load: B answers 503 in the envelope (no 500, nothing
//                 slower than 5 s), /health/ready is not ready, and B serves again within 10 s of the return
// No npm packages: Node's fetch and crypto. Tokens are signed here, independently of the service's code.
// Every process this program starts gets a pid file in $MI_PIDS, so the shell script can stop it whatever happens.
import { spawn, execFile, execFileSync } from 'node:child_process';
import { createHmac, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { openSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const env = process.env;
const need = (name) => env[name] ?? die(`multi-instance: ${name} is not set (run scripts/multi-instance.sh)`);
const dll = need('MI_DLL');
const work = need('MI_WORK');
const pids = need('MI_PIDS');
const postgresScript = need('MI_POSTGRES_SCRIPT');
const postgresDir = need('MI_POSTGRES_DIR');
const connection = need('MI_POSTGRES_CONNECTION');
const redisBinary = need('MI_REDIS_SERVER');
const redisPort = need('MI_REDIS_PORT');
const ports = { A: need('MI_PORT_A'), B: need('MI_PORT_B') };

const REQUEST_TIMEOUT_MS = 15_000;
const OUTAGE_MS = 5_000;
let failures = 0;
let step = 0;
const started = Date.now();

function die(message) {
  console.error(message);
  process.exit(2);
}

function pass(message) {
  step++;
  console.log(`PASS ${String(step).padStart(2)}  ${message}`);
}

function fail(message) {
  failures++;
  console.log(`FAIL     ${message}`);
}

function check(condition, message, detail = '') {
  if (condition) pass(message);
  else fail(detail ? `${message}: ${detail}` : message);
  return condition;
}

function info(message) {
  console.log(`         ${message}`);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => Math.floor(Date.now() / 1000);
const b64url = (data) => Buffer.from(data).toString('base64url');

// ---------------------------------------------------------------------------------------------------------------
// Tokens (docs/api.md, "Organization tokens" and "Alias tokens")

function hs256(header, claims, secret) {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  return `${input}.${createHmac('sha256', Buffer.from(secret, 'utf8')).update(input).digest('base64url')}`;
}

function es256(header, claims, privateKey) {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  return `${input}.${sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
}

const orgToken = (keyId, secret) => hs256({ alg: 'HS256', typ: 'JWT', kid: keyId }, { iat: now(), exp: now() + 3600 }, secret);
const aliasToken = (alias, secret) => hs256({ alg: 'HS256', typ: 'JWT' }, { alias, iat: now(), exp: now() + 3600 }, secret);

// ---------------------------------------------------------------------------------------------------------------
// HTTP

const base = (instance) => `http://127.0.0.1:${ports[instance]}`;

/** One request; answers {status, body, headers, ms} or {status: 0, error, ms} when nothing came back. */
async function call(instance, method, path, { token, body, headers = {}, timeout = REQUEST_TIMEOUT_MS } = {}) {
  const t0 = Date.now();
  try {
    const response = await fetch(base(instance) + path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(timeout),
    });
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // left null
    }
    return { status: response.status, body: json, text, headers: response.headers, ms: Date.now() - t0 };
  } catch (error) {
    return { status: 0, error: error.cause?.code ?? error.name, ms: Date.now() - t0 };
  }
}

const isEnvelope = (r) => r.body && typeof r.body.error?.message === 'string';
const describe = (r) => (r.status === 0 ? `no answer (${r.error}) after ${r.ms} ms` : `${r.status} ${r.text?.slice(0, 200)}`);

/** Calls until `done(response)` or the deadline; answers the last response and how long it took. */
async function until(deadlineMs, attempt, done) {
  const t0 = Date.now();
  let last;
  do {
    last = await attempt();
    if (done(last)) return { response: last, ms: Date.now() - t0, ok: true };
    await sleep(50);
  } while (Date.now() - t0 < deadlineMs);
  return { response: last, ms: Date.now() - t0, ok: false };
}

// ---------------------------------------------------------------------------------------------------------------
// Processes

const instanceEnv = (name) => ({
  ...env,
  ASPNETCORE_URLS: base(name),
  DOTNET_ENVIRONMENT: 'Production',
  ASPNETCORE_ENVIRONMENT: 'Production',
  Database__Provider: 'PostgreSql',
  ConnectionStrings__AliasService: connection,
  Redis__Configuration: `127.0.0.1:${redisPort}`,
  DataFolder: join(work, `data-${name}`),
  // The load below comes from one organization as fast as it can; the per-organization window is not under test.
  RateLimiting__Organization__PermitLimit: '1000000',
});

const processes = {};

function startInstance(name) {
  const log = openSync(join(work, `instance-${name}.log`), 'a');
  const child = spawn('dotnet', [dll], { env: instanceEnv(name), stdio: ['ignore', log, log], detached: true });
  writeFileSync(join(pids, `instance-${name}.pid`), String(child.pid));
  processes[name] = child;
  return child;
}

async function waitReady(name, deadlineMs = 120_000) {
  const result = await until(deadlineMs, () => call(name, 'GET', '/health/ready', { timeout: 5000 }), (r) => r.status === 200);
  if (!result.ok) die(`multi-instance: instance ${name} not ready after ${deadlineMs} ms: ${describe(result.response)}`);
  return result.ms;
}

function killInstance(name, signal = 'SIGKILL') {
  const child = processes[name];
  if (child && child.exitCode === null && child.signalCode === null) process.kill(child.pid, signal);
  rmSync(join(pids, `instance-${name}.pid`), { force: true });
}

let redis = null;

function startRedis() {
  const log = openSync(join(work, 'redis.log'), 'a');
  redis = spawn(redisBinary, ['--port', redisPort, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', log, log],
    detached: true,
  });
  writeFileSync(join(pids, 'redis.pid'), String(redis.pid));
}

async function waitRedis() {
  for (let i = 0; i < 200; i++) {
    if (readFileSync(join(work, 'redis.log'), 'utf8').split('Ready to accept connections').length > redisStarts) return;
    await sleep(50);
  }
  die('multi-instance: redis-server did not start');
}

let redisStarts = 0;

function stopRedis() {
  const pid = Number(readFileSync(join(pids, 'redis.pid'), 'utf8'));
  process.kill(pid, 'SIGKILL');
  rmSync(join(pids, 'redis.pid'), { force: true });
}

// Asynchronous, so the load keeps running (and its timings stay true) while the server stops and starts.
const postgres = (verb) => promisify(execFile)('bash', [postgresScript, verb, postgresDir]);

function cli(args) {
  return execFileSync('dotnet', [dll, ...args], { env: instanceEnv('cli'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

// ---------------------------------------------------------------------------------------------------------------
// The checks

const passcode = 'multi-instance-4821';
const aliasBody = (extra = {}) => ({ type: 'conference', passcode, expired_at: now() + 86_400, ...extra });

async function createAlias(instance, token, extra = {}, headers = {}) {
  const r = await call(instance, 'POST', '/organization/api/v1/alias/create', { token, body: aliasBody(extra), headers });
  if (r.status !== 201) die(`multi-instance: create on ${instance} answered ${describe(r)}`);
  return r.body.data;
}

function newOrganization(name) {
  const created = JSON.parse(cli(['org', 'create', '--name', name, '--json']));
  return { id: created.organization_id, key: created.api_key, secret: created.api_secret, token: () => orgToken(created.api_key, created.api_secret) };
}

async function sharing() {
  console.log('\n== sharing: one database, one key ring');
  const org = newOrganization('multi-instance sharing');
  pass(`organization ${org.id} made with the command line (org create)`);
  for (const instance of ['A', 'B']) {
    const r = await call(instance, 'GET', '/organization/api/v1/aliases', { token: org.token() });
    check(r.status === 200, `its organization token works on ${instance}`, describe(r));
  }

  const secrets = {
    name: 'Shared room',
    jwt_secret: randomBytes(32).toString('base64url'),
    stream_key: `live_${randomBytes(12).toString('hex')}`,
  };
  const alias = await createAlias('A', org.token(), secrets);
  const onB = await call('B', 'GET', `/api/v1/alias/${alias.id}`, { token: org.token() });
  check(onB.status === 200 && JSON.stringify(onB.body.data) === JSON.stringify(alias),
    `alias ${alias.id} created on A is read on B at once, passcode, jwt_secret and stream_key decrypted`, describe(onB));
  const byPasscode = await call('B', 'GET', `/api/v1/alias/${alias.id}?passcode=${passcode}`);
  check(byPasscode.status === 200, 'its passcode (encrypted by A) opens it on B', describe(byPasscode));
  const byToken = await call('B', 'GET', `/api/v1/alias/${alias.id}`, { token: aliasToken(alias.id, secrets.jwt_secret) });
  check(byToken.status === 200, 'an alias token signed with its jwt_secret opens it on B', describe(byToken));
  return { org, alias, jwtSecret: secrets.jwt_secret };
}

async function limits(org) {
  console.log('\n== limits: failed attempts counted in Redis, shared by A and B');
  const alias = await createAlias('A', org.token());
  const statuses = [];
  for (let i = 0; i < 5; i++) statuses.push((await call('A', 'GET', `/api/v1/alias/${alias.id}?passcode=wrong-${i}`)).status);
  for (let i = 0; i < 5; i++) statuses.push((await call('B', 'GET', `/api/v1/alias/${alias.id}?passcode=wrong-${i}`)).status);
  check(statuses.every((s) => s === 401), '5 wrong passcodes on A and 5 on B answer 401', statuses.join(' '));
  const nextA = await call('A', 'GET', `/api/v1/alias/${alias.id}?passcode=wrong-a`);
  const nextB = await call('B', 'GET', `/api/v1/alias/${alias.id}?passcode=wrong-b`);
  check(nextA.status === 429 && isEnvelope(nextA) && nextA.headers.get('retry-after'),
    `the next wrong one on A answers 429 (Retry-After ${nextA.headers?.get('retry-after')})`, describe(nextA));
  check(nextB.status === 429 && isEnvelope(nextB), 'the next wrong one on B answers 429', describe(nextB));
  const right = await call('B', 'GET', `/api/v1/alias/${alias.id}?passcode=${passcode}`);
  check(right.status === 429, 'even the right passcode answers 429 now (the limit never tells whether a guess is right)', describe(right));
}

/** Asks B until it refuses (401) for at most 1 s after `t0`; passes when it does. */
async function refusedOnBWithinOneSecond(what, t0, request) {
  const result = await until(1000 - (Date.now() - t0), request, (r) => r.status === 401);
  const ms = Date.now() - t0;
  check(result.ok && ms <= 1000, `${what} fails on B ${ms} ms after A answered (401 ${result.response.body?.error?.reason ?? ''})`,
    describe(result.response));
}

async function revocation(shared) {
  console.log('\n== revocation through A, seen by B within one second');
  const { org } = shared;

  // API key
  const created = await call('A', 'POST', '/organization/api/v1/api_keys', { token: org.token() });
  const key = created.body?.data;
  const second = () => orgToken(key.id, key.secret);
  const before = await call('B', 'GET', '/organization/api/v1/aliases', { token: second() });
  check(created.status === 201 && before.status === 200, `API key ${key?.id} made on A signs tokens that work on B`, describe(before));
  const revoked = await call('A', 'DELETE', `/organization/api/v1/api_keys/${key.id}`, { token: org.token() });
  check(revoked.status === 200, 'it is revoked through A', describe(revoked));
  await refusedOnBWithinOneSecond('a token signed with the revoked API key', Date.now(),
    () => call('B', 'GET', '/organization/api/v1/aliases', { token: second() }));

  // JWT key
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pem = publicKey.export({ type: 'spki', format: 'pem' });
  const registered = await call('A', 'POST', '/organization/api/v1/jwt_keys', { token: org.token(), body: { name: 'multi-instance', public_key: pem } });
  const kid = registered.body?.data?.id;
  const es = () => es256({ alg: 'ES256', typ: 'JWT', kid }, { alias: shared.alias.id, iat: now(), exp: now() + 3600 }, privateKey);
  const accepted = await call('B', 'GET', `/api/v1/alias/${shared.alias.id}`, { token: es() });
  check(registered.status === 201 && accepted.status === 200, `JWT key ${kid} registered on A: an ES256 alias token works on B`, describe(accepted));
  const deleted = await call('A', 'DELETE', `/organization/api/v1/jwt_keys/${kid}`, { token: org.token() });
  check(deleted.status === 200, 'it is deleted through A', describe(deleted));
  await refusedOnBWithinOneSecond('an alias token signed with the deleted JWT key', Date.now(),
    () => call('B', 'GET', `/api/v1/alias/${shared.alias.id}`, { token: es() }));

  // jwt_secret
  const old = aliasToken(shared.alias.id, shared.jwtSecret);
  const works = await call('B', 'GET', `/api/v1/alias/${shared.alias.id}`, { token: old });
  check(works.status === 200, 'an alias token signed with the current jwt_secret works on B', describe(works));
  const newSecret = randomBytes(32).toString('base64url');
  const updated = await call('A', 'POST', `/organization/api/v1/alias/update/${shared.alias.id}`, { token: org.token(), body: { jwt_secret: newSecret } });
  check(updated.status === 200, 'the jwt_secret is changed through A', describe(updated));
  await refusedOnBWithinOneSecond('the token signed with the old jwt_secret', Date.now(),
    () => call('B', 'GET', `/api/v1/alias/${shared.alias.id}`, { token: old }));
  const fresh = await call('B', 'GET', `/api/v1/alias/${shared.alias.id}`, { token: aliasToken(shared.alias.id, newSecret) });
  check(fresh.status === 200, 'a token signed with the new jwt_secret works on B', describe(fresh));
}

async function listAll(instance, token) {
  const all = [];
  let after = null;
  do {
    const r = await call(instance, 'GET', `/organization/api/v1/aliases?limit=100${after ? `&after=${encodeURIComponent(after)}` : ''}`, { token });
    if (r.status !== 200) die(`multi-instance: listing on ${instance} answered ${describe(r)}`);
    all.push(...r.body.entries.map((e) => e.data));
    after = r.body.after;
  } while (after);
  return all;
}

async function killedInstance() {
  console.log('\n== killed instance: kill -9 A under 8 clients creating with Idempotency-Key');
  const org = newOrganization('multi-instance killed');
  const attempts = []; // {key, body, status, id}
  let aDead = false;
  let bProbes = 0;
  const bFailures = [];
  let stopProbing = false;

  const client = async (n) => {
    for (let i = 0; !aDead || i === 0; i++) {
      const key = `kill-${n}-${i}`;
      const body = JSON.stringify(aliasBody({ name: key }));
      const attempt = { key, body, status: 0, id: null };
      attempts.push(attempt);
      const r = await call('A', 'POST', '/organization/api/v1/alias/create', { token: org.token(), body, headers: { 'idempotency-key': key } });
      attempt.status = r.status;
      attempt.id = r.body?.data?.id ?? null;
      if (r.status === 0) return; // A is gone
      if (r.status !== 201) info(`create through A answered ${describe(r)}`);
    }
  };
  const prober = async () => {
    while (!stopProbing) {
      const r = await call('B', 'GET', '/organization/api/v1/aliases?limit=1', { token: org.token(), timeout: 5000 });
      bProbes++;
      if (r.status !== 200) bFailures.push(describe(r));
      await sleep(20);
    }
  };

  const probing = prober();
  const clients = Array.from({ length: 8 }, (_, n) => client(n));
  // Let the clients get going, then kill A in the middle of their requests.
  await until(10_000, async () => attempts.filter((a) => a.status === 201).length, (count) => count >= 40);
  killInstance('A');
  aDead = true;
  const killedAt = Date.now();
  await Promise.all(clients);
  await sleep(500);
  stopProbing = true;
  await probing;

  const answered = attempts.filter((a) => a.status === 201);
  const unanswered = attempts.filter((a) => a.status !== 201);
  info(`${attempts.length} creates sent through A: ${answered.length} answered 201, ${unanswered.length} without an answer when A died`);
  check(unanswered.every((a) => a.status === 0), 'every create through A answered 201 until it died (no error answers)',
    unanswered.filter((a) => a.status !== 0).map((a) => a.status).join(' '));

  const ids = new Set((await listAll('B', org.token())).map((a) => a.id));
  const missing = answered.filter((a) => !ids.has(a.id));
  check(missing.length === 0, `every one of the ${answered.length} aliases answered 201 by A exists when read through B`,
    missing.map((a) => a.key).join(' '));

  // Retry every key through B; a claim left by the killed request answers 409 until its lease (30 s) lapses.
  const retried = await Promise.all(attempts.map(async (a) => {
    const result = await until(45_000,
      () => call('B', 'POST', '/organization/api/v1/alias/create', { token: org.token(), body: a.body, headers: { 'idempotency-key': a.key } }),
      (r) => r.status !== 409 && r.status !== 0);
    return { attempt: a, response: result.response };
  }));
  const notCreated = retried.filter((r) => r.response.status !== 201);
  check(notCreated.length === 0, `a retry of all ${attempts.length} keys through B answers 201`, notCreated.map((r) => `${r.attempt.key}: ${describe(r.response)}`).join('; '));
  const replayMismatch = retried.filter((r) => r.attempt.status === 201
    && (r.response.headers?.get('idempotent-replayed') !== 'true' || r.response.body?.data?.id !== r.attempt.id));
  check(replayMismatch.length === 0, `the ${answered.length} keys A had answered are replays on B (Idempotent-Replayed: true, same alias)`,
    replayMismatch.map((r) => r.attempt.key).join(' '));
  const finalIds = (await listAll('B', org.token())).map((a) => a.id);
  const distinctKeys = new Set(attempts.map((a) => a.key)).size;
  check(finalIds.length === distinctKeys && new Set(finalIds).size === finalIds.length,
    `no duplicates: ${finalIds.length} aliases for ${distinctKeys} distinct keys`);
  check(bFailures.length === 0 && bProbes > 0, `B answered throughout (${bProbes} requests while A was loaded and killed, all 200)`, bFailures.slice(0, 3).join('; '));

  startInstance('A');
  const readyMs = await waitReady('A');
  const after = await createAlias('A', org.token());
  const seen = await call('B', 'GET', `/api/v1/alias/${after.id}`, { token: org.token() });
  check(seen.status === 200, `A restarted (ready ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill, ${readyMs} ms after its start) and serves: its new alias is read on B`, describe(seen));
}

/**
 * Load on B while `stop()` takes a dependency away for 5 s and `start()` brings it back: `requests` are sent by 4
 * clients in turn, /health/ready is sampled. Answers what was seen.
 */
async function outage(name, requests, stop, start, checkName) {
  const seen = [];
  const ready = [];
  let phase = 'before';
  let stopLoad = false;
  const worker = async (w) => {
    for (let i = w; !stopLoad; i++) {
      const request = requests[i % requests.length];
      const sentIn = phase;
      const r = await call('B', request.method, request.path, { token: request.token?.(), timeout: 20_000 });
      seen.push({ phase: sentIn, at: Date.now(), name: request.name, ...r });
      await sleep(25);
    }
  };
  const readiness = async () => {
    while (!stopLoad) {
      const sentIn = phase;
      const sentAt = Date.now();
      const r = await call('B', 'GET', '/health/ready', { timeout: 20_000 });
      ready.push({ phase: sentIn, answeredIn: phase, at: sentAt, ...r });
      await sleep(200);
    }
  };
  const load = [...Array.from({ length: 4 }, (_, w) => worker(w)), readiness()];
  await sleep(1000);
  phase = 'stopping';
  await stop();
  phase = 'down';
  const downAt = Date.now();
  info(`${name} stopped`);
  await sleep(OUTAGE_MS - (Date.now() - downAt));
  phase = 'returning';
  await start();
  const backAt = Date.now();
  phase = 'back';
  info(`${name} back after ${((backAt - downAt) / 1000).toFixed(1)} s`);
  // Serving again = every kind of request answers 200 again.
  const recovered = await until(10_000, async () => {
    const rs = [];
    for (const request of requests) rs.push(await call('B', request.method, request.path, { token: request.token?.() }));
    return rs;
  }, (rs) => rs.every((r) => r.status === 200));
  const recoveredMs = Date.now() - backAt;
  await sleep(500);
  stopLoad = true;
  await Promise.all(load);

  const during = seen.filter((s) => s.phase === 'down');
  const unavailable = during.filter((s) => s.status === 503);
  const wrong = seen.filter((s) => s.status !== 200 && !(s.status === 503 && isEnvelope(s)));
  const slowest = Math.max(...seen.map((s) => s.ms));
  const byKind = {};
  for (const s of during) byKind[`${s.name} ${s.status}`] = (byKind[`${s.name} ${s.status}`] ?? 0) + 1;
  info(`${seen.length} requests to B: during the outage ${Object.entries(byKind).map(([k, v]) => `${k}: ${v}`).join(', ')}`);
  check(unavailable.length > 0 && unavailable.every(isEnvelope), `B answers 503 in the error envelope while ${name} is down (${unavailable.length} times)`);
  check(wrong.length === 0, 'no other failure: every answer is 200 or a 503 envelope (no 500, no dropped request)',
    wrong.slice(0, 3).map(describe).join('; '));
  check(slowest <= 5000, `no hang: the slowest answer took ${slowest} ms (at most 5 s)`);
  // Probes sent from half a second after the stop on (a check already past its database call may still say ready),
  // and answered while the dependency was still down (a probe whose connection attempt is retried can be answered
  // after the dependency is back, and then rightly says ready).
  const readyDown = ready.filter((r) => r.phase === 'down' && r.answeredIn === 'down' && r.at - downAt >= 500);
  const earlyReady = ready.filter((r) => r.phase === 'down' && r.at - downAt < 500 && r.status === 200);
  if (earlyReady.length > 0) info(`${earlyReady.length} readiness probe(s) within 0.5 s of the stop still said ready`);
  check(readyDown.length > 0 && readyDown.every((r) => r.status === 503 && r.body?.checks?.[checkName]?.status === 'Unhealthy'),
    `/health/ready says not ready while ${name} is down (${checkName}: Unhealthy, ${readyDown.length} probes from 0.5 s after the stop)`,
    readyDown.filter((r) => r.status !== 503).slice(0, 2).map((r) => `${r.at - downAt} ms after the stop: ${describe(r)}`).join('; '));
  check(recovered.ok && recoveredMs <= 10_000, `B serves again ${recoveredMs} ms after ${name} is back, without a restart`, recovered.response?.map(describe).join('; '));
  const readyAfter = await call('B', 'GET', '/health/ready');
  check(readyAfter.status === 200, '/health/ready says ready again', describe(readyAfter));
}

async function outages(shared) {
  const { org } = shared;
  const alias = await createAlias('A', org.token());
  const requests = [
    { name: 'list', method: 'GET', path: '/organization/api/v1/aliases?limit=5', token: org.token },
    { name: 'retrieve', method: 'GET', path: `/api/v1/alias/${alias.id}?passcode=${passcode}` },
  ];

  console.log('\n== database outage: PostgreSQL stopped for 5 s under load on B');
  await outage('PostgreSQL', requests, () => postgres('pause'), () => postgres('resume'), 'database');

  console.log('\n== Redis outage: Redis killed for 5 s under load on B');
  await outage('Redis', [requests[1]], async () => stopRedis(), async () => {
    redisStarts++;
    startRedis();
    await waitRedis();
  }, 'redis');
  const list = await call('B', 'GET', '/organization/api/v1/aliases?limit=5', { token: org.token() });
  check(list.status === 200, 'management answers throughout a Redis outage (its per-organization window falls back to memory)', describe(list));
}

async function main() {
  console.log('== instances A and B: one PostgreSQL database, one Redis, a data folder each');
  redisStarts = 1;
  startInstance('A');
  startInstance('B');
  const [readyA, readyB] = await Promise.all([waitReady('A'), waitReady('B')]);
  pass(`A on ${base('A')} and B on ${base('B')} are ready (${readyA} ms, ${readyB} ms)`);

  const shared = await sharing();
  await limits(shared.org);
  await revocation(shared);
  await killedInstance();
  await outages(shared);

  killInstance('A', 'SIGTERM');
  killInstance('B', 'SIGTERM');
  console.log(`\nmulti-instance: ${step} steps passed, ${failures} failed (${Math.round((Date.now() - started) / 1000)} s)`);
  process.exit(failures === 0 ? 0 : 1);
}

process.on('exit', () => {
  for (const child of Object.values(processes)) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
});

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
