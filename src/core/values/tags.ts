import { cleanText } from './text';

const PRIORITY_RE = /[【[〔［(（]\s*重点\s*[】\]〕］)）]/g;

/** 【重点】 anywhere in an item's name marks a priority item; the tag is not part of the name. */
export function stripItemTags(name: string): { name: string; priority: boolean } {
  // The tag always has 重点 in it: without it, no regular expression to run.
  if (!name.includes('重点')) return { name: cleanText(name), priority: false };
  // One pass: a tag found is taken out, and a tag is never empty, so the text is shorter exactly when
  // there was one (replace starts from 0 and leaves lastIndex at 0 with a global pattern).
  const stripped = name.replace(PRIORITY_RE, '');
  return { name: cleanText(stripped), priority: stripped.length !== name.length };
}

/** A leading ☆ (or ★) marks a key indicator. */
export function stripIndicatorTags(name: string): { name: string; key: boolean } {
  const text = cleanText(name);
  const m = /^[☆★]+/.exec(text);
  return m ? { name: cleanText(text.slice(m[0].length)), key: true } : { name: text, key: false };
}
