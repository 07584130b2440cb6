// The service's OpenAPI document, as client generators and linters see it: `redocly lint` with the recommended
// rules reports no error; openapi-typescript (pinned in package-lock.json) generates a typed client from it; a
// program that calls every operation through that client (client/all-operations.ts, with openapi-fetch) type-checks
// with `tsc --strict` and then runs against the live server.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SETUP_TIMEOUT_MS, createOrganization, request, startServer } from './helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const bin = (name) => join(here, 'node_modules', '.bin', name);
const clientFolder = join(here, 'client');
const TOOL_TIMEOUT_MS = 180_000;

/** Runs a tool to completion; resolves with its exit code and output, never rejects on a non-zero exit. */
function run(file, args, env = {}) {
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd: here, env: { ...process.env, ...env }, timeout: TOOL_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        reject(new Error(`${file} ${args.join(' ')}: ${error.message}\n${stderr}`));
        return;
      }
      resolve({ code: error ? error.code : 0, stdout, stderr, output: `${stdout}\n${stderr}` });
    });
  });
}

describe('the OpenAPI document with standard tools', () => {
  let server;
  let org;
  let work;
  let documentPath;
  let document;

  before(async () => {
    server = await startServer();
    org = await createOrganization(server);
    const answer = await request(server, '/openapi/v1.json');
    assert.equal(answer.status, 200, answer.text);
    document = answer.body;
    work = mkdtempSync(join(tmpdir(), 'aliasservice-openapi-'));
    documentPath = join(work, 'openapi.json');
    writeFileSync(documentPath, answer.text);
  }, { timeout: SETUP_TIMEOUT_MS });

  after(async () => {
    await server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('redocly lint with the recommended rules reports no error', { timeout: TOOL_TIMEOUT_MS }, async () => {
    const { code, output } = await run(bin('redocly'), ['lint', '--config', join(here, 'redocly.yaml'), '--format', 'summary', documentPath]);

    assert.equal(code, 0, output);
    assert.doesNotMatch(output, /^error\s/m, output);
  });

  test('openapi-typescript generates a typed client from it', { timeout: TOOL_TIMEOUT_MS }, async () => {
    mkdirSync(join(clientFolder, 'generated'), { recursive: true });
    const generated = await run(bin('openapi-typescript'), [documentPath, '--output', join(clientFolder, 'generated', 'api.d.ts')]);

    assert.equal(generated.code, 0, generated.output);
  });

  test('the program that calls every operation type-checks with tsc --strict', { timeout: TOOL_TIMEOUT_MS }, async () => {
    const compiled = await run(bin('tsc'), ['--project', join(clientFolder, 'tsconfig.json')]);

    assert.equal(compiled.code, 0, `tsc --strict:\n${compiled.output}`);
  });

  test('the program calls every operation of the document against the live server', { timeout: TOOL_TIMEOUT_MS }, async () => {
    const ran = await run(process.execPath, [join(clientFolder, 'dist', 'all-operations.js')], {
      ALIASSERVICE_URL: server.baseUrl,
      ALIASSERVICE_API_KEY: org.api_key,
      ALIASSERVICE_API_SECRET: org.api_secret,
    });

    assert.equal(ran.code, 0, `the program failed:\n${ran.output}\n--- server:\n${server.logTail()}`);
    const operationIds = Object.values(document.paths).flatMap((path) => Object.values(path).map((operation) => operation.operationId));
    const called = JSON.parse(ran.stdout.trim().split('\n').at(-1));
    assert.deepEqual([...new Set(called)].sort(), [...operationIds].sort(), 'every operation of the document is called');
  });
});
