#!/usr/bin/env node
'use strict';
/** Screenshots of the preview for the README, made from the current build (npm run screenshots). */
const path = require('node:path');
const { chromium } = require('playwright-core');
const { serve } = require('./serve.js');
const { CHROMIUM, CHROMIUM_ARGS } = require('./chromium.js');

const out = (name) => path.join(__dirname, '..', 'docs', 'images', name);

(async () => {
  const server = await serve(path.join(__dirname, '..', 'dist', 'web'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  await page.goto(`http://127.0.0.1:${server.address().port}/preview.html`);
  await page.getByRole('button', { name: 'チェックする' }).click();
  await page.getByText(/70項目/).waitFor();
  await page.getByRole('button', { name: /令和2年度実績!J119 へ移動/ }).click();
  await page.locator('td[aria-selected="true"]').waitFor();
  await page.screenshot({ path: out('pane-check.png') });
  await page.getByRole('tab', { name: '集計表を作成' }).click();
  await page.getByRole('button', { name: '集計表を作成' }).click();
  await page.getByTestId('result-rate').waitFor();
  await page.screenshot({ path: out('pane-summary.png') });
  await page.getByRole('button', { name: 'RP_推移' }).click();
  await page.getByRole('img', { name: '進捗率の推移' }).waitFor();
  await page.screenshot({ path: out('preview-history.png') });
  await browser.close();
  server.close();
  process.stdout.write('screenshots written to docs/images/\n');
})().catch((err) => {
  process.stderr.write(`${err.stack || err}\n`);
  process.exit(1);
});
