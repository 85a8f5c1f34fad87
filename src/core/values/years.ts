/**
 * Fiscal years. The canonical label follows the western fiscal year: 1989–2018 → H1…H30,
 * 2019 on → R1, R2, … (so 平成31年度 and 令和元年度, the same fiscal year, are both R1).
 */
import type { FiscalYear } from '../model';
import type { Lang } from '../messages/format';

const ERAS = [
  { letter: 'R', kanji: '令和', start: 2019 },
  { letter: 'H', kanji: '平成', start: 1989 },
  { letter: 'S', kanji: '昭和', start: 1926 },
] as const;

const MIN_YEAR = 1926;
const MAX_YEAR = 2099;

export function westernToFiscalYear(year: number): FiscalYear {
  const era = ERAS.find((e) => year >= e.start) ?? ERAS[ERAS.length - 1]!;
  return `${era.letter}${year - era.start + 1}`;
}

const westernCache = new Map<string, number>();
const WESTERN_CACHE_LIMIT = 4096;

export function fiscalYearToWestern(label: FiscalYear): number {
  // Called for every comparison while sorting and counting: labels are few, so remember them.
  const cached = westernCache.get(label);
  if (cached !== undefined) return cached;
  const match = /^([RHS])(\d{1,2})$/.exec(label);
  const western = match ? ERAS.find((e) => e.letter === match[1])!.start + Number(match[2]) - 1 : Number.NaN;
  if (westernCache.size < WESTERN_CACHE_LIMIT) westernCache.set(label, western);
  return western;
}

function fromEra(eraText: string, yearText: string): FiscalYear | null {
  const era = ERAS.find((e) => e.letter === eraText.toUpperCase() || e.kanji === eraText);
  if (!era) return null;
  const n = yearText === '元' ? 1 : Number(yearText);
  if (!Number.isInteger(n) || n < 1 || n > 99) return null;
  const western = era.start + n - 1;
  return western >= MIN_YEAR && western <= MAX_YEAR ? westernToFiscalYear(western) : null;
}

function fromWestern(text: string): FiscalYear | null {
  const n = Number(text);
  return n >= 1989 && n <= MAX_YEAR ? westernToFiscalYear(n) : null;
}

/** NFKC without spaces: full-width digits and letters become ASCII. */
function squeeze(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u3000]+/g, '');
}

const WHOLE_PATTERNS: ReadonlyArray<[RegExp, (m: RegExpExecArray) => FiscalYear | null]> = [
  [/^(令和|平成|昭和)(元|\d{1,2})(年度|年)?$/, (m) => fromEra(m[1]!, m[2]!)],
  [/^([RHSrhs])(元|\d{1,2})(年度|年)?$/, (m) => fromEra(m[1]!, m[2]!)],
  [/^(?:FY|fy)((?:19|20)\d{2})$/, (m) => fromWestern(m[1]!)],
  [/^((?:19|20)\d{2})(年度|年)?$/, (m) => fromWestern(m[1]!)],
];

/** The whole text as a fiscal year (`H30`, `令和元年度`, `R２`, `2020年度`, `FY2020`), else null. */
export function parseFiscalYear(s: string): FiscalYear | null {
  const t = squeeze(s);
  // By index, without destructuring: both run an iterator until the code is optimized.
  for (let i = 0; i < WHOLE_PATTERNS.length; i += 1) {
    const pattern = WHOLE_PATTERNS[i]!;
    const m = pattern[0].exec(t);
    if (m) return pattern[1](m);
  }
  return null;
}

const FIND_PATTERNS: ReadonlyArray<[RegExp, (m: RegExpExecArray) => FiscalYear | null]> = [
  [/(令和|平成|昭和)(元|\d{1,2})(?:年度|年)?/, (m) => fromEra(m[1]!, m[2]!)],
  [/(?:FY|fy)((?:19|20)\d{2})/, (m) => fromWestern(m[1]!)],
  [/(?:^|\D)((?:19|20)\d{2})(?:年度|年)/, (m) => fromWestern(m[1]!)],
  // A lone letter era: not inside a word (`No.12`, `HR2` are not years), not followed by more digits.
  // (No look-behind: older Safari web views in Excel for Mac cannot parse it.)
  [/(?:^|[^A-Za-z])([RHrh])(元|\d{1,2})(?!\d)(?![A-Za-z])/, (m) => fromEra(m[1]!, m[2]!)],
];

/** A fiscal year anywhere in a header text (`進捗状況H30`, `計画(R2)`, `令和3年度の取組計画`), else null. */
export function findFiscalYear(s: string): FiscalYear | null {
  const t = squeeze(s);
  for (let i = 0; i < FIND_PATTERNS.length; i += 1) {
    const pattern = FIND_PATTERNS[i]!;
    const m = pattern[0].exec(t);
    if (m) {
      const year = pattern[1](m);
      if (year) return year;
    }
  }
  return null;
}

export function compareFiscalYears(a: FiscalYear, b: FiscalYear): number {
  return fiscalYearToWestern(a) - fiscalYearToWestern(b);
}

export function nextFiscalYear(y: FiscalYear): FiscalYear {
  return westernToFiscalYear(fiscalYearToWestern(y) + 1);
}

export function previousFiscalYear(y: FiscalYear): FiscalYear {
  return westernToFiscalYear(fiscalYearToWestern(y) - 1);
}

/** ja long 令和2年度 (R1 → 令和元年度), en long FY2020 (R2); short is the label itself. */
export function formatFiscalYear(y: FiscalYear, lang: Lang, style: 'short' | 'long'): string {
  if (style === 'short') return y;
  const western = fiscalYearToWestern(y);
  if (Number.isNaN(western)) return y;
  if (lang === 'en') return `FY${western} (${y})`;
  const era = ERAS.find((e) => e.letter === y[0])!;
  const n = western - era.start + 1;
  return `${era.kanji}${n === 1 ? '元' : n}年度`;
}

/**
 * The same header text for another year, written the way the text writes years: `R2` → `R3`,
 * `令和2年度の取組計画` → `令和3年度の取組計画`, `計画(2020年度)` → `計画(2021年度)`,
 * `平成30年度` → `令和元年度` (the era changes with the year). Null when the text names no year.
 */
export function shiftYearInText(text: string, to: FiscalYear): string | null {
  const western = fiscalYearToWestern(to);
  if (Number.isNaN(western)) return null;
  const era = ERAS.find((e) => e.letter === to[0])!;
  const n = western - era.start + 1;
  const kanji = /(令和|平成|昭和)(元|\d{1,2}|[０-９]{1,2})(?=年|$|[^0-9０-９])/;
  if (kanji.test(text)) return text.replace(kanji, `${era.kanji}${n === 1 ? '元' : n}`);
  const fiscal = /(FY|fy)?((?:19|20)\d{2})(?=年|\)|）|$|\s)/;
  if (fiscal.test(text)) return text.replace(fiscal, (_, fy: string | undefined) => `${fy ?? ''}${western}`);
  const letter =
    /(^|[^A-Za-zＡ-Ｚａ-ｚ])([RHSrhsＲＨＳｒｈｓ])(元|[0-9０-９]{1,2})(?![0-9０-９])(?![A-Za-z])/;
  if (letter.test(text)) return text.replace(letter, (_, before: string) => `${before}${to}`);
  return null;
}
