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
function withPlurals(text: string, params: MessageParams): string {
  return text.replace(
    /\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g,
    (whole, name: string, one: string, many: string) => {
      const value = params[name];
      if (typeof value !== 'number') return whole;
      return `${value.toLocaleString('en-US')} ${value === 1 ? one : many}`;
    },
  );
}

export function formatMessage(message: Message, lang: Lang, params: MessageParams = {}): string {
  return withPlurals(message[lang], params).replace(
    /\{(\w+)(?::(quoted|spaced))?\}/g,
    (whole, name: string, style?: ListStyle) => {
      const value = params[name];
      if (value === undefined) return whole;
      if (typeof value === 'string' || typeof value === 'number') return String(value);
      return formatList(value, lang, style ?? 'plain');
    },
  );
}

/**
 * A language tag or locale — Office's `ja-JP`/`en-US`, POSIX's `en_US.UTF-8` — to a supported
 * language: English when it says English, Japanese otherwise.
 */
export function langFromTag(tag: string | null | undefined): Lang {
  return tag && /^en(?![a-z])/i.test(tag) ? 'en' : 'ja';
}
