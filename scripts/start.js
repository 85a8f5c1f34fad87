#!/usr/bin/env node
'use strict';
/**
 * npm start: build the add-in and serve it on localhost:3000. Nothing is downloaded or installed.
 * - The browser preview (Linux, or `npm start -- --preview`) is served over plain HTTP: it needs no
 *   certificate, so a normal browser opens it without a warning.
 * - For Excel (Windows, macOS), which needs HTTPS, the add-in is served over HTTPS with the development
 *   certificates of office-addin-dev-certs when they exist (this says where they are and how to trust
 *   them); without them it serves plain HTTP and says how to make them.
 * Options: --preview, --https (the preview over HTTPS too), --no-build; PORT (default 3000).
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { serve } = require('./serve.js');

const root = path.join(__dirname, '..');
const argv = process.argv.slice(2);
const preview = argv.includes('--preview') || !['win32', 'darwin'].includes(process.platform);
const wantHttps = argv.includes('--https') || !preview;
const port = Number(process.env.PORT ?? 3000);
const certDir = path.join(os.homedir(), '.office-addin-dev-certs');
const certFiles = ['localhost.crt', 'localhost.key'].map((f) => path.join(certDir, f));

/** The development certificates if they are already there; never made or fetched from here. */
function certificates() {
  if (!certFiles.every((f) => fs.existsSync(f))) return null;
  const ca = path.join(certDir, 'ca.crt');
  return {
    cert: fs.readFileSync(certFiles[0]),
    key: fs.readFileSync(certFiles[1]),
    ...(fs.existsSync(ca) ? { ca: fs.readFileSync(ca) } : {}),
  };
}

if (!argv.includes('--no-build')) {
  const build = spawnSync('npx', ['--no-install', 'webpack', '--mode', 'production'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const tls = wantHttps ? certificates() : null;
const scheme = tls ? 'https' : 'http';
serve(path.join(root, 'dist', 'web'), { port, host: 'localhost', tls }).then((server) => {
  const base = `${scheme}://localhost:${server.address().port}`;
  const lines = [''];
  if (tls) {
    lines.push(
      `HTTPS with the development certificate in ${certDir} (made by office-addin-dev-certs).`,
      `  If the browser or Excel does not trust it, trust its CA (${path.join(certDir, 'ca.crt')}):`,
      '  run `npx office-addin-dev-certs install` yourself (it asks before adding the CA to the system store),',
      '  or import ca.crt as a trusted root in the browser. Remove it later with `npx office-addin-dev-certs uninstall`.',
    );
  } else if (wantHttps) {
    lines.push(
      `Plain HTTP on localhost: no development certificate in ${certDir}.`,
      '  Excel needs HTTPS for the add-in. To make and trust a certificate, run (it downloads a tool, and asks):',
      '    npx office-addin-dev-certs install',
      '  then npm start again. The preview below works over plain HTTP as it is.',
    );
  } else {
    lines.push('Plain HTTP on localhost (the preview needs no certificate; nothing else can reach it).');
  }
  if (preview) {
    lines.push(
      `Preview (not Excel): ${base}/preview.html`,
      '  The real task pane beside the sample workbook kasama-r2.xlsx; open your own .xlsx from the bar at the top.',
    );
  } else {
    lines.push(
      `Add-in served at ${base}/taskpane.html`,
      'Sideload it in Excel:',
      '  npx office-addin-debugging start manifest/manifest.xml   (downloads a tool that is not part of this project)',
      '  or: Windows — add a shared folder holding manifest/manifest.xml as a trusted catalog (Trust Center),',
      '      macOS — copy manifest/manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/,',
      '      then Insert → My Add-ins.',
      `Preview without Excel: ${base}/preview.html`,
    );
  }
  lines.push('Press Ctrl+C to stop.', '');
  process.stdout.write(lines.join('\n'));
});
