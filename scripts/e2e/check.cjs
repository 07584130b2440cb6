#!/usr/bin/env node
// Small helpers for scripts/e2e.sh, so the shell script needs neither jq nor a JWT tool:
//
//   node check.cjs port                              a free TCP port on 127.0.0.1 (bound to port 0, then released)
//   node check.cjs expect <json-file> <expression>   exit 0 when the expression is truthy, else 1 with the reason
//   node check.cjs get <json-file> <expression>      print the expression's value (strings bare, others as JSON)
//   node check.cjs sign <alg> <secret|@pem-file> <claims-json> [kid]
//                                                    a JWT made by the npm package jsonwebtoken (tests/interop's copy)
//   node check.cjs jwt-key-body <name> <pem-file>    the JSON body of POST /organization/api/v1/jwt_keys
//   node check.cjs dom <html-file> <text>...         exit 0 when the file contains every text, else 1 naming the missing
//   node check.cjs dom-lacks <html-file> <text>...   exit 0 when the file contains none of the texts, else 1 naming them
//   node check.cjs png <png-file>                    print "WIDTHxHEIGHT, N bytes"; exit 1 when it is not a PNG
//                                                    or so small for its size that next to nothing was rendered
//
// Expressions are JavaScript evaluated with `b` = the parsed JSON file (null when it is not JSON), `text` = its
// raw text, `env` = process.env, `now` = Unix seconds, `FIELDS` = the alias object's field order (docs/api.md), and
// `ordered(o)` = true when o's keys are exactly FIELDS in that order.
'use strict';

const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { createRequire } = require('node:module');

const FIELDS = ['id', 'type', 'name', 'passcode', 'jwt_secret', 'stream_key', 'expired_at', 'inserted_at'];
const repoRoot = path.resolve(__dirname, '../..');

function die(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function load(file) {
  const text = fs.readFileSync(file, 'utf8');
  let b = null;
  try {
    b = text ? JSON.parse(text) : null;
  } catch {
    // left null: expressions can still look at `text`
  }
  return { b, text };
}

function evaluate(file, expression) {
  const { b, text } = load(file);
  const ordered = (o) =>
    o !== null && typeof o === 'object' && JSON.stringify(Object.keys(o)) === JSON.stringify(FIELDS);
  const fn = new Function('b', 'text', 'env', 'now', 'FIELDS', 'ordered', `"use strict"; return (${expression});`);
  try {
    return { value: fn(b, text, process.env, Math.floor(Date.now() / 1000), FIELDS, ordered), text };
  } catch (e) {
    return { error: e, text };
  }
}

function jsonwebtoken() {
  // The interop suite's locked copy (tests/interop/package-lock.json); e2e.sh runs `npm ci` there when missing.
  const requireFromInterop = createRequire(path.join(repoRoot, 'tests/interop/package.json'));
  try {
    return requireFromInterop('jsonwebtoken');
  } catch (e) {
    die(`jsonwebtoken not found under tests/interop/node_modules (run npm ci there): ${e.message}`);
  }
}

const [command, ...args] = process.argv.slice(2);
switch (command) {
  case 'port': {
    const server = net.createServer();
    server.once('error', (e) => die(`cannot bind 127.0.0.1:0: ${e.message}`));
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => process.stdout.write(`${port}\n`));
    });
    break;
  }
  case 'expect': {
    const [file, expression] = args;
    const { value, error, text } = evaluate(file, expression);
    if (error || !value) {
      die(`  expected: ${expression}${error ? `\n  threw:    ${error.message}` : ''}\n  body:     ${text.slice(0, 2000)}`);
    }
    break;
  }
  case 'get': {
    const [file, expression] = args;
    const { value, error, text } = evaluate(file, expression);
    if (error || value === undefined || value === null) {
      die(`  no value for: ${expression}${error ? ` (${error.message})` : ''}\n  body: ${text.slice(0, 2000)}`);
    }
    process.stdout.write(`${typeof value === 'string' ? value : JSON.stringify(value)}\n`);
    break;
  }
  case 'sign': {
    const [algorithm, key, claims, kid] = args;
    const secret = key.startsWith('@') ? fs.readFileSync(key.slice(1), 'utf8') : key;
    const options = { algorithm, ...(kid ? { keyid: kid } : {}) };
    process.stdout.write(`${jsonwebtoken().sign(JSON.parse(claims), secret, options)}\n`);
    break;
  }
  case 'jwt-key-body': {
    const [name, pemFile] = args;
    process.stdout.write(`${JSON.stringify({ name, public_key: fs.readFileSync(pemFile, 'utf8') })}\n`);
    break;
  }
  case 'dom':
  case 'dom-lacks': {
    const [file, ...needles] = args;
    const html = fs.readFileSync(file, 'utf8');
    // Rendered pages split text with markup (Scalar writes "view<wbr>." and "<!---->"): compare the text too.
    const entities = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
    const text = html.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e) => entities[e]);
    const found = (n) => html.includes(n) || text.includes(n);
    if (command === 'dom') {
      const missing = needles.filter((n) => !found(n));
      if (missing.length > 0) die(`  not in the rendered page: ${missing.map((m) => JSON.stringify(m)).join(', ')}`);
    } else {
      const present = needles.filter(found);
      if (present.length > 0) die(`  in the rendered page: ${present.map((m) => JSON.stringify(m)).join(', ')}`);
    }
    break;
  }
  case 'png': {
    const [file] = args;
    const data = fs.readFileSync(file);
    const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    if (data.length < 33 || !data.subarray(0, 8).equals(signature) || data.toString('latin1', 12, 16) !== 'IHDR') {
      die(`${file} is not a PNG file`);
    }
    const width = data.readUInt32BE(16);
    const height = data.readUInt32BE(20);
    // A page with next to nothing on it compresses to almost nothing (a 1400x2200 "<h1>Hello</h1>" is 15 kB);
    // the rendered reference page is a few hundred kilobytes.
    if (data.length / (width * height) < 0.02) die(`${file}: ${width}x${height} in ${data.length} bytes: next to nothing rendered`);
    process.stdout.write(`${width}x${height}, ${data.length} bytes\n`);
    break;
  }
  default:
    die(`usage: node ${path.basename(__filename)} port|expect|get|sign|jwt-key-body|dom|png …`);
}
