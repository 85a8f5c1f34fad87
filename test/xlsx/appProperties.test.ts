/**
 * docProps/app.xml after sheets are added: listed after the worksheets, whatever language the group's
 * label is in, with named ranges after them kept; a part that does not add up is left as it was.
 */
import { withSheetsListed } from '../../src/xlsx/rollover/appProperties';

const app = (pairs: string, titles: string[]) =>
  `<?xml version="1.0"?><Properties xmlns:vt="v"><HeadingPairs><vt:vector size="4" baseType="variant">${pairs}</vt:vector></HeadingPairs>` +
  `<TitlesOfParts><vt:vector size="${titles.length}" baseType="lpstr">${titles.map((t) => `<vt:lpstr>${t}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts></Properties>`;
const pair = (label: string, n: number) =>
  `<vt:variant><vt:lpstr>${label}</vt:lpstr></vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant>`;

test('new sheets go after the worksheets (ワークシート), before the named ranges, counts raised', () => {
  const before = app(pair('ワークシート', 2) + pair('名前付き一覧', 1), [
    '計画',
    'R&amp;D',
    "'計画'!Print_Area",
  ]);
  expect(withSheetsListed(before, ['計画', 'R&D'], ['RP_集計', 'RP_<x>'])).toBe(
    app(pair('ワークシート', 4) + pair('名前付き一覧', 1), [
      '計画',
      'R&amp;D',
      'RP_集計',
      'RP_&lt;x&gt;',
      "'計画'!Print_Area",
    ]),
  );
});

test('a part whose counts do not add up, or no sheet added, is left as it was', () => {
  expect(withSheetsListed(app(pair('Worksheets', 3), ['a', 'b']), ['a', 'b'], ['RP_x'])).toBeNull();
  expect(withSheetsListed(app(pair('Worksheets', 2), ['a', 'b']), ['a', 'b'], [])).toBeNull();
  expect(withSheetsListed('<Properties/>', ['a'], ['RP_x'])).toBeNull();
  expect(withSheetsListed('<Properties><HeadingPairs><vt:vector', ['a'], ['RP_x'])).toBeNull();
});
