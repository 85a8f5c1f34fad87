#!/usr/bin/env node
'use strict';
/**
 * npm start: build the add-in and serve it on https://localhost:3000.
 * With Excel (Windows, macOS) it prints how to sideload; elsewhere, or with `npm start -- --preview`,
 * it points at the browser preview: the real task pane beside a workbook held in the browser.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { serve } = require('./serve.js');

const root = path.join(__dirname, '..');
const preview = process.argv.includes('--preview') || !['win32', 'darwin'].includes(process.platform);
const certDir = path.join(os.homedir(), '.office-addin-dev-certs');
const certFiles = ['localhost.crt', 'localhost.key'].map((f) => path.join(certDir, f));

function certificates() {
  if (!certFiles.every((f) => fs.existsSync(f))) {
    // It writes the certificates, then may fail to trust its CA without admin rights: we only need the files.
    spawnSync('npx', ['--yes', 'office-addin-dev-certs', 'install'], {
      stdio: 'ignore',
      shell: process.platform === 'win32',
    });
  }
  if (!certFiles.every((f) => fs.existsSync(f))) return null;
  const ca = path.join(certDir, 'ca.crt');
  return {
    cert: fs.readFileSync(certFiles[0]),
    key: fs.readFileSync(certFiles[1]),
    ...(fs.existsSync(ca) ? { ca: fs.readFileSync(ca) } : {}),
  };
}

const build = spawnSync('npx', ['webpack', '--mode', 'production'], {
  cwd: root,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const tls = certificates();
const scheme = tls ? 'https' : 'http';
serve(path.join(root, 'dist', 'web'), { port: 3000, host: 'localhost', tls }).then(() => {
  const base = `${scheme}://localhost:3000`;
  const lines = [''];
  if (!tls)
    lines.push(
      'No development certificate was found, so this serves plain HTTP (fine for the preview; Excel needs HTTPS).',
    );
  if (preview) {
    lines.push(
      `Preview (not Excel): ${base}/preview.html`,
      '  The real task pane beside the sample workbook kasama-r2.xlsx; open your own .xlsx from the bar at the top.',
    );
  } else {
    lines.push(
      `Add-in served at ${base}/taskpane.html`,
      'Sideload it in Excel:',
      '  npx office-addin-debugging start manifest/manifest.xml   (installs a tool that is not part of this project)',
      '  or: Windows — add a shared folder holding manifest/manifest.xml as a trusted catalog (Trust Center),',
      '      macOS — copy manifest/manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/,',
      '      then Insert → My Add-ins.',
      `Preview without Excel: ${base}/preview.html`,
    );
  }
  lines.push('Press Ctrl+C to stop.', '');
  process.stdout.write(lines.join('\n'));
});
