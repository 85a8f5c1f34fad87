/**
 * Just enough XML for editing package parts in place: a linear tag scanner (indexOf, no regular
 * expressions) and start-tag attributes; escaping is the reader's (package/xml). Everything the
 * editor does not touch is copied through as written.
 */
import { decodeXml, escapeXmlAttr } from '../package/xml';

export interface XmlTag {
  /** 'open' <a>, 'close' </a>, 'empty' <a/>, 'other' (comment, PI, CDATA, doctype). */
  readonly kind: 'open' | 'close' | 'empty' | 'other';
  readonly start: number;
  readonly end: number;
  /** The local name (without a prefix). */
  readonly local: string;
}

export class XmlError extends Error {}

/** Every tag of `xml` in order; text lies between them. Throws XmlError on a tag that never closes. */
export function* xmlTags(xml: string): Generator<XmlTag> {
  let i = xml.indexOf('<');
  while (i >= 0) {
    let end: number;
    let kind: XmlTag['kind'];
    if (xml.startsWith('<!--', i)) {
      end = xml.indexOf('-->', i + 4);
      if (end < 0) throw new XmlError('unclosed comment');
      end += 3;
      kind = 'other';
    } else if (xml.startsWith('<![CDATA[', i)) {
      end = xml.indexOf(']]>', i + 9);
      if (end < 0) throw new XmlError('unclosed CDATA');
      end += 3;
      kind = 'other';
    } else if (xml.startsWith('<?', i) || xml.startsWith('<!', i)) {
      end = xml.indexOf('>', i + 2);
      if (end < 0) throw new XmlError('unclosed declaration');
      end += 1;
      kind = 'other';
    } else {
      // A '>' inside a quoted attribute value does not end the tag.
      let j = i + 1;
      let quote = 0;
      for (; j < xml.length; j += 1) {
        const c = xml.charCodeAt(j);
        if (quote !== 0) {
          if (c === quote) quote = 0;
        } else if (c === 34 || c === 39) quote = c;
        else if (c === 62) break;
      }
      if (j >= xml.length) throw new XmlError('unclosed tag');
      end = j + 1;
      if (xml.charCodeAt(i + 1) === 47) kind = 'close';
      else kind = xml.charCodeAt(j - 1) === 47 ? 'empty' : 'open';
    }
    const nameStart = kind === 'close' ? i + 2 : i + 1;
    let nameEnd = nameStart;
    if (kind !== 'other') {
      while (nameEnd < end) {
        const c = xml.charCodeAt(nameEnd);
        if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62) break;
        nameEnd += 1;
      }
    }
    const name = xml.slice(nameStart, nameEnd);
    const colon = name.indexOf(':');
    yield { kind, start: i, end, local: colon >= 0 ? name.slice(colon + 1) : name };
    i = xml.indexOf('<', end);
  }
}

export interface StartTag {
  /** The qualified name as written. */
  readonly name: string;
  readonly attrs: [string, string][];
  readonly empty: boolean;
}

/** A start tag's name and attributes (values still escaped, as written). */
export function parseStartTag(tag: string): StartTag {
  const empty = tag.charCodeAt(tag.length - 2) === 47;
  const stop = tag.length - (empty ? 2 : 1);
  let i = 1;
  while (i < stop && !isSpace(tag.charCodeAt(i))) i += 1;
  const name = tag.slice(1, i);
  const attrs: [string, string][] = [];
  while (i < stop) {
    while (i < stop && isSpace(tag.charCodeAt(i))) i += 1;
    if (i >= stop) break;
    const eq = tag.indexOf('=', i);
    if (eq < 0 || eq >= stop) throw new XmlError('bad attribute');
    const key = tag.slice(i, eq).trim();
    let q = eq + 1;
    while (isSpace(tag.charCodeAt(q))) q += 1;
    const quote = tag[q];
    if (quote !== '"' && quote !== "'") throw new XmlError('bad attribute');
    const close = tag.indexOf(quote, q + 1);
    if (close < 0 || close > stop) throw new XmlError('bad attribute');
    attrs.push([key, tag.slice(q + 1, close)]);
    i = close + 1;
  }
  return { name, attrs, empty };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

export function writeStartTag(tag: StartTag): string {
  const attrs = tag.attrs.map(([k, v]) => ` ${k}="${v.split('"').join('&quot;')}"`).join('');
  return `<${tag.name}${attrs}${tag.empty ? '/>' : '>'}`;
}

export function attr(tag: StartTag, local: string): string | undefined {
  const found = tag.attrs.find(([k]) => k === local || k.endsWith(`:${local}`));
  return found ? decodeXml(found[1]) : undefined;
}

/** The tag with attribute `key` set (escaped here) or removed (undefined). */
export function withAttr(tag: StartTag, key: string, value: string | undefined): StartTag {
  const attrs = tag.attrs.filter(([k]) => k !== key);
  const index = tag.attrs.findIndex(([k]) => k === key);
  if (value !== undefined) attrs.splice(index < 0 ? attrs.length : index, 0, [key, escapeXmlAttr(value)]);
  return { ...tag, attrs };
}
