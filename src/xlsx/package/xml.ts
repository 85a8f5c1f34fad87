/**
 * A linear-time, streaming XML tokenizer for the parts of an .xlsx package. Text is pushed in as it is
 * inflated; `next()` gives one token at a time (open tag, close tag, text) or says it needs more input.
 * Every search is an indexOf from a position that only moves forward (positions found are remembered
 * until more input arrives), so the work is linear in the input whatever the input: no regular
 * expression ever runs on file content. A token longer than `maxToken` characters (an unclosed tag,
 * a runaway text) is refused as damaged, so an incomplete token is never rescanned more than a bounded
 * number of times. DOCTYPE is refused (OPC forbids it; it is how entity bombs start).
 *
 * The raw text of each token and its offset in the whole stream are available, so that a writer can
 * copy a part through and change only what it means to. No Node imports.
 */

/** `other`: a processing instruction or a comment, kept only so that a rewriter can copy it through. */
export type XmlToken = 'open' | 'close' | 'text' | 'other' | 'need' | 'end';

export class XmlError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'XmlError';
  }
}

/** Longest token accepted, in characters (Excel's longest cell text is 32,767). */
export const MAX_TOKEN = 1 << 20;

const LT = 60; // <
const SLASH = 47; // /
const BANG = 33; // !
const QUESTION = 63; // ?
const GT = 62; // >
const EQ = 61; // =
const DQ = 34; // "
const SQ = 39; // '

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Tag names remembered (see setName). */
const RECENT_NAMES = 16;

/** A printable ASCII character other than a space: a name's first or last needs no trimming. */
function isNameEdge(c: number): boolean {
  return c > 32 && c < 127;
}

export class XmlScanner {
  private buf = '';
  private pos = 0;
  /** Characters dropped from the front of `buf` so far (for stream offsets). */
  private dropped = 0;
  private ended = false;
  // Next occurrence at or after the last search position; -1: none in `buf` (valid until more input).
  private nextGt = -2;
  private nextDq = -2;
  private nextSq = -2;
  private tokenStart = 0;
  private tokenEnd = 0;
  private nameEnd = 0;
  private offsets: Int32Array = new Int32Array(64);
  /** Attributes of the current tag parsed into `offsets`; -1 until asked for. */
  private attrCount = -1;
  private readonly recentNames: string[] = [];
  private readonly recentLocals: string[] = [];
  private nextSlot = 0;

  /** The current tag's name as written (with its prefix, if any). */
  qname = '';
  /** The current tag's name without its namespace prefix (`x:row` → `row`). */
  local = '';
  /** `<tag/>`: no close token follows. */
  selfClosing = false;
  /** The current text token, entities decoded (CDATA as is). */
  text = '';
  /** True when the current text token came from a CDATA section. */
  cdata = false;
  /** Loop iterations so far: linear in the input (tests check it). */
  steps = 0;

  constructor(private readonly maxToken: number = MAX_TOKEN) {}

  /** More input. */
  push(chunk: string): void {
    if (this.pos > 0) {
      this.dropped += this.pos;
      this.buf = this.buf.slice(this.pos) + chunk;
      this.pos = 0;
    } else this.buf += chunk;
    this.nextGt = this.nextDq = this.nextSq = -2;
  }

  /** No more input: what is left must be complete. */
  end(): void {
    this.ended = true;
  }

  /** Offset in the whole stream of the current token's first and one-past-last character. */
  get start(): number {
    return this.dropped + this.tokenStart;
  }
  get stop(): number {
    return this.dropped + this.tokenEnd;
  }

