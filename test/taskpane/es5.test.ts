/**
 * What an old Excel can parse. Office 2016/2019 run add-ins in Internet Explorer 11 (ES5) or
 * EdgeHTML; the bundles need ES2020. So each page loads first a local script that parses as ES5
 * (src/boot/boot.js, which says "this Excel is too old" when the bundle did not start), and every
 * bundle, dependencies included, parses at the level the build claims (webpack.config.js
 * CLAIMED_TARGET). Reads the production build that `npm test` makes first.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'acorn';

const WEB = 'dist/web';
const CLAIMED = 2020;

function scripts(page: string): string[] {
  return [...readFileSync(join(WEB, page), 'utf8').matchAll(/<script[^>]*\bsrc="?([^"\s>]+)"?/g)].map(
    (m) => m[1]!,
  );
}

const parses = (file: string, ecmaVersion: 5 | 2020) => {
  try {
    parse(readFileSync(join(WEB, file), 'utf8'), { ecmaVersion, sourceType: 'script' });
    return 'ok';
  } catch (err) {
    return `${file}: ${(err as Error).message}`;
  }
};

test.each(['taskpane.html', 'commands.html'])('%s loads first a local script that parses as ES5', (page) => {
  const [first] = scripts(page);
  expect(first).toBe('boot.js');
  expect(parses(first!, 5)).toBe('ok');
});

test(`every bundle parses as ES${CLAIMED} (dependencies included), and none as ES5`, () => {
  const bundles = readdirSync(WEB).filter((f) => f.endsWith('.js') && f !== 'boot.js');
  expect(bundles.length).toBeGreaterThan(5);
  expect(bundles.map((f) => parses(f, CLAIMED)).filter((r) => r !== 'ok')).toEqual([]);
  // The check is real: the same parser refuses the bundles as ES5.
  expect(bundles.filter((f) => parses(f, 5) === 'ok')).toEqual([]);
});
