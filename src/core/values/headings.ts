/**
 * Heading rows above plan tables: `1. 効率的な行政運営` (basic policy) and `(1) 人材育成…` (measure),
 * in half- or full-width forms, and cells of 基本方針 / 施策 columns that carry such a number.
 */
import { cleanText } from './text';

export interface Heading {
  readonly level: 'policy' | 'measure';
  readonly no: number | null;
  readonly title: string;
}

const MAX_TITLE = 60;

const PATTERNS: ReadonlyArray<readonly [RegExp, Heading['level']]> = [
  [/^\((\d{1,2})\)\s*(.+)$/, 'measure'],
  [/^施策\s*(\d{1,2})\s*[.:、]?\s*(.+)$/, 'measure'],
  [/^(\d{1,2})\s*[.、]\s*(.+)$/, 'policy'],
  [/^(\d{1,2})\s+(.+)$/, 'policy'],
  [/^基本方針\s*(\d{1,2})\s*[.:、]?\s*(.+)$/, 'policy'],
];

export function parseHeading(s: string): Heading | null {
  const text = cleanText(s);
  if (text === '' || text.length > MAX_TITLE + 8 || text.includes('\n')) return null;
  // NFKC turns ⑴ into (1), １． into 1. and （１） into (1).
  const t = text.normalize('NFKC').replace(/[\s\u3000]+/g, ' ');
  for (let i = 0; i < PATTERNS.length; i += 1) {
    // No destructuring either: it runs the array's iterator.
    const pattern = PATTERNS[i]!;
    const m = pattern[0].exec(t);
    if (!m) continue;
    const title = cleanText(m[2]!);
    if (title === '' || title.length > MAX_TITLE || /^[\d.()]+$/.test(title)) return null;
    return { level: pattern[1], no: Number(m[1]), title };
  }
  return null;
}

/** A 基本方針 / 施策 cell: `1. 効率的な行政運営` → {no: 1, title}; a plain title → {no: null, title}. */
export function stripHeadingNumber(s: string): { no: number | null; title: string } {
  const text = cleanText(s);
  const heading = parseHeading(text);
  return heading ? { no: heading.no, title: heading.title } : { no: null, title: text };
}
