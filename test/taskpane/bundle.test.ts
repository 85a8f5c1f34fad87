/**
 * The pane's first load stays small (it opens inside Excel on old office PCs): the initial JavaScript
 * is at most 160 KB gzipped, and ExcelJS sits only in a lazy chunk. Reads the production build that
 * `npm test` makes first (`npm run build`).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const WEB = 'dist/web';
const BUDGET = 160 * 1024;

function initialScripts(html: string): string[] {
  return [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)"?/g)]
    .map((m) => m[1]!)
    .filter((src) => !/^https?:/.test(src));
}

const gz = (file: string) => gzipSync(readFileSync(join(WEB, file)), { level: 9 }).length;

test('the build exists (npm test builds it first)', () => {
  expect(existsSync(join(WEB, 'taskpane.html'))).toBe(true);
});

test('initial task-pane JavaScript ≤ 160 KB gzip, without ExcelJS', () => {
  const scripts = initialScripts(readFileSync(join(WEB, 'taskpane.html'), 'utf8'));
  expect(scripts.length).toBeGreaterThan(0);
  const total = scripts.reduce((n, s) => n + gz(s), 0);
  expect(total).toBeLessThanOrEqual(BUDGET);
  for (const s of scripts)
    expect(readFileSync(join(WEB, s), 'utf8')).not.toMatch(/xl\/worksheets\/sheet|ExcelJS/);
  const lazy = readdirSync(WEB).filter((f) => f.endsWith('.js') && !scripts.includes(f));
  expect(lazy.some((f) => /xl\/worksheets\//.test(readFileSync(join(WEB, f), 'utf8')))).toBe(true);
});

test('dist/bundle-report.json (what npm run bench measures) names the same initial scripts and the lazy chunks', () => {
  const report = JSON.parse(readFileSync('dist/bundle-report.json', 'utf8')) as Record<
    string,
    { initial: string[]; lazy: { name: string; files: string[] }[] }
  >;
  expect(report.taskpane!.initial).toEqual(initialScripts(readFileSync(join(WEB, 'taskpane.html'), 'utf8')));
  expect(report.taskpane!.lazy.map((l) => l.name)).toEqual(
    expect.arrayContaining(['xlsx-reader', 'generate']),
  );
  for (const chunk of report.taskpane!.lazy)
    for (const f of chunk.files) expect(existsSync(join(WEB, f))).toBe(true);
});

test('the pages load nothing but our own files and Office.js, and run no inline script', () => {
  for (const page of ['taskpane.html', 'commands.html']) {
    const html = readFileSync(join(WEB, page), 'utf8');
    const external = [...html.matchAll(/\bsrc="?(https?:[^"\s>]+)/g)].map((m) => m[1]);
    expect(external).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc)[^>]*>/);
    expect(html).toContain("script-src 'self' https://appsforoffice.microsoft.com");
  }
  expect(readFileSync(join(WEB, 'manifest.xml'), 'utf8')).toContain('https://localhost:3000/taskpane.html');
});
