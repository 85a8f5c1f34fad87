/**
 * Just enough XML for editing package parts in place: a linear tag scanner (indexOf, no regular
 * expressions), start-tag attributes, and entity escaping. Everything the editor does not touch is
 * copied through as written.
 */

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
  return found ? unescapeXml(found[1]) : undefined;
}

/** The tag with attribute `key` set (escaped here) or removed (undefined). */
export function withAttr(tag: StartTag, key: string, value: string | undefined): StartTag {
  const attrs = tag.attrs.filter(([k]) => k !== key);
  const index = tag.attrs.findIndex(([k]) => k === key);
  if (value !== undefined) attrs.splice(index < 0 ? attrs.length : index, 0, [key, escapeXml(value)]);
  return { ...tag, attrs };
}

export function escapeXml(text: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    // Quotes are escaped where an attribute is written (writeStartTag), not in text.
    const rep = c === 38 ? '&amp;' : c === 60 ? '&lt;' : c === 62 ? '&gt;' : null;
    if (rep) {
      out += text.slice(last, i) + rep;
      last = i + 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  if (!text.includes('&')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const amp = text.indexOf('&', i);
    if (amp < 0) break;
    const semi = text.indexOf(';', amp);
    if (semi < 0 || semi - amp > 10) {
      out += text.slice(i, amp + 1);
      i = amp + 1;
      continue;
    }
    const entity = text.slice(amp + 1, semi);
    let rep: string | undefined = NAMED[entity];
    if (rep === undefined && entity.startsWith('#')) {
      const code = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      if (Number.isFinite(code) && code >= 0 && code <= 0x10ffff) rep = String.fromCodePoint(code);
    }
    out += text.slice(i, amp) + (rep ?? text.slice(amp, semi + 1));
    i = semi + 1;
  }
  return out + text.slice(i);
}
