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
require(entry)
  .main(process.argv.slice(2))
  .then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`reform-progress: ${err && err.stack ? err.stack : String(err)}\n`);
      process.exit(2);
    },
  );
