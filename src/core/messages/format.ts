/** Languages of the user interface and of every message the tool prints. */
export type Lang = 'ja' | 'en';
export const LANGS: readonly Lang[] = ['ja', 'en'];

/** A message in both languages; `{name}` placeholders are filled from params. */
export interface Message {
  readonly ja: string;
  readonly en: string;
}

export type MessageParams = Readonly<Record<string, string | number>>;

export function formatMessage(message: Message, lang: Lang, params: MessageParams = {}): string {
  return message[lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** `ja-JP`, `en-US`, … to a supported language (Japanese unless the tag says English). */
export function langFromTag(tag: string | null | undefined): Lang {
  return tag && /^en\b/i.test(tag) ? 'en' : 'ja';
}
