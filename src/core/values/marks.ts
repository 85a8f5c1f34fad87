/**
 * Status marks against the configured vocabulary (◎ ○ □ ▲ 終了 by default; S/A/B/C elsewhere).
 */
import type { CellValue } from '../grid';
import type { MarkKey } from '../model';
import type { MarkSymbol } from '../settings';
import { cellText, isDashOnly, mayBeSpace } from './text';

export type MarkParse =
  | { readonly kind: 'blank' }
  | { readonly kind: 'notApplicable'; readonly raw: string }
  | {
      readonly kind: 'mark';
      readonly key: MarkKey;
      readonly symbol: string;
      readonly variant: boolean;
      readonly raw: string;
    }
  | { readonly kind: 'unknown'; readonly raw: string; readonly suggestion: string | null };

/** Near misses people type, and the category they most likely meant. */
const LIKELY: ReadonlyArray<readonly [RegExp, MarkKey]> = [
  [/^[△▽∆]$/, 'behind'],
  [/^(済|完了|終|終了済|事業終了済|廃止)$/, 'ended'],
  [/^[oOｏＯ0０]$/, 'onPlan'],
  [/^[◯〇○]{2,}$/, 'onPlan'],
  [/^[◎◉]{2,}$/, 'ahead'],
  [/^[■]$/, 'nearlyOnPlan'],
];

/** The symbol of a role in the scale: `◎`; `D・E・F` where several grades share it (A–F's behind). */
export function markSymbol(key: MarkKey, vocabulary: readonly MarkSymbol[]): string {
  const symbols = vocabulary.filter((m) => m.key === key).map((m) => m.symbol);
  return symbols.length > 0 ? symbols.join('・') : key;
}

/** The roles a scale has, in summary order (kasama: the five; status: ended, onPlan, behind, …). */
export function rolesOf(vocabulary: readonly MarkSymbol[]): MarkKey[] {
  const order: readonly MarkKey[] = ['ahead', 'onPlan', 'nearlyOnPlan', 'behind', 'ended', 'notEvaluated'];
  return order.filter((key) => vocabulary.some((m) => m.key === key));
}

const EDGES = /^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g;

/** Trimmed of spaces (\s, U+3000, NBSP); the regular expression only for the few cells that have any. */
function trimSpaces(text: string): string {
  return text !== '' && (mayBeSpace(text.charCodeAt(0)) || mayBeSpace(text.charCodeAt(text.length - 1)))
    ? text.replace(EDGES, '')
    : text;
}

/**
 * Two different marks in one cell (`○□`, `○/□`) are unknown with no suggestion: which one was meant
 * is the owner's call, not ours.
 */
export function parseMark(value: CellValue, vocabulary: readonly MarkSymbol[]): MarkParse {
  const raw = trimSpaces(cellText(value));
  if (raw === '') return { kind: 'blank' };
  for (const entry of vocabulary) {
    if (raw === entry.symbol)
      return { kind: 'mark', key: entry.key, symbol: entry.symbol, variant: false, raw };
  }
  if (typeof value === 'string' && isDashOnly(raw)) return { kind: 'notApplicable', raw };
  const squeezed = raw.replace(/[\s\u3000\u00a0]+/g, '');
  for (const entry of vocabulary) {
    if (squeezed === entry.symbol || entry.variants.includes(squeezed)) {
      return { kind: 'mark', key: entry.key, symbol: entry.symbol, variant: true, raw };
    }
  }
  const likely =
    typeof value === 'string'
      ? LIKELY.find(([re]) => re.test(squeezed.normalize('NFKC')) || re.test(squeezed))
      : undefined;
  const suggestion = likely ? (vocabulary.find((m) => m.key === likely[1])?.symbol ?? null) : null;
  return { kind: 'unknown', raw, suggestion };
}
