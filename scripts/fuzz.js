// npm run fuzz: the property tests with many more cases and a fresh seed (printed, to replay a failure
// with FUZZ_SEED=<seed> npm run fuzz).
const { spawnSync } = require('node:child_process');

const seed = process.env.FUZZ_SEED || String(Date.now() % 2147483647);
const runs = process.env.FUZZ_RUNS || '5000';
console.log(`fuzz: seed ${seed}, ${runs} runs per property`);
const jest = require.resolve('jest/bin/jest');
const result = spawnSync(process.execPath, [jest, 'test/core/properties.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_SEED: seed, FUZZ_RUNS: runs },
});
process.exit(result.status ?? 1);
