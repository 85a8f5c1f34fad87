/**
 * npm start downloads nothing: without certificates it serves the preview over plain HTTP on localhost
 * and says so; asked for HTTPS without certificates, it says how to make them instead of fetching a tool.
 * A stand-in `npx` on PATH records any call, so a download attempt cannot go unnoticed.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpDir } from '../helpers/buildWorkbook';

const built = existsSync('dist/web/preview.html');
const maybe = built || process.env.CI === 'true' ? test : test.skip;

function start(args: string[]): Promise<{ out: string; calls: string; url: string; stop: () => void }> {
  const home = tmpDir();
  const bin = join(home, 'bin');
  mkdirSync(bin);
  const log = join(home, 'npx-calls.log');
  writeFileSync(join(bin, 'npx'), `#!/bin/sh\necho "$@" >> "${log}"\nexit 1\n`);
  chmodSync(join(bin, 'npx'), 0o755);
  const child = spawn(process.execPath, ['scripts/start.js', '--no-build', ...args], {
    env: { ...process.env, HOME: home, PORT: '0', PATH: `${bin}:${process.env.PATH}` },
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start: ${out}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const url = /(https?:\/\/localhost:\d+)\/preview\.html/.exec(out)?.[1];
      if (url && out.includes('Ctrl+C')) {
        clearTimeout(timer);
        resolve({
          out,
          url,
          calls: existsSync(log) ? readFileSync(log, 'utf8') : '',
          stop: () => child.kill(),
        });
      }
    });
  });
}

maybe(
  'without certificates: the preview over plain HTTP on localhost, said plainly, nothing fetched',
  async () => {
    const run = await start(['--preview']);
    try {
      expect(run.calls).toBe('');
      expect(run.url).toMatch(/^http:\/\/localhost:\d+$/);
      expect(run.out).toContain('Plain HTTP on localhost');
      const page = await fetch(`${run.url}/preview.html`);
      expect(page.status).toBe(200);
    } finally {
      run.stop();
    }
  },
);

maybe('HTTPS wanted but no certificate: plain HTTP, and how to make one, without running it', async () => {
  const run = await start(['--preview', '--https']);
  try {
    expect(run.calls).toBe('');
    expect(run.url).toMatch(/^http:/);
    expect(run.out).toContain('no development certificate');
    expect(run.out).toContain('npx office-addin-dev-certs install');
  } finally {
    run.stop();
  }
});