  /**
   * Right after a `<c …>` open tag: when the input goes on with `<v>TEXT</v></c>` (a plain cell as Excel
   * writes it), takes those four tokens at once and returns TEXT decoded (`''` for `<v></v>`); else
   * returns null and takes nothing, and the tokens come one by one as usual. It looks no further than
   * the next `<`, which reading them one by one would look for too.
   */
  takePlainCellValue(): string | null {
    const buf = this.buf;
    const pos = this.pos;
    if (!buf.startsWith('<v>', pos)) return null;
    const lt = buf.indexOf('<', pos + 3);
    if (lt < 0 || !buf.startsWith('</v></c>', lt)) return null;
    this.steps += 1;
    this.tokenStart = lt + 4;
    this.tokenEnd = lt + 8;
    this.pos = lt + 8;
    return lt === pos + 3 ? '' : decodeXml(buf.slice(pos + 3, lt));
  }

  /**
   * Between cells of a worksheet: when the input goes on with a whole cell as Excel writes it,
   * `<c r="B2" s="3" t="s"><v>TEXT</v></c>` or `<c r="B2"/>` (no prefix, no formula, each attribute
   * `name="value"`), notes where its `r`, `s` and `t` values and its TEXT lie (`cell…` fields, -1 when
   * absent; TEXT as written, not decoded) and returns true without taking it: `takePeeked()` takes
   * it, or nothing is taken and the tokens come one by one as usual. It looks no further than the
   * cell's end, which reading its tokens one by one would look for too.
   */
  peekCell(): boolean {
    const buf = this.buf;
    const pos = this.pos;
    if (
      buf.charCodeAt(pos) !== LT ||
      buf.charCodeAt(pos + 1) !== 99 /* c */ ||
      buf.charCodeAt(pos + 2) !== 32
    )
      return false;
    let i = this.peekCellAttributes(pos + 3);
    if (i < 0) i = this.peekAttributes(pos + 3);
    if (i < 0) return false;
    let valueStart = -1;
    let valueEnd = -1;
    if (!this.peekedSelfClosing) {
      if (buf.charCodeAt(i) !== LT || buf.charCodeAt(i + 1) !== 118 /* v */ || buf.charCodeAt(i + 2) !== GT)
        return false;
      // A character loop, not indexOf: a value is a few characters, and the call costs more.
      const len = buf.length;
      let lt = i + 3;
      while (lt < len && buf.charCodeAt(lt) !== LT) lt += 1;
      if (lt >= len || !buf.startsWith('</v></c>', lt)) return false;
      valueStart = i + 3;
      valueEnd = lt;
      i = lt + 8;
    }
    this.cellValueStart = valueStart;
    this.cellValueEnd = valueEnd;
    this.peekedEnd = i;
    return true;
  }

  /**
   * Like peekCell for a whole `<row …>` open tag (or `<row …/>`, `peekedSelfClosing`): its `r` value
   * in `cellRef…`.
   */
  peekRow(): boolean {
    const buf = this.buf;
    const pos = this.pos;
    if (!buf.startsWith('<row', pos)) return false;
    const after = buf.charCodeAt(pos + 4);
    if (!isSpace(after) && after !== GT && after !== SLASH) return false;
    const end = this.peekAttributes(pos + 4);
    if (end < 0) return false;
    this.peekedEnd = end;
    return true;
  }

  /** When the input goes on with `</row>`: takes it (a row's end, which a sheet's reader needs not see). */
  takeRowEnd(): boolean {
    if (!this.buf.startsWith('</row>', this.pos)) return false;
    this.steps += 1;
    this.tokenStart = this.pos;
    this.pos = this.tokenEnd = this.pos + 6;
    return true;
  }

