/**
 * Debian's Chromium for the browser tests (never a downloaded browser), started as this machine
 * needs it (no background networking: the network is closed), and the project's own static server.
 */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { CHROMIUM, CHROMIUM_ARGS } = require('../../scripts/chromium.js') as {
  CHROMIUM: string;
  CHROMIUM_ARGS: string[];
};

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

/** Chromium and the static server on the built preview (dist/web), for the tests of one describe. */
export interface BrowserSession {
  readonly browser: Browser;
  /** `http://127.0.0.1:<port>` of the server. */
  readonly base: string;
}

/**
 * Starts the server and Chromium before the describe's tests and closes both after them. Call it in
 * the describe's body; the session's fields are there once its tests run.
 */
export function browserSession(): BrowserSession {
  const session = {} as { browser: Browser; base: string; server: Server };
  beforeAll(async () => {
    expect(existsSync(CHROMIUM)).toBe(true);
    session.server = await serve('dist/web');
    session.base = `http://127.0.0.1:${(session.server.address() as AddressInfo).port}`;
    session.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 60_000);
  afterAll(async () => {
    await session.browser?.close();
    session.server?.close();
  });
  return session;
}
