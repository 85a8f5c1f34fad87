/**
 * Debian's Chromium for the browser tests (never a downloaded browser), started as this machine
 * needs it (no background networking: the network is closed), and the project's own static server.
 */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { serve } = require('../../scripts/serve.js') as {
  serve: (root: string, options?: { port?: number }) => Promise<Server>;
};

const available = existsSync(CHROMIUM);
if (!available && process.env.CI !== 'true') {
  console.warn('browser tests skipped: Chromium is not installed (apt-get install chromium fonts-noto-cjk)');
}
/** describe where Chromium is installed (always in CI, where its absence must fail), else skipped. */
export const describeInBrowser = available || process.env.CI === 'true' ? describe : describe.skip;