  /**
   * A cell's attributes as Excel writes them, `r="…"`, then ` s="…"`, then ` t="…"` (the last two
   * optional), then `>` or `/>`, read without looking at names: the same spans peekAttributes finds
   * there (it is the only form these spans can come from), in a fraction of its time on a sheet of a
   * million cells. Anything else is -1, and peekAttributes reads it.
   */
  private peekCellAttributes(from: number): number {
    const buf = this.buf;
    const len = buf.length;
    if (
      buf.charCodeAt(from) !== 114 /* r */ ||
      buf.charCodeAt(from + 1) !== EQ ||
      buf.charCodeAt(from + 2) !== DQ
    )
      return -1;
    let close = from + 3;
    while (close < len && buf.charCodeAt(close) !== DQ) close += 1;
    if (close >= len) return -1;
    const refStart = from + 3;
    const refEnd = close;
    let i = close + 1;
    let styleStart = -1;
    const styleEnd = this.valueEndAfter(i, 115 /* s */);
    if (styleEnd >= 0) {
      styleStart = i + 4;
      i = styleEnd + 1;
    }
    let typeStart = -1;
    const typeEnd = this.valueEndAfter(i, 116 /* t */);
    if (typeEnd >= 0) {
      typeStart = i + 4;
      i = typeEnd + 1;
    }
    const c = buf.charCodeAt(i);
    if (c === GT) {
      this.peekedSelfClosing = false;
      i += 1;
    } else if (c === SLASH && buf.charCodeAt(i + 1) === GT) {
      this.peekedSelfClosing = true;
      i += 2;
    } else return -1;
    this.steps += 1;
    this.cellRefStart = refStart;
    this.cellRefEnd = refEnd;
    this.cellStyleStart = styleStart;
    this.cellStyleEnd = styleEnd;
    this.cellTypeStart = typeStart;
    this.cellTypeEnd = typeEnd;
    return i;
  }

  /**
   * Where the value of ` n="…"` at buf[i] ends (its closing quote), for a one-letter name `n`; -1 when
   * the text there is not that, or the value never closes (then the tag is not in the shortcut's form).
   */
  private valueEndAfter(i: number, name: number): number {
    const buf = this.buf;
    if (
      buf.charCodeAt(i) !== 32 ||
      buf.charCodeAt(i + 1) !== name ||
      buf.charCodeAt(i + 2) !== EQ ||
      buf.charCodeAt(i + 3) !== DQ
    )
      return -1;
    const len = buf.length;
    let close = i + 4;
    while (close < len && buf.charCodeAt(close) !== DQ) close += 1;
    return close < len ? close : -1;
  }

  /**
   * The attributes of an open tag from buf[i] to its `>` or `/>`, each `name="value"` or
   * `name='value'` (anything else: -1, and the tokens are read one by one): the `r`, `s` and `t` values'
   * spans noted in `cell…` (the first of a repeated attribute, as `attr` finds it). Returns the index
   * after the tag, or -1.
   */
  private peekAttributes(i: number): number {
    const buf = this.buf;
    const len = buf.length;
    this.steps += 1;
    let refStart = -1;
    let refEnd = -1;
    let styleStart = -1;
    let styleEnd = -1;
    let typeStart = -1;
    let typeEnd = -1;
    for (;;) {
      while (i < len && isSpace(buf.charCodeAt(i))) i += 1;
      if (i >= len) return -1;
      const c = buf.charCodeAt(i);
      if (c === GT) {
        this.peekedSelfClosing = false;
        i += 1;
        break;
      }
      if (c === SLASH) {
        if (buf.charCodeAt(i + 1) !== GT) return -1;
        this.peekedSelfClosing = true;
        i += 2;
        break;
      }
      const nameStart = i;
      for (; i < len; i += 1) {
        const n = buf.charCodeAt(i);
        if (n === EQ) break;
        // A space or control character, or markup: not the plain form (the tokens read it).
        if (n <= 32 || n === GT || n === SLASH || n === LT || n === DQ || n === SQ) return -1;
      }
      if (i >= len || i === nameStart) return -1;
      const quote = buf.charCodeAt(i + 1);
      if (quote !== DQ && quote !== SQ) return -1;
      // Character loops, not indexOf: names and values are a few characters, and the call costs more.
      let close = i + 2;
      while (close < len && buf.charCodeAt(close) !== quote) close += 1;
      if (close >= len) return -1;
      if (i - nameStart === 1) {
        const n = buf.charCodeAt(nameStart);
        if (n === 114 /* r */ && refStart < 0) {
          refStart = i + 2;
          refEnd = close;
        } else if (n === 115 /* s */ && styleStart < 0) {
          styleStart = i + 2;
          styleEnd = close;
        } else if (n === 116 /* t */ && typeStart < 0) {
          typeStart = i + 2;
          typeEnd = close;
        }
      }
      i = close + 1;
    }
    this.cellRefStart = refStart;
    this.cellRefEnd = refEnd;
    this.cellStyleStart = styleStart;
    this.cellStyleEnd = styleEnd;
    this.cellTypeStart = typeStart;
    this.cellTypeEnd = typeEnd;
    return i;
  }

