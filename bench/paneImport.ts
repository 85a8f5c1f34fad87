/**
 * The hostile files in the preview's 取り込み (the pane's import, in Debian's Chromium): how long the
 * page is blocked at most (the longest task the browser reports) while each is read beside the good
 * example, and whether the hostile one is refused and the good one read.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { HOSTILE_CASES } from './hostile';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serve } = require('../../scripts/serve.js') as {
  serve: (root: string, options?: { port?: number }) => Promise<Server>;
};

export interface PaneImportResult {
  readonly name: string;
  /** The longest task while reading (ms): how long the page could not respond. */
  readonly longestTaskMs: number;
  readonly ms: number;
  readonly refused: boolean;
  readonly goodRead: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { CHROMIUM, CHROMIUM_ARGS } = require('../../scripts/chromium.js') as {
  CHROMIUM: string;
  CHROMIUM_ARGS: readonly string[];
};

export async function paneImportBench(root: string, goodFile: string): Promise<PaneImportResult[] | null> {
  if (!existsSync(CHROMIUM)) return null;
  const dir = mkdtempSync(join(tmpdir(), 'reform-progress-pane-'));
  const server = await serve(join(root, 'dist', 'web'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, '--js-flags=--max-old-space-size=4096'],
  });
  const results: PaneImportResult[] = [];
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (const c of HOSTILE_CASES) {
      process.stderr.write(`pane import: ${c.name}…\n`);
      const path = join(dir, 'hostile.xlsx');
      await c.make(path);
      const page = await browser.newPage();
      await page.goto(`${base}/preview.html`);
      await page.getByRole('tab', { name: '取り込み' }).click();
      // A string, evaluated in the page: the bench is compiled without the DOM's types.
      await page.evaluate(`(() => {
        window.longest = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.longest = Math.max(window.longest, e.duration);
        }).observe({ type: 'longtask', buffered: false });
      })()`);
      const started = performance.now();
      await page.getByLabel(/部局のブックを選択/).setInputFiles([goodFile, path]);
      const rows = page.getByRole('list', { name: '取り込み' }).getByRole('listitem');
      await rows.nth(1).waitFor({ timeout: 120_000 });
      const ms = performance.now() - started;
      const texts = await rows.allTextContents();
      const longestTaskMs = Number(await page.evaluate('window.longest'));
      results.push({
        name: c.name,
        longestTaskMs: Math.round(longestTaskMs),
        ms: Math.round(ms),
        refused: texts.some((t) => t.includes('hostile.xlsx') && /読み込め|読めません|refus|cannot/.test(t)),
        goodRead: texts.some((t) => t.includes('kasama-r2.xlsx') && /項目/.test(t)),
      });
      await page.close();
      rmSync(path, { force: true });
    }
  } finally {
    await browser.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
