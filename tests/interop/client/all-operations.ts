// Calls every operation of AliasService through a client typed by openapi-typescript from the service's own OpenAPI
// document (generated/api.d.ts, made by openapi-client.test.mjs), with openapi-fetch. It is type-checked with
// `tsc --strict` before it runs, so a wrong document (a nullable `data`, a free-string `type`, a missing required
// member …) fails the build, not just the run. It prints the operation ids it called, as JSON, on its last line.
//
// Environment: ALIASSERVICE_URL (the server), ALIASSERVICE_API_KEY and ALIASSERVICE_API_SECRET (an organization's key).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import createClient from 'openapi-fetch';
import { SignJWT } from 'jose';
import type { components, paths } from './generated/api.js';

type Alias = components['schemas']['AliasDto'];

const baseUrl = setting('ALIASSERVICE_URL');
const apiKey = setting('ALIASSERVICE_API_KEY');
const apiSecret = setting('ALIASSERVICE_API_SECRET');
const client = createClient<paths>({ baseUrl });
const called: string[] = [];

function setting(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

/** Asserts the status of an operation's answer and records that the operation was called. */
function expect(operationId: string, response: Response, status: number): void {
  if (response.status !== status) throw new Error(`${operationId}: expected HTTP ${status}, got ${response.status}`);
  called.push(operationId);
}

function ensure(condition: boolean, what: string): void {
  if (!condition) throw new Error(what);
}

async function organizationToken(keyId: string, secret: string): Promise<string> {
  return new SignJWT({}).setProtectedHeader({ alg: 'HS256', kid: keyId }).setIssuedAt().setExpirationTime('1h')
    .sign(new TextEncoder().encode(secret));
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const owner = bearer(await organizationToken(apiKey, apiSecret));
const now = Math.floor(Date.now() / 1000);
const jwtSecret = randomBytes(36).toString('base64url');

// Aliases: create, list, update (conditional), mint a token, retrieve three ways, delete.
const created = await client.POST('/organization/api/v1/alias/create', {
  headers: owner,
  body: { type: 'live', name: 'Generated client', passcode: '4321', jwt_secret: jwtSecret, stream_key: 'live_key', expired_at: now + 3600 },
});
expect('CreateAlias', created.response, 201);
ensure(created.data !== undefined, 'CreateAlias answered no body');
const alias: Alias = created.data!.data; // `data` is never null: no check needed, or tsc --strict would refuse this
const kind: 'conference' | 'live' = alias.type; // `type` is an enum, not a free string
ensure(kind === 'live' && alias.passcode === '4321', 'CreateAlias: owner view');
const etag = created.response.headers.get('ETag');
ensure(etag !== null, 'CreateAlias: ETag header');

const listed = await client.GET('/organization/api/v1/aliases', { headers: owner, params: { query: { type: 'live', limit: 10 } } });
expect('ListAliases', listed.response, 200);
ensure(listed.data!.entries.some((entry) => entry.data.id === alias.id), 'ListAliases: the new alias is listed');

const updated = await client.POST('/organization/api/v1/alias/update/{id}', {
  headers: owner,
  params: { path: { id: alias.id }, header: { 'If-Match': etag! } },
  body: { name: 'Renamed', stream_key: null },
});
expect('UpdateAlias', updated.response, 200);
ensure(updated.data!.data.name === 'Renamed' && updated.data!.data.stream_key === null, 'UpdateAlias: changes applied');
const stale = await client.POST('/organization/api/v1/alias/update/{id}', {
  headers: owner,
  params: { path: { id: alias.id }, header: { 'If-Match': etag! } },
  body: { passcode: '9999' },
});
ensure(stale.response.status === 412 && typeof stale.error?.error.message === 'string', 'UpdateAlias with a stale ETag: 412 envelope');
const ownerRead = await client.GET('/organization/api/v1/alias/{id}', { headers: owner, params: { path: { id: alias.id } } });
expect('GetAlias', ownerRead.response, 200);
ensure(ownerRead.data!.data.name === 'Renamed' && ownerRead.data!.data.jwt_secret === jwtSecret, 'GetAlias: the owner view of the current state');

const minted = await client.POST('/organization/api/v1/alias/{id}/token', {
  headers: owner,
  params: { path: { id: alias.id } },
  body: { user_id: 'generated-client', host: true, expires_in: 600 },
});
expect('MintAliasToken', minted.response, 201);

const asOwner = await client.GET('/api/v1/alias/{id}', { headers: owner, params: { path: { id: alias.id } } });
expect('RetrieveAlias', asOwner.response, 200);
ensure(asOwner.data!.data.jwt_secret === jwtSecret, 'RetrieveAlias as owner: owner view');
const asHost = await client.GET('/api/v1/alias/{id}', { headers: bearer(minted.data!.data.token), params: { path: { id: alias.id } } });
ensure(asHost.response.status === 200 && asHost.data!.data.passcode === null, 'RetrieveAlias with the minted token: host view');
const withPasscode = await client.GET('/api/v1/alias/{id}', { params: { path: { id: alias.id }, query: { passcode: '4321' } } });
ensure(withPasscode.response.status === 200 && withPasscode.data!.data.stream_key === null, 'RetrieveAlias with the passcode: public view');
const wrong = await client.GET('/api/v1/alias/{id}', { params: { path: { id: alias.id }, query: { passcode: '0000' } } });
ensure(wrong.response.status === 401 && wrong.error?.error.reason === 'invalid_passcode', 'RetrieveAlias with a wrong passcode: 401 envelope');

const revokedTokens = await client.POST('/organization/api/v1/alias/{id}/tokens/revoke', {
  headers: owner,
  params: { path: { id: alias.id } },
  body: { user_id: 'generated-client' },
});
expect('RevokeAliasTokens', revokedTokens.response, 200);
ensure(revokedTokens.data!.data.user_id === 'generated-client' && typeof revokedTokens.data!.data.revoked_at === 'number', 'RevokeAliasTokens: the revocation');
const afterRevocation = await client.GET('/api/v1/alias/{id}', { headers: bearer(minted.data!.data.token), params: { path: { id: alias.id } } });
ensure(afterRevocation.response.status === 401 && afterRevocation.error?.error.reason === 'token_revoked', 'RetrieveAlias with a revoked token: 401 token_revoked');

const inspected = await client.POST('/organization/api/v1/alias/{id}/token/inspect', {
  headers: owner,
  params: { path: { id: alias.id } },
  body: { token: minted.data!.data.token },
});
expect('InspectAliasToken', inspected.response, 200);
ensure(inspected.data!.data.valid === false && inspected.data!.data.reason === 'token_revoked', 'InspectAliasToken: the revoked token is explained');

const rotatedSecret = await client.POST('/organization/api/v1/alias/{id}/jwt_secret/rotate', {
  headers: owner,
  params: { path: { id: alias.id } },
  body: { previous_valid_for: 600 },
});
expect('RotateJwtSecret', rotatedSecret.response, 200);
ensure(rotatedSecret.data!.data.jwt_secret.length >= 43 && typeof rotatedSecret.data!.data.previous_valid_until === 'number', 'RotateJwtSecret: the new secret and the end of the overlap');
const rotatedStreamKey = await client.POST('/organization/api/v1/alias/{id}/stream_key/rotate', { headers: owner, params: { path: { id: alias.id } } });
expect('RotateStreamKey', rotatedStreamKey.response, 200);
ensure(rotatedStreamKey.data!.data.stream_key.startsWith('live_'), 'RotateStreamKey: the new stream key');

// Access events are stored off the request path within about a second: ask again until the creation is there.
const listEvents = () =>
  client.GET('/organization/api/v1/alias/{id}/events', { headers: owner, params: { path: { id: alias.id }, query: { outcome: 'created', limit: 10 } } });
let events = await listEvents();
for (const deadline = Date.now() + 10_000; Date.now() < deadline && events.data?.entries.length === 0; ) {
  await new Promise((resolve) => setTimeout(resolve, 100));
  events = await listEvents();
}
expect('ListAccessEvents', events.response, 200);
ensure(events.data!.entries.some((entry) => entry.data.kind === 'management' && entry.data.changed_fields.includes('passcode')), 'ListAccessEvents: the creation, with field names');

const deleted = await client.DELETE('/organization/api/v1/alias/delete/{id}', { headers: owner, params: { path: { id: alias.id } } });
expect('DeleteAlias', deleted.response, 200);
ensure(deleted.data!.message.length > 0, 'DeleteAlias: message');

// API keys: list, create (the secret is in this answer only), revoke.
const keys = await client.GET('/organization/api/v1/api_keys', { headers: owner });
expect('ListApiKeys', keys.response, 200);
const newKey = await client.POST('/organization/api/v1/api_keys', { headers: owner, body: { expires_in: 3600 } });
expect('CreateApiKey', newKey.response, 201);
const rotated = bearer(await organizationToken(newKey.data!.data.id, newKey.data!.data.secret));
ensure(typeof newKey.data!.data.expires_at === 'number', 'CreateApiKey with expires_in: expires_at set');
const revoked = await client.DELETE('/organization/api/v1/api_keys/{id}', { headers: rotated, params: { path: { id: newKey.data!.data.id }, query: { after: 0 } } });
expect('RevokeApiKey', revoked.response, 200);
ensure(typeof revoked.data!.data.revoked_at === 'number', 'RevokeApiKey: revoked_at set');

// JWT keys: register a public key, read it, list, delete.
const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const registered = await client.POST('/organization/api/v1/jwt_keys', {
  headers: owner,
  body: { name: 'generated client', public_key: publicKey.export({ type: 'spki', format: 'pem' }).toString() },
});
expect('CreateJwtKey', registered.response, 201);
const keyId = registered.data!.data.id;
const read = await client.GET('/organization/api/v1/jwt_keys/{id}', { headers: owner, params: { path: { id: keyId } } });
expect('GetJwtKey', read.response, 200);
ensure(read.data!.data.algorithm === 'RS256', 'GetJwtKey: RS256');
const jwtKeys = await client.GET('/organization/api/v1/jwt_keys', { headers: owner, params: { query: { limit: 100 } } });
expect('ListJwtKeys', jwtKeys.response, 200);
const removed = await client.DELETE('/organization/api/v1/jwt_keys/{id}', { headers: owner, params: { path: { id: keyId } } });
expect('DeleteJwtKey', removed.response, 200);

console.log(JSON.stringify(called));

/** Never called: each line below must fail to type-check, or tsc reports the unused @ts-expect-error. */
export function wrongUsesAreCompileErrors(): void {
  // @ts-expect-error `type` is conference or live
  void client.POST('/organization/api/v1/alias/create', { body: { type: 'webinar', expired_at: now } });
  // @ts-expect-error `expired_at` is required on create
  void client.POST('/organization/api/v1/alias/create', { body: { type: 'live' } });
  // @ts-expect-error `expired_at` cannot be cleared
  void client.POST('/organization/api/v1/alias/update/{id}', { params: { path: { id: 'x' } }, body: { expired_at: null } });
  // @ts-expect-error `type` cannot be cleared
  void client.POST('/organization/api/v1/alias/update/{id}', { params: { path: { id: 'x' } }, body: { type: null } });
  // @ts-expect-error `name` is required for a JWT key
  void client.POST('/organization/api/v1/jwt_keys', { body: { public_key: 'pem' } });
  // @ts-expect-error unknown members are refused by the server, and by the types
  void client.POST('/organization/api/v1/alias/create', { body: { type: 'live', expired_at: now, expire_at: now } });
}
