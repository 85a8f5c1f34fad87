/**
 * The architecture rules that `npm test` enforces: no import cycle in src/ (type-only imports
 * included), and shells enter the core only through its door.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpDir } from '../helpers/buildWorkbook';

const ROOT = join(__dirname, '../..');

function checkCycles(dir: string) {
  return spawnSync(process.execPath, [join(ROOT, 'scripts/check-cycles.js'), dir], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

test('src/ has no import cycle', () => {
  const run = checkCycles('src');
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
});

test('a cycle through a type-only import, or through an index, is caught', () => {
  const dir = tmpDir();
  mkdirSync(join(dir, 'lib'));
  writeFileSync(join(dir, 'a.ts'), "import type { B } from './b';\nexport type A = B[];\n");
  writeFileSync(
    join(dir, 'b.ts'),
    "import { c } from './lib';\nexport type B = string;\nexport const b = c;\n",
  );
  writeFileSync(join(dir, 'lib/index.ts'), "export * from '../a';\nexport const c = 1;\n");
  writeFileSync(join(dir, 'free.ts'), "import { b } from './b';\nexport const d = b;\n");
  const run = checkCycles(dir);
  expect(run.status).toBe(1);
  const listed = run.stderr.split('\n').filter((l) => l.startsWith('  '));
  expect(listed.map((l) => l.trim().split('/').slice(-2).join('/')).sort()).toEqual(
    [`${dir.split('/').pop()}/a.ts`, `${dir.split('/').pop()}/b.ts`, 'lib/index.ts'].sort(),
  );
});

function lint(file: string, text: string) {
  return spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', file],
    { cwd: ROOT, input: text, encoding: 'utf8' },
  );
}

test('a shell importing a core module past the door fails lint; through the door it passes', () => {
  const deep = lint(
    'src/cli/example.ts',
    "import { analyse } from '../core/analyse';\nexport const a = analyse;\n",
  );
  expect(deep.status).toBe(1);
  expect(deep.stdout).toContain('through its door');
  const door = lint('src/cli/example.ts', "import { analyse } from '../core';\nexport const a = analyse;\n");
  expect(door.stdout).toBe('');
  expect(door.status).toBe(0);
  const inside = lint(
    'src/core/summary/example.ts',
    "import { analyse } from '../analyse';\nexport const a = analyse;\n",
  );
  expect(inside.status).toBe(0);
});
