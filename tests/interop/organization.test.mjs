// The organization side as a Node client sees it: the command line creates an organization, a token minted
// with jsonwebtoken is accepted, and aliases are created with the documented shape.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import jwt from 'jsonwebtoken';
import {
  ALIAS_FIELDS,
  SETUP_TIMEOUT_MS,
  createAlias,
  createOrganization,
  now,
  organizationToken,
  privateAliasBody,
  request,
  startServer,
} from './helpers.mjs';

describe('organization API with a jsonwebtoken organization token', () => {
  let server;
  let org;

  before(async () => {
    server = await startServer();
    org = await createOrganization(server);
  }, { timeout: SETUP_TIMEOUT_MS });

  after(async () => {
    await server?.stop();
  });

  test('the server listens on a loopback address', () => {
    assert.match(server.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('org create --json prints organization_id, api_key and api_secret', () => {
    assert.deepEqual(Object.keys(org).sort(), ['api_key', 'api_secret', 'organization_id']);
    for (const field of Object.keys(org)) {
      assert.equal(typeof org[field], 'string', field);
      assert.ok(org[field].length > 0, field);
    }
  });

  test('an HS256 token signed with the API secret and kid = API key id lists aliases', async () => {
    const response = await request(server, '/organization/api/v1/aliases', { token: organizationToken(org) });
    assert.equal(response.status, 200, response.text);
    assert.ok(Array.isArray(response.body.entries), response.text);
    assert.ok('after' in response.body, response.text);
  });

  test('a token signed with another secret is refused with 401', async () => {
    const forged = organizationToken({ ...org, api_secret: 'x'.repeat(48) });
    const response = await request(server, '/organization/api/v1/aliases', { token: forged });
    assert.equal(response.status, 401, response.text);
    assert.equal(response.body.error.message, 'UNAUTHORIZED');
    assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer\b/);
  });

  test('an expired organization token is refused with 401', async () => {
    const expired = jwt.sign({ exp: now() - 600, iat: now() - 1200 }, org.api_secret, { algorithm: 'HS256', keyid: org.api_key });
    const response = await request(server, '/organization/api/v1/aliases', { token: expired });
    assert.equal(response.status, 401, response.text);
    assert.equal(response.body.error.message, 'UNAUTHORIZED');
  });

  test('no token on the organization API is a 401 with the error envelope', async () => {
    const response = await request(server, '/organization/api/v1/aliases');
    assert.equal(response.status, 401, response.text);
    assert.equal(response.body.error.message, 'UNAUTHORIZED');
    assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer\b/);
  });

  test('creating a private alias answers 201 with the owner view in the documented field order', async () => {
    const body = privateAliasBody();
    const before = now();
    const response = await createAlias(server, organizationToken(org), body);
    assert.equal(response.status, 201, response.text);
    const alias = response.body.data;
    assert.deepEqual(Object.keys(response.body), ['data']);
    assert.deepEqual(Object.keys(alias), ALIAS_FIELDS);
    assert.equal(typeof alias.id, 'string');
    assert.match(alias.id, /^[A-Za-z0-9_-]+$/, 'id is URL-safe');
    assert.deepEqual(
      { type: alias.type, name: alias.name, passcode: alias.passcode, jwt_secret: alias.jwt_secret, stream_key: alias.stream_key, expired_at: alias.expired_at },
      { type: 'conference', name: 'Interop', passcode: null, jwt_secret: body.jwt_secret, stream_key: 'live_abc', expired_at: body.expired_at },
    );
    assert.ok(Number.isInteger(alias.inserted_at) && alias.inserted_at >= before - 5 && alias.inserted_at <= now() + 5, `inserted_at ${alias.inserted_at} is now in seconds`);
  });

  test('two created aliases get different ids', async () => {
    const token = organizationToken(org);
    const [a, b] = await Promise.all([createAlias(server, token), createAlias(server, token)]);
    assert.equal(a.status, 201, a.text);
    assert.equal(b.status, 201, b.text);
    assert.notEqual(a.body.data.id, b.body.data.id);
  });
});
