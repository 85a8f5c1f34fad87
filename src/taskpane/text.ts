import {
  formatMessage,
  hostErrorMessages,
  paneMessages,
  type Lang,
  type MessageParams,
} from '../core/messages';
import { HostError } from '../core/hostPort';

export type PaneKey = keyof typeof paneMessages;
export type Translate = (key: PaneKey, params?: MessageParams) => string;

export function translator(lang: Lang): Translate {
  return (key, params = {}) => formatMessage(paneMessages[key], lang, params);
}

/** Any failure as a sentence for the message bar: what happened and what to do. */
export function describeError(err: unknown, lang: Lang): string {
  if (err instanceof HostError)
    return formatMessage(hostErrorMessages[err.code], lang, { detail: err.message, ...err.detail });
  return formatMessage(hostErrorMessages.unknown, lang, {
    detail: err instanceof Error ? err.message : String(err),
  });
}
