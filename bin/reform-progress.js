#!/usr/bin/env node
'use strict';
// The CLI is compiled to dist/ by `npm ci` (the `prepare` script); this launcher only points at it.
const path = require('node:path');
const fs = require('node:fs');
const entry = path.join(__dirname, '..', 'dist', 'src', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write(
    'reform-progress: the CLI is not built yet. Run `npm ci` (or `npm run build:cli`) first.\n',
  );
  process.exit(2);
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

// A reader that goes away early (`| head`) is not an error of ours.
process.stdout.on('error', (err) => {
  if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

require(entry)
  .main(process.argv.slice(2))
  .then(finish, (err) => {
    process.stderr.write(`reform-progress: ${err && err.stack ? err.stack : String(err)}\n`);
    finish(2);
  });
