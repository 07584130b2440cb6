// GET /api/v1/alias/{id} with alias tokens signed the way real integrators sign them: npm jsonwebtoken as in
// comparable video platforms' examples, the documented claims (expires_in, no exp), claims that common libraries add, and jose with
// HS256/HS384 (and HS512 with a secret as long as SHA-512's output). Every accepted token must stop working when one character of it changes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { SignJWT } from 'jose';
import {
  ALIAS_FIELDS,
  SETUP_TIMEOUT_MS,
  alterOneCharacter,
  createAlias,
  createOrganization,
  now,
  organizationToken,
  privateAliasBody,
  randomString,
  retrieveAlias,
  startServer,
} from './helpers.mjs';

let server;
let orgToken;
/** The private alias under test (owner view, as created) and another alias of the same organization. */
let alias;
let otherAlias;

before(async () => {
  server = await startServer();
  orgToken = organizationToken(await createOrganization(server));
  const created = await createAlias(server, orgToken, privateAliasBody());
  assert.equal(created.status, 201, created.text);
  alias = created.body.data;
  const other = await createAlias(server, orgToken, privateAliasBody({ name: 'Other' }));
  assert.equal(other.status, 201, other.text);
  otherAlias = other.body.data;
}, { timeout: SETUP_TIMEOUT_MS });

after(async () => {
  await server?.stop();
});

