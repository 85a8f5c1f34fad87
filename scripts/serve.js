'use strict';
/**
 * A small static server for dist/web on localhost (the browser tests and `npm start -- --preview`
 * without certificates use it). HTTPS when certificates are given.
 */
const fs = require('node:fs');
const http = require('node:http');
const https = require('node:https');
const path = require('node:path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain; charset=utf-8',
};

/** The page's own Content-Security-Policy (its meta element), sent as a header too. */
function pagePolicy(file) {
  const html = fs.readFileSync(file, 'utf8');
  const at = html.indexOf('http-equiv="Content-Security-Policy"');
  if (at < 0) return null;
  const start = html.indexOf('content="', at);
  const end = start < 0 ? -1 : html.indexOf('"', start + 9);
  return end < 0 ? null : html.slice(start + 9, end);
}

function refuse(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/**
 * The file a request names inside `root`, or null. Decoding errors are the caller's 400; a path that
 * leaves the folder (`/..%2fweb-private/…` decodes to a sibling folder whose name starts like ours) is
 * caught by comparing whole path segments, not string prefixes.
 */
function resolveInside(root, pathname) {
  const decoded = decodeURIComponent(pathname);
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, `.${path.sep}${decoded === '/' ? 'preview.html' : decoded}`);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

function serve(dir, { port = 0, host = '127.0.0.1', tls } = {}) {
  const root = path.resolve(dir);
  const handler = (req, res) => {
    let file;
    try {
      file = resolveInside(root, new URL(req.url, 'http://localhost').pathname);
    } catch {
      refuse(res, 400, 'bad request');
      return;
    }
    if (!file || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      refuse(res, 404, 'not found');
      return;
    }
    const headers = {
      'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    };
    if (path.extname(file) === '.html') {
      const policy = pagePolicy(file);
      if (policy) headers['content-security-policy'] = policy;
    }
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  };
  const server = tls ? https.createServer(tls, handler) : http.createServer(handler);
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

module.exports = { serve, resolveInside };