  /** Takes the cell or row that `peekCell` or `peekRow` found. */
  takePeeked(): void {
    this.tokenStart = this.pos;
    this.tokenEnd = this.peekedEnd;
    this.pos = this.peekedEnd;
  }

  // Where the cell or row found by peekCell or peekRow lies in `source` (-1: absent).
  cellRefStart = -1;
  cellRefEnd = -1;
  cellStyleStart = -1;
  cellStyleEnd = -1;
  cellTypeStart = -1;
  cellTypeEnd = -1;
  cellValueStart = -1;
  cellValueEnd = -1;
  peekedSelfClosing = false;
  private peekedEnd = 0;

  /** The current token as written in the file. */
  raw(): string {
    return this.buf.slice(this.tokenStart, this.tokenEnd);
  }

  private findGt(from: number): number {
    const cached = this.nextGt;
    if (cached === -1 || cached >= from) return cached;
    return (this.nextGt = this.buf.indexOf('>', from));
  }

  private findDq(from: number): number {
    const cached = this.nextDq;
    if (cached === -1 || cached >= from) return cached;
    return (this.nextDq = this.buf.indexOf('"', from));
  }

  private findSq(from: number): number {
    const cached = this.nextSq;
    if (cached === -1 || cached >= from) return cached;
    return (this.nextSq = this.buf.indexOf("'", from));
  }

  private needMore(): XmlToken {
    if (this.ended) throw new XmlError('unexpected end of the part inside a tag');
    if (this.buf.length - this.pos > this.maxToken)
      throw new XmlError(`a token longer than ${this.maxToken} characters`);
    return 'need';
  }

  /** The next token, 'need' when more input is required first, 'end' after the last one. */
  next(): XmlToken {
    for (;;) {
      this.steps += 1;
      const buf = this.buf;
      const pos = this.pos;
      if (pos >= buf.length) return this.ended ? 'end' : 'need';
      if (buf.charCodeAt(pos) !== LT) {
        let lt = buf.indexOf('<', pos);
        if (lt < 0) {
          if (!this.ended) return this.needMore();
          lt = buf.length;
        }
        this.tokenStart = pos;
        this.tokenEnd = lt;
        this.text = decodeXml(buf.slice(pos, lt));
        this.cdata = false;
        this.pos = lt;
        return 'text';
      }
      const second = buf.charCodeAt(pos + 1);
      if (Number.isNaN(second)) return this.needMore();
      if (second === SLASH) {
        const gt = this.findGt(pos);
        if (gt < 0) return this.needMore();
        if (gt > pos + 2 && isNameEdge(buf.charCodeAt(pos + 2)) && isNameEdge(buf.charCodeAt(gt - 1)))
          this.setName(buf, pos + 2, gt);
        else {
          this.qname = buf.slice(pos + 2, gt).trim();
          this.local = localName(this.qname);
        }
        this.tokenStart = pos;
        this.tokenEnd = gt + 1;
        this.pos = gt + 1;
        return 'close';
      }
      if (second === QUESTION) {
        const end = buf.indexOf('?>', pos + 2);
        if (end < 0) return this.needMore();
        this.tokenStart = pos;
        this.tokenEnd = end + 2;
        this.pos = end + 2;
        return 'other';
      }
      if (second === BANG) {
        if (buf.length - pos < 9 && !this.ended) return this.needMore();
        if (buf.startsWith('<!--', pos)) {
          const end = buf.indexOf('-->', pos + 4);
          if (end < 0) return this.needMore();
          this.tokenStart = pos;
          this.tokenEnd = end + 3;
          this.pos = end + 3;
          return 'other';
        }
        if (buf.startsWith('<![CDATA[', pos)) {
          const end = buf.indexOf(']]>', pos + 9);
          if (end < 0) return this.needMore();
          this.tokenStart = pos;
          this.tokenEnd = end + 3;
          this.text = buf.slice(pos + 9, end);
          this.cdata = true;
          this.pos = end + 3;
          return 'text';
        }
        throw new XmlError('DOCTYPE or unknown markup declaration');
      }
      return this.openTag(buf, pos);
    }
  }

