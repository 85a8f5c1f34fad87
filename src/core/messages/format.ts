/** Languages of the user interface and of every message the tool prints. */
export type Lang = 'ja' | 'en';
export const LANGS: readonly Lang[] = ['ja', 'en'];

/**
 * A message in both languages; `{name}` placeholders are filled from params. A list param (an array)
 * is joined the way the language writes lists: `{name}` plainly (`A1、B2` / `A1, B2`), `{name:quoted}`
 * as quoted names (`「集計」「推移」` / `"集計", "推移"`), `{name:spaced}` with spaces (mark symbols,
 * `◎ ○ □`). Callers pass arrays, never pre-joined text.
 */
export interface Message {
  readonly ja: string;
  readonly en: string;
}

export type MessageParam = string | number | readonly string[];
export type MessageParams = Readonly<Record<string, MessageParam>>;

/** `alternatives`: names of one thing (grades sharing a role): 対象外・未評価 / not applicable / not evaluated. */
export type ListStyle = 'plain' | 'quoted' | 'spaced' | 'alternatives';

const LIST_STYLES: Readonly<Record<Lang, Record<ListStyle, (items: readonly string[]) => string>>> = {
  ja: {
    plain: (items) => items.join('、'),
    quoted: (items) => items.map((s) => `「${s}」`).join(''),
    spaced: (items) => items.join(' '),
    alternatives: (items) => items.join('・'),
  },
  en: {
    plain: (items) => items.join(', '),
    quoted: (items) => items.map((s) => `"${s}"`).join(', '),
    spaced: (items) => items.join(' '),
    alternatives: (items) => items.join(' / '),
  },
};

/** A list as the language writes it (see Message). */
export function formatList(items: readonly string[], lang: Lang, style: ListStyle = 'plain'): string {
  return LIST_STYLES[lang][style](items);
}

/**
 * `{name|item|items}`: the number with the word in its singular or plural form (`1 item`, `2 items`),
 * for English texts (Japanese has no plural: its texts write `{name}件`).
 */
const PLURAL = /\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g;
/** `{name}`, `{name:quoted}`, `{name:spaced}` (see Message). */
const PLACEHOLDER = /\{(\w+)(?::(quoted|spaced))?\}/g;

/** A message's text cut once into what it is made of (the catalogues' texts, never file content). */
type Piece =
  | string
  | { readonly name: string; readonly style: ListStyle }
  | { readonly name: string; readonly one: string; readonly many: string; readonly whole: string };

/**
 * The same as `toLocaleString('en-US')`, without making a formatter for every number; made on first
 * use (ICU's set-up costs milliseconds, and most runs format no plural).
 */
let enNumber: Intl.NumberFormat | undefined;
function formatEnglishNumber(value: number): string {
  enNumber ??= new Intl.NumberFormat('en-US');
  return enNumber.format(value);
}

/** A placeholder's pieces in text that holds no plural. */
function placeholderPieces(text: string, out: Piece[]): void {
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push({ name: m[1]!, style: (m[2] as ListStyle | undefined) ?? 'plain' });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
}

/**
 * Plurals first, then placeholders in the text between them: what a plural becomes (a number, a
 * space, a word without braces) can never complete a placeholder, so this is the same as filling
 * plurals in the whole text and then placeholders in the result.
 */
function compile(text: string): readonly Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  for (const m of text.matchAll(PLURAL)) {
    placeholderPieces(text.slice(last, m.index), pieces);
    pieces.push({ name: m[1]!, one: m[2]!, many: m[3]!, whole: m[0] });
    last = m.index + m[0].length;
  }
  placeholderPieces(text.slice(last), pieces);
  return pieces;
}

/** Each message's pieces, per language, cut on first use. */
const COMPILED = new WeakMap<Message, Partial<Record<Lang, readonly Piece[]>>>();

function piecesOf(message: Message, lang: Lang): readonly Piece[] {
  let byLang = COMPILED.get(message);
  if (!byLang) {
    byLang = {};
    COMPILED.set(message, byLang);
  }
  return (byLang[lang] ??= compile(message[lang]));
}

export function formatMessage(message: Message, lang: Lang, params: MessageParams = {}): string {
  const pieces = piecesOf(message, lang);
  let out = '';
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      out += piece;
      continue;
    }
    const value = params[piece.name];
    if ('whole' in piece) {
      out +=
        typeof value === 'number'
          ? `${formatEnglishNumber(value)} ${value === 1 ? piece.one : piece.many}`
          : piece.whole;
    } else if (value === undefined) {
      out += piece.style === 'plain' ? `{${piece.name}}` : `{${piece.name}:${piece.style}}`;
    } else if (typeof value === 'string' || typeof value === 'number') out += String(value);
    else out += formatList(value, lang, piece.style);
  }
  return out;
}

/**
 * A language tag or locale — Office's `ja-JP`/`en-US`, POSIX's `en_US.UTF-8` — to a supported
 * language: English when it says English, Japanese otherwise.
 */
export function langFromTag(tag: string | null | undefined): Lang {
  return tag && /^en(?![a-z])/i.test(tag) ? 'en' : 'ja';
}
