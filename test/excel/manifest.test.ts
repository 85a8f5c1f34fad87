/** The schema has no key/keyref: check here that every resid names a resource, and the URLs. */
import { existsSync, readFileSync } from 'node:fs';

const xml = readFileSync('manifest/manifest.xml', 'utf8');

test('every resid names a resource that exists', () => {
  const ids = new Set([...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
  const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]!);
  expect(used.length).toBeGreaterThan(10);
  for (const id of used) expect(ids).toContain(id);
});

test('URLs point at the dev server (the build rewrites them) and icons exist at 16, 32 and 80 px', () => {
  const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]!);
  expect(urls.length).toBeGreaterThan(5);
  for (const url of urls) expect(url.startsWith('https://localhost:3000/')).toBe(true);
  for (const size of [16, 32, 64, 80]) expect(existsSync(`assets/icon-${size}.png`)).toBe(true);
});

test('the ribbon has the two buttons, Japanese by default with English overrides', () => {
  expect(xml).toContain('<DefaultLocale>ja-JP</DefaultLocale>');
  expect(xml).toContain('<FunctionName>generateSummary</FunctionName>');
  expect(xml).toContain('DefaultValue="集計表を作成"');
  expect(xml).toContain('DefaultValue="進捗チェック"');
  expect(xml).toContain('<Permissions>ReadWriteDocument</Permissions>');
  expect([...xml.matchAll(/<bt:Override Locale="en-US"/g)].length).toBeGreaterThanOrEqual(7);
});

test('the manifest asks for ExcelApi 1.4, what reading a workbook needs (used ranges, settings, names)', () => {
  expect(xml).toContain('<Set Name="ExcelApi" MinVersion="1.4"/>');
});