const joseToken = (alg, claims = {}) =>
  new SignJWT({ alias: alias.id, user_id: 'u1', host: true, ...claims })
    .setProtectedHeader({ alg, typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(alias.jwt_secret));

/** Tokens the server must accept, and the view each one must get. */
const acceptedTokens = [
  {
    name: 'jsonwebtoken HS256 with expiresIn 120m, as video platform examples sign (host: true)',
    view: 'host',
    make: () => jwt.sign({ alias: alias.id, user_id: 'user456xxyz', host: true }, alias.jwt_secret, { algorithm: 'HS256', expiresIn: '120m' }),
  },
  {
    name: 'jsonwebtoken with the documented claims: expires_in 3600 and iat, no exp (host: false)',
    view: 'public',
    make: () => jwt.sign({ alias: alias.id, user_id: 'user456xxyz', host: false, expires_in: 3600 }, alias.jwt_secret, { algorithm: 'HS256' }),
  },
  {
    name: 'jsonwebtoken with claims common libraries add: iss/aud Joken, jti, permissions, roles',
    view: 'public',
    make: () =>
      jwt.sign({ alias: alias.id, user_id: 'user456xxyz', permissions: ['allow_join'], roles: ['rtc'] }, alias.jwt_secret, {
        algorithm: 'HS256',
        expiresIn: '30m',
        issuer: 'Joken',
        audience: 'Joken',
        jwtid: randomUUID(),
      }),
  },
  {
    name: 'jsonwebtoken as a video platform example signs: typ header, subject, audience, expiresIn 3600, jwtid',
    view: 'public',
    make: () =>
      jwt.sign({ alias: alias.id, grants: { apiRTC_UserAgent_Id: 'user456xxyz' } }, alias.jwt_secret, {
        header: { typ: 'JWT' },
        algorithm: 'HS256',
        subject: 'user456xxyz',
        audience: 'apiRTC',
        expiresIn: 3600,
        jwtid: randomUUID(),
      }),
  },
  { name: 'jose SignJWT HS256 with iat and exp 2h (host: true)', view: 'host', make: () => joseToken('HS256') },
  { name: 'jose SignJWT HS384 (host: true)', view: 'host', make: () => joseToken('HS384') },
];

function assertView(response, view) {
  assert.equal(response.status, 200, response.text);
  assert.deepEqual(Object.keys(response.body), ['data']);
  const data = response.body.data;
  assert.deepEqual(Object.keys(data), ALIAS_FIELDS, 'all eight fields, in the documented order');
  assert.deepEqual(data, {
    ...alias,
    passcode: null,
    jwt_secret: null,
    stream_key: view === 'host' ? 'live_abc' : null,
  });
}

function assertUnauthorized(response, { reason, tokenSent = true } = {}) {
  assert.equal(response.status, 401, response.text);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
  assert.equal(response.body?.error?.message, 'UNAUTHORIZED', response.text);
  if (reason) assert.equal(response.body.error.reason, reason, response.text);
  else if (tokenSent) assert.ok(typeof response.body.error.reason === 'string' && response.body.error.reason.length > 0, `a reason: ${response.text}`);
  const challenge = response.headers.get('www-authenticate') ?? '';
  assert.match(challenge, /^Bearer\b/, `WWW-Authenticate: ${challenge}`);
  if (tokenSent) assert.match(challenge, /error="invalid_token"/, `WWW-Authenticate: ${challenge}`);
}

for (const { name, view, make } of acceptedTokens) {
  describe(name, () => {
    let token;
    before(async () => {
      token = await make();
    });

    test(`is accepted with the ${view} view`, async () => {
      assertView(await retrieveAlias(server, alias.id, token), view);
    });

    test('is refused with 401 when one character of the payload changes', async () => {
      assertUnauthorized(await retrieveAlias(server, alias.id, alterOneCharacter(token, 1)));
    });

    test('is refused with 401 bad_signature when one character of the signature changes', async () => {
      assertUnauthorized(await retrieveAlias(server, alias.id, alterOneCharacter(token, 2)), { reason: 'bad_signature' });
    });
  });
}

describe('HMAC key length', () => {
  test('jose HS512 with the 48-character jwt_secret is refused exactly like a bad signature (the secret length stays private)', async () => {
    const response = await retrieveAlias(server, alias.id, await joseToken('HS512'));
    assertUnauthorized(response, { reason: 'bad_signature' });
    const wrong = await new SignJWT({ alias: alias.id, user_id: 'u1', host: true })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime('2h')
      .sign(new TextEncoder().encode(randomString(48)));
    const badSignature = await retrieveAlias(server, alias.id, wrong);
    assert.equal(response.text, badSignature.text);
    assert.equal(response.headers.get('www-authenticate'), badSignature.headers.get('www-authenticate'));
  });

  test('jose HS512 with a 64-character jwt_secret (as long as the SHA-512 output) is accepted with the host view', async () => {
    const created = await createAlias(server, orgToken, privateAliasBody({ jwt_secret: randomString(64) }));
    assert.equal(created.status, 201, created.text);
    const long = created.body.data;
    const token = await new SignJWT({ alias: long.id, user_id: 'u1', host: true })
      .setProtectedHeader({ alg: 'HS512', typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime('2h')
      .sign(new TextEncoder().encode(long.jwt_secret));
    const response = await retrieveAlias(server, long.id, token);
    assert.equal(response.status, 200, response.text);
    assert.equal(response.body.data.stream_key, 'live_abc');
  });
});

describe('tokens that are not valid for the alias', () => {
  test('a token signed with another secret is refused with 401 bad_signature', async () => {
    const token = jwt.sign({ alias: alias.id, user_id: 'u1', host: true }, randomString(48), { algorithm: 'HS256', expiresIn: '10m' });
    assertUnauthorized(await retrieveAlias(server, alias.id, token), { reason: 'bad_signature' });
  });

  test("a token signed with the alias's secret but naming another alias is refused with 401 alias_mismatch", async () => {
    const token = jwt.sign({ alias: otherAlias.id, user_id: 'u1', host: true }, alias.jwt_secret, { algorithm: 'HS256', expiresIn: '10m' });
    assertUnauthorized(await retrieveAlias(server, alias.id, token), { reason: 'alias_mismatch' });
  });

  test("another alias's valid token is refused on this alias with 401", async () => {
    const token = jwt.sign({ alias: otherAlias.id, user_id: 'u1', host: true }, otherAlias.jwt_secret, { algorithm: 'HS256', expiresIn: '10m' });
    assert.equal((await retrieveAlias(server, otherAlias.id, token)).status, 200, 'the token is valid for its own alias');
    assertUnauthorized(await retrieveAlias(server, alias.id, token));
  });

  test('a jsonwebtoken token with expiresIn -120 is refused with 401 token_expired', async () => {
    const token = jwt.sign({ alias: alias.id, user_id: 'u1', host: true }, alias.jwt_secret, { algorithm: 'HS256', expiresIn: -120 });
    assertUnauthorized(await retrieveAlias(server, alias.id, token), { reason: 'token_expired' });
  });

  test('a token whose exp is ten minutes in the past is refused with 401 token_expired', async () => {
    const token = jwt.sign({ alias: alias.id, user_id: 'u1', iat: now() - 1200, exp: now() - 600 }, alias.jwt_secret, { algorithm: 'HS256' });
    assertUnauthorized(await retrieveAlias(server, alias.id, token), { reason: 'token_expired' });
  });

  test('a token with the documented claims whose iat + expires_in has passed is refused with 401 token_expired', async () => {
    const token = jwt.sign({ alias: alias.id, user_id: 'u1', host: false, expires_in: 3600, iat: now() - 7200 }, alias.jwt_secret, { algorithm: 'HS256' });
    assertUnauthorized(await retrieveAlias(server, alias.id, token), { reason: 'token_expired' });
  });
});

describe('retrieval without an alias token', () => {
  test('the private alias without any token is refused with 401', async () => {
    assertUnauthorized(await retrieveAlias(server, alias.id), { tokenSent: false });
  });

  test("the owning organization's token reads the owner view", async () => {
    const response = await retrieveAlias(server, alias.id, orgToken);
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(response.body, { data: alias });
  });

  test('an unknown alias id answers 404 Alias not found', async () => {
    const response = await retrieveAlias(server, `unknown${randomString(16)}`);
    assert.equal(response.status, 404, response.text);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    assert.deepEqual(Object.keys(response.body ?? {}), ['error'], response.text);
    assert.equal(response.body.error.message, 'Alias not found');
  });
});