  /**
   * An open tag read in one forward pass, its attributes noted as they go by (what parseAttrs would
   * find): the common case, every tag Excel writes. Anything unusual (a stray `/`, an attribute without
   * `=` or quotes) returns false and the tag is read by `openTagLenient`, whose lazy attribute parsing
   * reports it only if an attribute is asked for.
   */
  private openTagFast(buf: string, pos: number): boolean | 'need' {
    const len = buf.length;
    let i = pos + 1;
    for (; i < len; i += 1) {
      const c = buf.charCodeAt(i);
      if (c === GT || c === SLASH || isSpace(c)) break;
    }
    if (i >= len) return 'need';
    const nameEnd = i;
    if (nameEnd === pos + 1) return false;
    let count = 0;
    let gt: number;
    let selfClosing = false;
    for (;;) {
      this.steps += 1;
      while (i < len && isSpace(buf.charCodeAt(i))) i += 1;
      if (i >= len) return 'need';
      const c = buf.charCodeAt(i);
      if (c === GT) {
        gt = i;
        break;
      }
      if (c === SLASH) {
        if (i + 1 >= len) return 'need';
        if (buf.charCodeAt(i + 1) !== GT) return false;
        gt = i + 1;
        selfClosing = true;
        break;
      }
      const nameStart = i;
      for (; i < len; i += 1) {
        const n = buf.charCodeAt(i);
        if (n === EQ || n === GT || n === SLASH || n === LT || n === DQ || n === SQ) break;
      }
      if (i >= len) return 'need';
      if (buf.charCodeAt(i) !== EQ) return false;
      let ne = i;
      while (ne > nameStart && isSpace(buf.charCodeAt(ne - 1))) ne -= 1;
      if (ne === nameStart) return false;
      i += 1;
      while (i < len && isSpace(buf.charCodeAt(i))) i += 1;
      if (i >= len) return 'need';
      const quote = buf.charCodeAt(i);
      if (quote !== DQ && quote !== SQ) return false;
      const close = buf.indexOf(quote === DQ ? '"' : "'", i + 1);
      if (close < 0) return 'need';
      if ((count + 1) * 4 > this.offsets.length) {
        const bigger = new Int32Array(this.offsets.length * 2);
        bigger.set(this.offsets);
        this.offsets = bigger;
      }
      const o = count * 4;
      this.offsets[o] = nameStart;
      this.offsets[o + 1] = ne;
      this.offsets[o + 2] = i + 1;
      this.offsets[o + 3] = close;
      count += 1;
      i = close + 1;
    }
    this.setName(buf, pos + 1, nameEnd);
    this.selfClosing = selfClosing;
    this.nameEnd = nameEnd;
    this.tokenStart = pos;
    this.tokenEnd = gt + 1;
    this.attrCount = count;
    this.pos = gt + 1;
    return true;
  }

  /**
   * `qname` and `local` for the name at buf[start, end): the same strings as the last times that name
   * came, from a small cache (a sheet has a dozen tag names and millions of tags), else sliced.
   */
  private setName(buf: string, start: number, end: number): void {
    const length = end - start;
    const names = this.recentNames;
    for (let k = 0; k < names.length; k += 1) {
      const name = names[k]!;
      if (name.length === length && buf.startsWith(name, start)) {
        this.qname = name;
        this.local = this.recentLocals[k]!;
        return;
      }
    }
    const name = buf.slice(start, end);
    const local = localName(name);
    const slot = names.length < RECENT_NAMES ? names.length : this.nextSlot++ % RECENT_NAMES;
    names[slot] = name;
    this.recentLocals[slot] = local;
    this.qname = name;
    this.local = local;
  }

