/**
 * scripts/serve.js, the static server of the preview and the browser tests: bad escapes are a 400,
 * never a crash; paths stay inside the served folder even when a sibling folder's name starts like it;
 * pages carry their Content-Security-Policy as a header too.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { tmpDir } from '../helpers/buildWorkbook';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serve } = require('../../scripts/serve.js') as {
  serve: (dir: string, options?: { port?: number }) => Promise<Server>;
};

/** A raw GET, the path sent exactly as written (no client-side normalising). */
function get(
  server: Server,
  path: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serve.js', () => {
  const base = tmpDir('rp-serve-');
  const web = join(base, 'web');
  mkdirSync(web);
  mkdirSync(join(base, 'web-private'));
  writeFileSync(join(base, 'web-private', 'secret.txt'), 'secret');
  writeFileSync(join(base, 'secret.txt'), 'secret');
  writeFileSync(
    join(web, 'preview.html'),
    '<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'; object-src \'none\'" /></head></html>',
  );
  writeFileSync(join(web, 'app.js'), '1');
  let server: Server;
  beforeAll(async () => {
    server = await serve(web);
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  test('a malformed escape is a 400 and the server keeps serving', async () => {
    expect((await get(server, '/%E0%A4%A')).status).toBe(400);
    expect((await get(server, '/%')).status).toBe(400);
    expect((await get(server, '/app.js')).status).toBe(200);
  });

  test('nothing outside the folder: a sibling folder with a similar name, parents, NUL', async () => {
    for (const path of [
      '/..%2fweb-private/secret.txt',
      '/..%2Fweb-private%2Fsecret.txt',
      '/%2e%2e/web-private/secret.txt',
      '/..%5cweb-private%5csecret.txt',
      '/..%2fsecret.txt',
      '/app.js%00.html',
    ]) {
      const res = await get(server, path);
      expect({ path, status: res.status, leaked: res.body.includes('secret') }).toEqual({
        path,
        status: 404,
        leaked: false,
      });
    }
  });

  test('pages send their Content-Security-Policy as a header, the same as their meta element', async () => {
    const page = await get(server, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe("default-src 'self'; object-src 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });
});
