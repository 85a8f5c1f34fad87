#!/usr/bin/env node
/**
 * Makes V8's code cache for the bundled CLI (dist/cli/reform-progress.js.cache), run by
 * `npm run build:cli` after webpack. The bundle is compiled and runs the commands people run most on
 * the sample workbooks, in-process with its output discarded; the cache then holds the bytecode of
 * every function those runs compiled, so that a real run starts without parsing and compiling them
 * (docs/benchmarks.md has the figures). The cache is tied to the bundle by its size and modification
 * time, and to this Node's V8 and flags by V8 itself: bin/reform-progress.js compiles from source when
 * either differs.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { loadCli, cacheHeader, BUNDLE, CODE_CACHE } = require('../bin/reform-progress.js');

const root = path.join(__dirname, '..');
const samples = path.join(root, 'examples', 'departments');

/** Everything the CLI would do to the outside world, done nowhere. */
const silentIo = {
  stdout: () => {},
  stderr: () => {},
  color: false,
  env: {},
  writeFile: async () => {},
  now: () => '2021-06-30T09:00+09:00',
};

async function main() {
  fs.rmSync(CODE_CACHE, { force: true });
  const { cli, script } = loadCli({ useCache: false });
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'reform-progress-cache-')), 'summary.xlsx');
  try {
    for (const argv of [
      ['validate', samples],
      ['summarize', samples, '--out', out],
    ]) {
      const code = await cli.main(argv, silentIo);
      if (code === 2) throw new Error(`reform-progress ${argv.join(' ')} exited with 2`);
    }
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
  fs.writeFileSync(CODE_CACHE, Buffer.concat([cacheHeader(fs.statSync(BUNDLE)), script.createCachedData()]));
}

main().catch((err) => {
  // No cache is no failure: the CLI compiles from source without one.
  fs.rmSync(CODE_CACHE, { force: true });
  process.stderr.write(`cli-code-cache: no code cache made: ${err && err.stack ? err.stack : err}\n`);
});
