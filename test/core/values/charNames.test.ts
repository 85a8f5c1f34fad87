import { describeCharacters, detectedDirection } from '../../../src/core';

test('marks that look alike are named by code point and name, in both languages', () => {
  expect(describeCharacters('〇', 'ja')).toBe('〇 U+3007 漢数字のゼロ');
  expect(describeCharacters('○', 'ja')).toBe('○ U+25CB 白丸');
  expect(describeCharacters('〇', 'en')).toBe('〇 U+3007 ideographic number zero');
  expect(describeCharacters('◯', 'en')).toBe('◯ U+25EF large circle');
  // Unknown characters keep their code point; two characters are each described; longer text is quoted.
  expect(describeCharacters('☆', 'ja')).toBe('☆ U+2606');
  expect(describeCharacters('○ ', 'ja')).toBe('○ U+25CB 白丸 + U+0020 半角スペース');
  expect(describeCharacters('事業終了', 'ja')).toBe('「事業終了」');
  expect(describeCharacters('事業終了', 'en')).toBe('"事業終了"');
});

test('the direction an indicator gets without settings: from its name, else higher is better', () => {
  expect(detectedDirection('時間外勤務時間', ['時間外'])).toEqual({
    direction: 'lowerIsBetter',
    source: 'name',
  });
  expect(detectedDirection('利用者数', ['時間外'])).toEqual({
    direction: 'higherIsBetter',
    source: 'default',
  });
});
