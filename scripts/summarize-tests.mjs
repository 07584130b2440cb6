// Adds up the TRX files of `dotnet test` and the TAP file of the Node suite, in every folder given, into one line:
// "N passed, N failed[, N skipped]". Exits non-zero when a suite failed or nothing ran.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

let passed = 0, failed = 0, skipped = 0;

function walk(path) {
  for (const name of readdirSync(path)) {
    const full = join(path, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (name.endsWith('.trx')) trx(readFileSync(full, 'utf8'));
    else if (name.endsWith('.tap')) tap(readFileSync(full, 'utf8'));
  }
}

function trx(text) {
  const counters = /<Counters\b([^>]*)\/>/.exec(text);
  if (!counters) return;
  const attr = (n) => Number((new RegExp(`\\b${n}="(\\d+)"`).exec(counters[1]) ?? [0, 0])[1]);
  passed += attr('passed');
  failed += attr('failed') + attr('error') + attr('timeout') + attr('aborted');
  skipped += attr('notExecuted') + attr('inconclusive');
}

function tap(text) {
  // node --test's TAP reporter closes with "# pass N", "# fail N", "# skipped N", "# todo N".
  const count = (n) => Number((new RegExp(`^# ${n} (\\d+)$`, 'm').exec(text) ?? [0, 0])[1]);
  passed += count('pass');
  failed += count('fail') + count('cancelled');
  skipped += count('skipped') + count('todo');
}

for (const dir of process.argv.slice(2)) walk(dir);
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
process.exit(failed > 0 || passed === 0 ? 1 : 0);