  private openTag(buf: string, pos: number): XmlToken {
    const fast = this.openTagFast(buf, pos);
    if (fast === true) return 'open';
    if (fast === 'need') return this.needMore();
    return this.openTagLenient(buf, pos);
  }

  private openTagLenient(buf: string, pos: number): XmlToken {
    let from = pos + 1;
    let gt: number;
    for (;;) {
      this.steps += 1;
      gt = this.findGt(from);
      if (gt < 0) return this.needMore();
      const dq = this.findDq(from);
      const sq = this.findSq(from);
      let quote = -1;
      if (dq >= 0 && dq < gt) quote = dq;
      if (sq >= 0 && sq < gt && (quote < 0 || sq < quote)) quote = sq;
      if (quote < 0) break;
      // A '>' inside a quoted attribute value does not end the tag.
      const close = buf.indexOf(buf[quote]!, quote + 1);
      if (close < 0) return this.needMore();
      from = close + 1;
    }
    let nameEnd = pos + 1;
    while (nameEnd < gt) {
      const c = buf.charCodeAt(nameEnd);
      if (isSpace(c) || c === SLASH) break;
      nameEnd += 1;
    }
    this.qname = buf.slice(pos + 1, nameEnd);
    if (this.qname === '') throw new XmlError('a tag without a name');
    this.local = localName(this.qname);
    this.selfClosing = buf.charCodeAt(gt - 1) === SLASH;
    this.nameEnd = nameEnd;
    this.tokenStart = pos;
    this.tokenEnd = gt + 1;
    this.attrCount = -1;
    this.pos = gt + 1;
    return 'open';
  }

  /** The current tag's attributes as offsets into `buf` (name start/end, value start/end), parsed once. */
  private parseAttrs(): number {
    if (this.attrCount >= 0) return this.attrCount;
    const buf = this.buf;
    const end = this.selfClosing ? this.tokenEnd - 2 : this.tokenEnd - 1;
    let count = 0;
    let i = this.nameEnd;
    while (i < end) {
      this.steps += 1;
      while (i < end && isSpace(buf.charCodeAt(i))) i += 1;
      if (i >= end) break;
      const eq = buf.indexOf('=', i);
      if (eq < 0 || eq >= end) throw new XmlError(`an attribute without a value in <${this.qname}>`);
      let ne = eq;
      while (ne > i && isSpace(buf.charCodeAt(ne - 1))) ne -= 1;
      let q = eq + 1;
      while (q < end && isSpace(buf.charCodeAt(q))) q += 1;
      const quote = buf.charCodeAt(q);
      if (quote !== 34 && quote !== 39) throw new XmlError(`an unquoted attribute in <${this.qname}>`);
      const close = buf.indexOf(quote === 34 ? '"' : "'", q + 1);
      if (close < 0 || close > end) throw new XmlError(`an unclosed attribute in <${this.qname}>`);
      if ((count + 1) * 4 > this.offsets.length) {
        const bigger = new Int32Array(this.offsets.length * 2);
        bigger.set(this.offsets);
        this.offsets = bigger;
      }
      const o = count * 4;
      this.offsets[o] = i;
      this.offsets[o + 1] = ne;
      this.offsets[o + 2] = q + 1;
      this.offsets[o + 3] = close;
      count += 1;
      i = close + 1;
    }
    this.attrCount = count;
    return count;
  }

  private value(index: number): string {
    const o = index * 4;
    return decodeXml(this.buf.slice(this.offsets[o + 2]!, this.offsets[o + 3]!));
  }

  /** An attribute of the current open tag by name (`r`, `t`, `r:id`), decoded; undefined when absent. */
  attr(name: string): string | undefined {
    const count = this.parseAttrs();
    const buf = this.buf;
    const offsets = this.offsets;
    for (let k = 0; k < count; k += 1) {
      const ns = offsets[k * 4]!;
      if (offsets[k * 4 + 1]! - ns === name.length && buf.startsWith(name, ns)) return this.value(k);
    }
    return undefined;
  }

