/**
 * Names of the characters people confuse in mark cells (〇 and ○ look the same), so that a change
 * from one to the other can be shown as what it is: `〇 U+3007 漢数字のゼロ → ○ U+25CB 白丸`.
 */
import type { Lang } from '../messages/format';

const CHAR_NAMES: Readonly<Record<string, { readonly ja: string; readonly en: string }>> = {
  '\u3007': { ja: '漢数字のゼロ', en: 'ideographic number zero' },
  '\u25cb': { ja: '白丸', en: 'white circle' },
  '\u25ef': { ja: '大きな白丸', en: 'large circle' },
  '\u25cf': { ja: '黒丸', en: 'black circle' },
  '\u25ce': { ja: '二重丸', en: 'bullseye' },
  '\u25c9': { ja: '黒丸入り白丸', en: 'fisheye' },
  '\u25a1': { ja: '白四角', en: 'white square' },
  '\u25fb': { ja: '中くらいの白四角', en: 'white medium square' },
  '\u2610': { ja: 'チェックボックス', en: 'ballot box' },
  '\u2b1c': { ja: '大きな白四角', en: 'white large square' },
  '\u25a0': { ja: '黒四角', en: 'black square' },
  '\u25b2': { ja: '黒三角', en: 'black up-pointing triangle' },
  '\u25b4': { ja: '小さな黒三角', en: 'black up-pointing small triangle' },
  '\u25b3': { ja: '白三角', en: 'white up-pointing triangle' },
  '\u25c7': { ja: '白ひし形', en: 'white diamond' },
  '\u25c6': { ja: '黒ひし形', en: 'black diamond' },
  '\u00d7': { ja: '乗算記号', en: 'multiplication sign' },
  O: { ja: '英大文字のオー', en: 'Latin capital letter O' },
  o: { ja: '英小文字のオー', en: 'Latin small letter o' },
  '0': { ja: '数字のゼロ', en: 'digit zero' },
  '\uff2f': { ja: '全角英大文字のオー', en: 'fullwidth Latin capital letter O' },
  '\uff10': { ja: '全角数字のゼロ', en: 'fullwidth digit zero' },
  ' ': { ja: '半角スペース', en: 'space' },
  '\u3000': { ja: '全角スペース', en: 'ideographic space' },
};

/** Marks longer than this are shown as text (終了, 事業終了): their characters are not the point. */
const MAX_DESCRIBED = 2;

/**
 * `〇 U+3007 漢数字のゼロ` for a mark of one or two characters (each described, joined with ` + `);
 * longer text as it is, in quotes.
 */
export function describeCharacters(text: string, lang: Lang): string {
  const chars = [...text];
  if (chars.length === 0 || chars.length > MAX_DESCRIBED) return lang === 'ja' ? `「${text}」` : `"${text}"`;
  return chars
    .map((ch) => {
      const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      // A space shows as nothing: its code and name say it.
      const glyph = ch.trim() === '' ? [] : [ch];
      return [...glyph, code, ...(CHAR_NAMES[ch] ? [CHAR_NAMES[ch][lang]] : [])].join(' ');
    })
    .join(' + ');
}
