// Public signing keys (docs/api.md, "JWT keys"): an organization registers the public half of a key pair made by
// jose, its backend signs alias tokens RS256/PS256/ES256 with the private half and header kid = key id, and
// deleting the key stops those tokens at once. Skipped automatically while the server has no jwt_keys endpoint.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT, calculateJwkThumbprint, exportJWK, exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { ALIAS_FIELDS, createAlias, createOrganization, organizationToken, privateAliasBody, request, retrieveAlias, startServer } from './helpers.mjs';

// Whether to skip has to be known before the tests are declared, hence the set-up at the top level.
const server = await startServer();
after(async () => {
  await server.stop();
});

const orgToken = organizationToken(await createOrganization(server));
const created = await createAlias(server, orgToken, privateAliasBody());
assert.equal(created.status, 201, created.text);
const alias = created.body.data;

const probe = await request(server, '/organization/api/v1/jwt_keys', { method: 'POST', token: orgToken, body: {} });
// Each test carries the skip (rather than its describe) so the runner counts the skipped tests.
const skip = probe.status === 404 ? 'jwt_keys endpoint not implemented' : false;

const registerKey = (publicKey, name = 'k1') =>
  request(server, '/organization/api/v1/jwt_keys', { method: 'POST', token: orgToken, body: { name, public_key: publicKey } });
const deleteKey = (id) => request(server, `/organization/api/v1/jwt_keys/${encodeURIComponent(id)}`, { method: 'DELETE', token: orgToken });

const signAliasToken = (alg, kid, privateKey, aliasId = alias.id) =>
  new SignJWT({ alias: aliasId, user_id: 'u1', host: true })
    .setProtectedHeader({ alg, kid, typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(privateKey);

function assertUnauthorized(response) {
  assert.equal(response.status, 401, response.text);
  assert.equal(response.body?.error?.message, 'UNAUTHORIZED', response.text);
  assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer\b/);
}

for (const { alg, family } of [
  { alg: 'RS256', family: /^(RS|PS)\d{3}$/ },
  { alg: 'PS256', family: /^(RS|PS)\d{3}$/ },
  { alg: 'ES256', family: /^ES\d{3}$/ },
]) {
  describe(`${alg} alias tokens signed with jose and a registered public key`, () => {
    let keyPair;
    let key;
    let token;

    test(`registering the SPKI PEM of a jose ${alg} key pair answers 201 with the key and its RFC 7638 fingerprint`, { skip }, async () => {
      keyPair = await generateKeyPair(alg, { extractable: true });
      const pem = await exportSPKI(keyPair.publicKey);
      const response = await registerKey(pem);
      assert.equal(response.status, 201, response.text);
      key = response.body.data;
      assert.equal(typeof key.id, 'string');
      assert.equal(key.name, 'k1');
      assert.match(key.algorithm, family);
      assert.equal(key.fingerprint, await calculateJwkThumbprint(await exportJWK(keyPair.publicKey)));
      assert.ok(!JSON.stringify(key).includes('PRIVATE'), 'no private key material in the answer');
    });

    test(`a ${alg} token with header kid = key id is accepted with the host view`, { skip }, async () => {
      token = await signAliasToken(alg, key.id, keyPair.privateKey);
      const response = await retrieveAlias(server, alias.id, token);
      assert.equal(response.status, 200, response.text);
      assert.deepEqual(Object.keys(response.body.data), ALIAS_FIELDS);
      assert.deepEqual(response.body.data, { ...alias, passcode: null, jwt_secret: null, stream_key: 'live_abc' });
    });

    test(`a ${alg} token signed by another private key under the same kid is refused with 401`, { skip }, async () => {
      const stranger = await generateKeyPair(alg);
      assertUnauthorized(await retrieveAlias(server, alias.id, await signAliasToken(alg, key.id, stranger.privateKey)));
    });

    test('an HS256 token keyed with the public key PEM under the same kid is refused with 401', { skip }, async () => {
      const pem = await exportSPKI(keyPair.publicKey);
      const confused = await new SignJWT({ alias: alias.id, user_id: 'u1', host: true })
        .setProtectedHeader({ alg: 'HS256', kid: key.id, typ: 'JWT' })
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(new TextEncoder().encode(pem));
      assertUnauthorized(await retrieveAlias(server, alias.id, confused));
    });

    test(`after DELETE /organization/api/v1/jwt_keys/{id} the same ${alg} token is refused with 401`, { skip }, async () => {
      const deleted = await deleteKey(key.id);
      assert.ok(deleted.status === 200 || deleted.status === 204, `delete answered ${deleted.status}: ${deleted.text}`);
      assertUnauthorized(await retrieveAlias(server, alias.id, token));
    });
  });
}

describe('registering keys that are not public keys', () => {
  test('a private key PEM is refused with 400 and is not echoed', { skip }, async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const pem = await exportPKCS8(privateKey);
    const response = await registerKey(pem);
    assert.equal(response.status, 400, response.text);
    assert.equal(typeof response.body?.error?.message, 'string', response.text);
    for (const line of pem.split('\n').filter((l) => l && !l.startsWith('-----'))) {
      assert.ok(!response.text.includes(line), 'the private key is not echoed');
    }
  });

  test('text that is not a PEM is refused with 400', { skip }, async () => {
    const response = await registerKey('not a key');
    assert.equal(response.status, 400, response.text);
    assert.equal(typeof response.body?.error?.message, 'string', response.text);
  });
});
