'use strict';
/**
 * Debian's Chromium (never a downloaded browser) and the flags it needs on these machines: headless,
 * no sandbox (CI runs as root), and nothing that reaches for the network, which is closed. Used by the
 * browser tests, the benchmark of the pane's import and `npm run screenshots`.
 */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

module.exports = { CHROMIUM, CHROMIUM_ARGS };
