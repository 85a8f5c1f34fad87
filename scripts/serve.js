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

function serve(dir, { port = 0, host = '127.0.0.1', tls } = {}) {
  const root = path.resolve(dir);
  const handler = (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const file = path.normalize(
      path.join(root, decodeURIComponent(url.pathname === '/' ? '/preview.html' : url.pathname)),
    );
    if (!file.startsWith(path.resolve(root)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
      'cache-control': 'no-store',
    });
    fs.createReadStream(file).pipe(res);
  };
  const server = tls ? https.createServer(tls, handler) : http.createServer(handler);
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

module.exports = { serve };
