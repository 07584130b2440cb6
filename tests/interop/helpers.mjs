// Shared harness of the interop suite: builds (if needed) and starts the real WebApi on a loopback port with
// a fresh data folder, creates an organization with the command line, and talks JSON over HTTP.
// Everything is bounded in time; the server is killed and its data folder removed whatever happens.
import { spawn, execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import jwt from 'jsonwebtoken';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const configuration = process.env.CONFIGURATION || 'Release';
export const webApiDll = join(repoRoot, 'src/WebApi/bin', configuration, 'net10.0/AliasService.WebApi.dll');

const BUILD_TIMEOUT_MS = 15 * 60_000;
const START_TIMEOUT_MS = 90_000;
const CLI_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 15_000;
const LOG_TAIL_LINES = 200;

/** Time a `before` hook may take: a build (when the dll is missing), a server start and the org command. */
export const SETUP_TIMEOUT_MS = BUILD_TIMEOUT_MS + START_TIMEOUT_MS + CLI_TIMEOUT_MS + 60_000;

const dotnetEnv = {
  DOTNET_CLI_TELEMETRY_OPTOUT: '1',
  DOTNET_NOLOGO: '1',
  DOTNET_SKIP_FIRST_TIME_EXPERIENCE: '1',
};

/** Unix seconds. */
export const now = () => Math.floor(Date.now() / 1000);

/** A random string of `length` base64url characters (6 bits each). */
export function randomString(length) {
  return randomBytes(Math.ceil((length * 3) / 4)).toString('base64url').slice(0, length);
}

// ---------------------------------------------------------------------------------------------------------
// Build

/**
 * Builds src/WebApi when its dll is missing. Test files run in parallel processes, so one build at a time
 * through a lock directory; builds that fail on a locked file (other builds share the machine) are retried.
 */
export async function ensureBuilt() {
  if (existsSync(webApiDll)) return webApiDll;
  const lock = join(tmpdir(), `aliasservice-interop-build-${createHash('sha256').update(repoRoot).digest('hex').slice(0, 16)}.lock`);
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      if (existsSync(webApiDll)) return webApiDll;
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > BUILD_TIMEOUT_MS) {
        rmSync(lock, { recursive: true, force: true }); // left behind by a killed run
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for another build (lock ${lock})`);
      await delay(500);
    }
  }
  try {
    if (existsSync(webApiDll)) return webApiDll;
    for (let attempt = 1; ; attempt++) {
      const { code, output } = await run('dotnet', ['build', join(repoRoot, 'src/WebApi'), '-c', configuration, '-nologo'], {
        timeout: Math.max(deadline - Date.now(), 1),
      });
      if (code === 0 && existsSync(webApiDll)) return webApiDll;
      const locked = /MSB3026|MSB3027|MSB3021|being used by another process|is locked by/i.test(output);
      if (!locked || attempt >= 3) {
        throw new Error(`dotnet build failed (exit ${code}):\n${output.split('\n').slice(-40).join('\n')}`);
      }
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Runs a command to completion; resolves with exit code, stdout and combined output. */
function run(file, args, { env = {}, cwd = repoRoot, timeout }) {
  return new Promise((resolvePromise, reject) => {
    execFile(
      file,
      args,
      { cwd, env: { ...process.env, ...dotnetEnv, ...env }, timeout, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(new Error(`${file} ${args.join(' ')}: ${error.killed ? `killed after ${timeout} ms` : error.message}\n${stderr}`));
          return;
        }
        resolvePromise({ code: error ? error.code : 0, stdout, stderr, output: `${stdout}\n${stderr}` });
      },
    );
  });
}

// ---------------------------------------------------------------------------------------------------------
// Server

/**
 * Starts the built WebApi on http://127.0.0.1:<free port> with a fresh DataFolder and waits for Kestrel's
 * "Now listening on" line. Returns { baseUrl, dataFolder, stop(), logTail() }.
 */
export async function startServer() {
  const dll = await ensureBuilt();
  const dataFolder = mkdtempSync(join(tmpdir(), 'aliasservice-interop-'));
  const env = {
    ...process.env,
    ...dotnetEnv,
    DataFolder: dataFolder,
    ASPNETCORE_ENVIRONMENT: 'Production',
    // This suite sends many deliberately refused tokens to one alias from one address; the failed-attempt
    // limit (10 a minute by default) is covered by the .NET integration tests, so it is lifted here.
    RateLimiting__FailedRetrievals__PermitLimit: '100000',
    // The port is read from this log line: keep it on whatever the shipped log levels say.
    'Logging__LogLevel__Microsoft.Hosting.Lifetime': 'Information',
  };
  const child = spawn('dotnet', [dll, '--urls', 'http://127.0.0.1:0'], { cwd: dataFolder, env, stdio: ['ignore', 'pipe', 'pipe'] });

  const log = [];
  let exited = null;
  const exitedPromise = new Promise((resolveExit) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolveExit(exited);
    });
  });
  const remember = (stream) => (line) => {
    log.push(`[${stream}] ${line}`);
    if (log.length > LOG_TAIL_LINES) log.shift();
    if (process.env.INTEROP_SERVER_LOG) process.stderr.write(`[server ${stream}] ${line}\n`);
  };
  // Both pipes are read until the end, or a chatty server would block on a full pipe.
  const listening = new Promise((resolveUrl) => {
    readLines(child.stdout, (line) => {
      remember('out')(line);
      const match = /Now listening on: (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (match) resolveUrl(match[1]);
    });
  });
  readLines(child.stderr, remember('err'));

  let stopped = false;
  const cleanupNow = () => {
    // Synchronous last resort for process exit and signals.
    if (exited === null) child.kill('SIGKILL');
    rmSync(dataFolder, { recursive: true, force: true });
  };
  const onSignal = (signal) => {
    cleanupNow();
    process.kill(process.pid, signal); // handlers are `once`: the default action follows
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  process.once('exit', cleanupNow);
  for (const signal of signals) process.once(signal, onSignal);

  const server = {
    dataFolder,
    baseUrl: null,
    logTail: () => log.join('\n'),
    async stop() {
      if (stopped) return;
      stopped = true;
      if (exited === null) {
        child.kill('SIGTERM');
        if ((await within(exitedPromise, STOP_TIMEOUT_MS)) === TIMED_OUT) {
          child.kill('SIGKILL');
          await within(exitedPromise, STOP_TIMEOUT_MS);
        }
      }
      rmSync(dataFolder, { recursive: true, force: true });
      process.removeListener('exit', cleanupNow);
      for (const signal of signals) process.removeListener(signal, onSignal);
    },
  };

  const outcome = await within(
    Promise.race([listening.then((url) => ({ url })), exitedPromise.then((e) => ({ exit: e }))]),
    START_TIMEOUT_MS,
  );
  if (!outcome.url) {
    await server.stop();
    const why = outcome.exit ? `exited (code ${outcome.exit.code}, signal ${outcome.exit.signal})` : `did not listen within ${START_TIMEOUT_MS} ms`;
    throw new Error(`server ${why}; last output:\n${server.logTail()}`);
  }
  server.baseUrl = outcome.url;
  return server;
}

const TIMED_OUT = Symbol('timed out');

/** The promise's value, or TIMED_OUT after `ms`; the timer is cleared either way so it never holds the process. */
async function within(promise, ms) {
  const abort = new AbortController();
  try {
    return await Promise.race([promise, delay(ms, TIMED_OUT, { signal: abort.signal })]);
  } finally {
    abort.abort();
  }
}

function readLines(stream, onLine) {
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      onLine(buffered.slice(0, newline).replace(/\r$/, ''));
      buffered = buffered.slice(newline + 1);
    }
  });
  stream.on('end', () => buffered && onLine(buffered));
}

// ---------------------------------------------------------------------------------------------------------
// Organization

/**
 * `org create --name <name> --json` on the server's dll and data folder. Resolves with the parsed object
 * { organization_id, api_key, api_secret }; stdout must hold that one JSON object and nothing else.
 */
export async function createOrganization(server, name = 'Interop') {
  const { code, stdout, stderr } = await run('dotnet', [webApiDll, 'org', 'create', '--name', name, '--json'], {
    cwd: server.dataFolder,
    env: { DataFolder: server.dataFolder },
    timeout: CLI_TIMEOUT_MS,
  });
  if (code !== 0) throw new Error(`org create exited with ${code}:\n${stdout}\n${stderr}`);
  try {
    return JSON.parse(stdout.trim());
  } catch {
    throw new Error(`org create --json did not print one JSON object on stdout:\n${stdout}`);
  }
}

/** An organization token as an API client mints it: HS256 with the API secret, header kid = API key id. */
export function organizationToken(org, options = {}) {
  return jwt.sign({}, org.api_secret, { algorithm: 'HS256', keyid: org.api_key, expiresIn: '1h', ...options });
}

// ---------------------------------------------------------------------------------------------------------
// HTTP

/**
 * One JSON request. Resolves with { status, headers, body (parsed JSON or null), text }; never throws on an
 * HTTP status, only on network failure or timeout.
 */
export async function request(server, path, { method = 'GET', token, body, headers = {} } = {}) {
  const response = await fetch(new URL(path, server.baseUrl), {
    method,
    headers: {
      accept: 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    redirect: 'manual',
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // left null: the caller's assertions show `text`
  }
  return { status: response.status, headers: response.headers, body: json, text };
}

/** The alias body the suite creates: a private conference alias with a 48-character JWT secret. */
export function privateAliasBody(overrides = {}) {
  return {
    type: 'conference',
    name: 'Interop',
    jwt_secret: randomString(48),
    stream_key: 'live_abc',
    expired_at: now() + 3600,
    ...overrides,
  };
}

/** POST /organization/api/v1/alias/create; resolves with the full response. */
export function createAlias(server, orgToken, body = privateAliasBody()) {
  return request(server, '/organization/api/v1/alias/create', { method: 'POST', token: orgToken, body });
}

/** GET /api/v1/alias/{id}, with an optional bearer token. */
export function retrieveAlias(server, id, token) {
  return request(server, `/api/v1/alias/${encodeURIComponent(id)}`, { token });
}

// ---------------------------------------------------------------------------------------------------------
// Tokens

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * The token with one character of segment `segment` (0 header, 1 payload, 2 signature) replaced by another
 * base64url character. The middle character is used: every one of its 6 bits is significant, unlike the
 * last character of a segment, whose low bits may be padding that decoders ignore.
 */
export function alterOneCharacter(token, segment) {
  const parts = token.split('.');
  const text = parts[segment];
  const index = Math.floor(text.length / 2);
  const current = BASE64URL.indexOf(text[index]);
  const replacement = BASE64URL[(current + 1) % BASE64URL.length];
  parts[segment] = text.slice(0, index) + replacement + text.slice(index + 1);
  return parts.join('.');
}

/** The field order of an alias object (docs/api.md, "The alias object"). */
export const ALIAS_FIELDS = ['id', 'type', 'name', 'passcode', 'jwt_secret', 'stream_key', 'expired_at', 'inserted_at'];
