#!/usr/bin/env node
'use strict';
/**
 * The npm registry reachable from our build machines serves only linux-x64 builds of packages with
 * per-platform binaries (@swc/core-*, @unrs/resolver-binding-*), so `npm install` here leaves the
 * other platforms' optional packages out of package-lock.json, and `npm ci` then refuses the lock
 * file as out of sync. This adds the missing optional entries with their os/cpu (read from the
 * package name), so `npm ci` skips them on Linux and installs them by version elsewhere.
 * Run after any `npm install` that changes package-lock.json: node scripts/complete-lockfile.js
 */
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

const OS = [
  'darwin',
  'linux',
  'win32',
  'freebsd',
  'android',
  'openbsd',
  'sunos',
  'aix',
  'netbsd',
  'openharmony',
];
const CPU = {
  x64: 'x64',
  arm64: 'arm64',
  arm: 'arm',
  ia32: 'ia32',
  ppc64: 'ppc64',
  s390x: 's390x',
  riscv64: 'riscv64',
  loong64: 'loong64',
  wasm32: 'wasm32',
  universal: null,
};

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OS.includes(p)) ?? null;
  const cpuToken = parts.find((p) => p in CPU);
  const cpu = cpuToken ? CPU[cpuToken] : null;
  const libc = parts.includes('musl')
    ? 'musl'
    : parts.includes('gnu') || parts.includes('gnueabihf')
      ? 'glibc'
      : null;
  return { os, cpu, libc };
}

let added = 0;
for (const [key, entry] of Object.entries(packages)) {
  if (!entry.optionalDependencies) continue;
  const base = key === '' ? '' : `${key}/`;
  for (const [dep, version] of Object.entries(entry.optionalDependencies)) {
    const candidates = [`${base}node_modules/${dep}`, `node_modules/${dep}`];
    if (candidates.some((c) => packages[c])) continue;
    const { os, cpu, libc } = platformOf(dep);
    if (!os && cpu !== 'wasm32') continue; // not a per-platform binary: leave npm's decision alone
    const stub = { version: version.replace(/^[\^~]/, ''), optional: true };
    if (cpu) stub.cpu = [cpu];
    if (os) stub.os = [os];
    if (libc) stub.libc = [libc];
    packages[`node_modules/${dep}`] = stub;
    added += 1;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)),
);
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`complete-lockfile: added ${added} optional platform entries\n`);
