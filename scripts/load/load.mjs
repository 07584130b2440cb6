// Load check: starts the built server (Release) on loopback with a fresh data folder, seeds aliases, then
// measures (1) list latency at the first and the last pages of a deep keyset walk, (2) public retrieval
// throughput and latency with a passcode and with an HS256 alias token, (3) the server's resident memory.
// Bounded in count and time; loopback only. Run: node scripts/load/load.mjs [aliases=5000] [requests=3000]
// Results are recorded by hand in docs/performance.md.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { createOrganization, organizationToken, request, startServer } from '../../tests/interop/helpers.mjs';

const require = createRequire(new URL('../../tests/interop/package.json', import.meta.url));
const jwt = require('jsonwebtoken');

const aliasCount = Number(process.argv[2] ?? 5000);
const requestCount = Number(process.argv[3] ?? 3000);
const concurrency = 16;
const deadline = Date.now() + 10 * 60_000;

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(latencies, seconds) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    per_second: Math.round(sorted.length / seconds),
    p50_ms: +percentile(sorted, 50).toFixed(2),
    p95_ms: +percentile(sorted, 95).toFixed(2),
    p99_ms: +percentile(sorted, 99).toFixed(2),
  };
}

async function run(count, makeRequest) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count && Date.now() < deadline) {
      next++;
      const t = performance.now();
      const response = await makeRequest();
      latencies.push(performance.now() - t);
      if (response.status >= 300) throw new Error(`unexpected ${response.status}: ${response.text}`);
    }
  }));
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

function serverRssMiB(dataFolder) {
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (readlinkSync(`/proc/${pid}/cwd`) !== dataFolder) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (rss) return Math.round(Number(rss[1]) / 1024);
    } catch { /* process gone or not ours */ }
  }
  return null;
}

// Seeding thousands of aliases from one organization would hit the per-organization limit (600 a minute).
process.env.RateLimiting__Organization__PermitLimit = '10000000';
const server = await startServer();
try {
  const token = organizationToken(await createOrganization(server, 'Load'));
  const expiredAt = Math.floor(Date.now() / 1000) + 86_400;
  const rssStart = serverRssMiB(server.dataFolder);

  const seed = await run(aliasCount, () => request(server, '/organization/api/v1/alias/create', {
    method: 'POST', token, body: { type: 'conference', name: 'load', expired_at: expiredAt },
  }));

  // Two full walks: the first warms the JIT and the caches, the second is measured.
  let pageLatencies = [];
  for (let walk = 0; walk < 2; walk++) {
    pageLatencies = [];
    let after = null;
    do {
      const t = performance.now();
      const page = await request(server, `/organization/api/v1/aliases?limit=100${after ? `&after=${after}` : ''}`, { token });
      pageLatencies.push(performance.now() - t);
      after = page.body.after;
    } while (after && Date.now() < deadline);
  }
  const firstPages = pageLatencies.slice(0, 5);
  const lastPages = pageLatencies.slice(-5);
  const mean = (xs) => +(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(2);

  const secret = 'load-test-secret-of-at-least-32-bytes!!';
  const protectedAlias = (await request(server, '/organization/api/v1/alias/create', {
    method: 'POST', token, body: { type: 'live', passcode: '4321', jwt_secret: secret, stream_key: 's', expired_at: expiredAt },
  })).body.data;
  const aliasToken = jwt.sign({ alias: protectedAlias.id, user_id: 'u', host: true }, secret, { algorithm: 'HS256', expiresIn: '1h' });

  const byPasscode = await run(requestCount, () => request(server, `/api/v1/alias/${protectedAlias.id}?passcode=4321`));
  const byToken = await run(requestCount, () => request(server, `/api/v1/alias/${protectedAlias.id}`, { token: aliasToken }));

  console.log(JSON.stringify({
    aliases: aliasCount,
    concurrency,
    create: summary(seed.latencies, seed.seconds),
    list_pages: { pages: pageLatencies.length, first_5_mean_ms: mean(firstPages), last_5_mean_ms: mean(lastPages) },
    retrieve_with_passcode: summary(byPasscode.latencies, byPasscode.seconds),
    retrieve_with_hs256_token: summary(byToken.latencies, byToken.seconds),
    server_rss_mib: { at_start: rssStart, at_end: serverRssMiB(server.dataFolder) },
  }, null, 2));
} finally {
  await server.stop();
}
