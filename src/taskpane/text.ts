import { formatMessage, type Lang, type MessageParams } from '../core';
import { paneMessages } from './messages';

export { describeError } from '../core';

export type PaneKey = keyof typeof paneMessages;
export type Translate = (key: PaneKey, params?: MessageParams) => string;

export function translator(lang: Lang): Translate {
  return (key, params = {}) => formatMessage(paneMessages[key], lang, params);
}
