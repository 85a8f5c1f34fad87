#!/usr/bin/env node
'use strict';
// The CLI is one file, dist/cli/reform-progress.js, built by `npm ci` (the `prepare` script) or
// `npm run build:cli`; this launcher loads it, with V8's code cache made at build time when it fits.
const path = require('node:path');
const fs = require('node:fs');

const BUNDLE = path.join(__dirname, '..', 'dist', 'cli', 'reform-progress.js');
/**
 * V8's compiled code for the bundle (scripts/cli-code-cache.js), after a header naming the bundle it
 * was made from: its size and modification time (whole seconds: copies keep no finer). Webpack deletes
 * the cache when it rebuilds the bundle; any other bundle is compiled from source.
 */
const CODE_CACHE = path.join(__dirname, '..', 'dist', 'cli', 'reform-progress.js.cache');
const HEADER_BYTES = 16;

/** The header a cache for this bundle carries. */
function cacheHeader(bundleStat) {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeDoubleLE(bundleStat.size, 0);
  header.writeDoubleLE(Math.floor(bundleStat.mtimeMs / 1000), 8);
  return header;
}

/**
 * The bundle's exports, compiled from V8's code cache when there is one made for this bundle (and for
 * this V8 and its flags, which V8 checks itself); from source otherwise, as `require` would. The cache
 * only saves parsing and compiling: what runs is the same code either way.
 */
function loadCli({ useCache = true } = {}) {
  const source = fs.readFileSync(BUNDLE, 'utf8');
  let cachedData;
  if (useCache) {
    const cache = readIfExists(CODE_CACHE);
    if (
      cache &&
      cache.length > HEADER_BYTES &&
      cacheHeader(fs.statSync(BUNDLE)).equals(cache.subarray(0, HEADER_BYTES))
    )
      cachedData = cache.subarray(HEADER_BYTES);
  }
  const vm = require('node:vm');
  const Module = require('node:module');
  const script = new vm.Script(Module.wrap(source), {
    filename: BUNDLE,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: {} };
  script
    .runInThisContext()
    .call(module.exports, module.exports, Module.createRequire(BUNDLE), module, BUNDLE, path.dirname(BUNDLE));
  return { cli: module.exports, script, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

function readIfExists(file) {
  try {
    return fs.readFileSync(file);
  } catch {
    return null;
  }
}

/**
 * Exit only once standard output and standard error have been handed to the OS. A pipe (`--json - | jq`)
 * takes writes asynchronously: exiting at once would cut the output at the pipe's buffer (64 KB).
 * A write's callback runs after every earlier write on the stream has been flushed.
 */
function finish(code) {
  process.exitCode = code;
  let pending = 2;
  const done = () => {
    pending -= 1;
    if (pending === 0) process.exit(code);
  };
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.destroyed || !stream.writable) done();
    else stream.write('', done);
  }
}

function run() {
  if (!fs.existsSync(BUNDLE)) {
    process.stderr.write(
      'reform-progress: the CLI is not built yet. Run `npm ci` (or `npm run build:cli`) first.\n',
    );
    process.exit(2);
  }
  // A reader that goes away early (`| head`) is not an error of ours.
  process.stdout.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  loadCli()
    .cli.main(process.argv.slice(2))
    .then(finish, (err) => {
      process.stderr.write(`reform-progress: ${err && err.stack ? err.stack : String(err)}\n`);
      finish(2);
    });
}

if (require.main === module) run();
else module.exports = { loadCli, cacheHeader, BUNDLE, CODE_CACHE };