  /** Index of the current open tag's attribute `name` (for valueStart/valueEnd), -1 when absent. */
  attrIndex(name: string): number {
    const count = this.parseAttrs();
    const buf = this.buf;
    const offsets = this.offsets;
    for (let k = 0; k < count; k += 1) {
      const ns = offsets[k * 4]!;
      if (offsets[k * 4 + 1]! - ns === name.length && buf.startsWith(name, ns)) return k;
    }
    return -1;
  }

  /** The text the current token lies in, for reading an attribute's value in place (as written, not decoded). */
  get source(): string {
    return this.buf;
  }

  valueStart(index: number): number {
    return this.offsets[index * 4 + 2]!;
  }

  valueEnd(index: number): number {
    return this.offsets[index * 4 + 3]!;
  }

  /**
   * An unsigned decimal attribute (`s="12"`, `r="3"`) read in place, without making a string: its
   * value, -1 when absent, -2 when it is anything else than 1 to 9 ASCII digits (then ask `attr`).
   */
  attrDigits(name: string): number {
    const count = this.parseAttrs();
    const buf = this.buf;
    const offsets = this.offsets;
    for (let k = 0; k < count; k += 1) {
      const ns = offsets[k * 4]!;
      if (offsets[k * 4 + 1]! - ns !== name.length || !buf.startsWith(name, ns)) continue;
      const from = offsets[k * 4 + 2]!;
      const to = offsets[k * 4 + 3]!;
      if (to === from || to - from > 9) return -2;
      let n = 0;
      for (let i = from; i < to; i += 1) {
        const c = buf.charCodeAt(i);
        if (c < 48 || c > 57) return -2;
        n = n * 10 + (c - 48);
      }
      return n;
    }
    return -1;
  }

  /** An attribute by local name, whatever its prefix (`r:id` and `x:id` both answer `id`). */
  attrLocal(local: string): string | undefined {
    const count = this.parseAttrs();
    const buf = this.buf;
    for (let k = 0; k < count; k += 1) {
      const ns = this.offsets[k * 4]!;
      const ne = this.offsets[k * 4 + 1]!;
      const colon = buf.lastIndexOf(':', ne - 1);
      const from = colon >= ns ? colon + 1 : ns;
      if (ne - from === local.length && buf.startsWith(local, from)) return this.value(k);
    }
    return undefined;
  }

  /** Every attribute of the current open tag, in order. */
  attributes(): [string, string][] {
    const count = this.parseAttrs();
    const out: [string, string][] = [];
    for (let k = 0; k < count; k += 1)
      out.push([this.buf.slice(this.offsets[k * 4]!, this.offsets[k * 4 + 1]!), this.value(k)]);
    return out;
  }
}

export function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML character and entity references decoded; an unknown or malformed one is kept as written. */
export function decodeXml(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let last = 0;
  while (amp >= 0) {
    const semi = s.indexOf(';', amp + 1);
    if (semi < 0) break;
    const body = s.slice(amp + 1, semi);
    let replacement: string | undefined;
    if (body.length > 1 && body.charCodeAt(0) === 35 /* # */) {
      const hex = body[1] === 'x' || body[1] === 'X';
      const digits = hex ? body.slice(2) : body.slice(1);
      const code = digits.length > 0 && digits.length <= 8 ? parseInt(digits, hex ? 16 : 10) : NaN;
      if (Number.isInteger(code) && code >= 0 && code <= 0x10ffff && isDigits(digits, hex))
        replacement = String.fromCodePoint(code);
    } else replacement = NAMED[body];
    if (replacement === undefined) {
      amp = s.indexOf('&', amp + 1);
      continue;
    }
    out += s.slice(last, amp) + replacement;
    last = semi + 1;
    amp = s.indexOf('&', last);
  }
  return out + s.slice(last);
}

function isDigits(s: string, hex: boolean): boolean {
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    const digit = c >= 48 && c <= 57;
    const hexLetter = (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
    if (!digit && !(hex && hexLetter)) return false;
  }
  return true;
}

/**
 * Characters XML 1.0 does not allow (C0 controls other than tab, LF, CR; U+FFFE, U+FFFF; surrogates
 * without their pair) replaced by `replace(codeUnit)`. Linear, no regular expression over the text.
 */
function mapInvalidXmlChars(s: string, replace: (code: number) => string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    let bad = false;
    if (c < 0x20) bad = c !== 9 && c !== 10 && c !== 13;
    else if (c === 0xfffe || c === 0xffff) bad = true;
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i += 1;
      else bad = true;
    } else if (c >= 0xdc00 && c <= 0xdfff) bad = true;
    if (!bad) continue;
    out += s.slice(last, i) + replace(c);
    last = i + 1;
  }
  return last === 0 ? s : out + s.slice(last);
}

/** Text that XML 1.0 can hold: characters it forbids are dropped (for parts where nothing else can stand for them). */
export function stripInvalidXmlChars(s: string): string {
  return mapInvalidXmlChars(s, () => '');
}

function escapeMarkup(s: string, attribute: boolean): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c === 38) rep = '&amp;';
    else if (c === 60) rep = '&lt;';
    else if (c === 62) rep = '&gt;';
    else if (attribute && c === 34) rep = '&quot;';
    else if (attribute && (c === 10 || c === 13 || c === 9)) rep = `&#${c};`;
    if (rep === undefined) continue;
    out += s.slice(last, i) + rep;
    last = i + 1;
  }
  return last === 0 ? s : out + s.slice(last);
}

/** Element text, escaped; forbidden characters dropped so the part stays well-formed. */
export function escapeXmlText(s: string): string {
  return escapeMarkup(stripInvalidXmlChars(s), false);
}

/** Attribute value (double-quoted), escaped; forbidden characters dropped. */
export function escapeXmlAttr(s: string): string {
  return escapeMarkup(stripInvalidXmlChars(s), true);
}

/**
 * Cell text for SpreadsheetML (shared or inline strings): characters XML cannot hold written the way
 * Excel writes them, `_xHHHH_`, and a literal `_xHHHH_` protected as `_x005F_xHHHH_`, so that Excel reads
 * back exactly the text written. Then escaped as element text.
 */
export function encodeSpreadsheetText(s: string): string {
  const guarded = protectLiteralEscapes(s);
  const encoded = mapInvalidXmlChars(guarded, (c) => `_x${c.toString(16).toUpperCase().padStart(4, '0')}_`);
  return escapeMarkup(encoded, false);
}

function isHex4(s: string, at: number): boolean {
  if (at + 4 > s.length) return false;
  for (let i = at; i < at + 4; i += 1) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

function protectLiteralEscapes(s: string): string {
  let at = s.indexOf('_x');
  if (at < 0) return s;
  let out = '';
  let last = 0;
  while (at >= 0) {
    if (isHex4(s, at + 2) && s.charCodeAt(at + 6) === 95 /* _ */) {
      out += `${s.slice(last, at)}_x005F`;
      last = at;
    }
    at = s.indexOf('_x', at + 2);
  }
  return out + s.slice(last);
}

/**
 * SpreadsheetML's own escape in cell text, `_xHHHH_` (how Excel stores characters XML cannot hold),
 * decoded as Excel decodes it. Applied after XML entities are decoded.
 */
export function decodeSpreadsheetText(s: string): string {
  let at = s.indexOf('_x');
  if (at < 0) return s;
  let out = '';
  let last = 0;
  while (at >= 0) {
    if (isHex4(s, at + 2) && s.charCodeAt(at + 6) === 95) {
      out += s.slice(last, at) + String.fromCharCode(parseInt(s.slice(at + 2, at + 6), 16));
      last = at + 7;
      at = s.indexOf('_x', last);
    } else at = s.indexOf('_x', at + 2);
  }
  return out + s.slice(last);
}
