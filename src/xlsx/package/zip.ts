/**
 * A bounded zip reader: the central directory as entries, each entry's raw (compressed) bytes, and its
 * contents inflated in slices with a budget on the bytes actually produced — never on the sizes the
 * directory declares, which a hostile file can set to anything. Only what an .xlsx uses is supported:
 * stored and deflated entries, no encryption, no zip64 (an .xlsx over 4 GB is far beyond our limits).
 * No Node imports: the task pane uses it too; inflating is fflate's, or the platform's own when the
 * caller passes one (the CLI passes Node's zlib: several times faster).
 */
import { softInflate } from './softInflate';

export interface ZipEntry {
  /** The name exactly as stored in the central directory (UTF-8 decoded). */
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  /** What the directory claims; only ever used to refuse early, never trusted as a bound. */
  readonly declaredSize: number;
  /** Offset of the entry's local header in the file. */
  readonly headerOffset: number;
  /** Offset of the compressed data (after the local header, its name and extra field). */
  readonly dataOffset: number;
  /** General purpose flags (bit 0: encrypted; bit 3: sizes in a data descriptor; bit 11: UTF-8 name). */
  readonly flags: number;
  /** The central directory's "last modified" time and date, DOS format, for writers that copy entries. */
  readonly dosTime: number;
  readonly dosDate: number;
}

export type ZipProblem = 'notZip' | 'truncated' | 'encrypted' | 'unsupported' | 'tooLarge';

export class ZipError extends Error {
  constructor(
    readonly problem: ZipProblem,
    detail: string,
  ) {
    super(detail);
    this.name = 'ZipError';
  }
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN = 22;
/** The end record sits in the last 22 bytes plus a comment of at most 65,535. */
const EOCD_SEARCH = EOCD_MIN + 0xffff;

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

function findEndRecord(bytes: Uint8Array): number {
  const stop = Math.max(0, bytes.length - EOCD_SEARCH);
  for (let at = bytes.length - EOCD_MIN; at >= stop; at -= 1) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && u32(bytes, at) === EOCD_SIGNATURE) return at;
  }
  return -1;
}

/**
 * The entries of the central directory, in directory order. `maxEntries` bounds the work on a
 * directory that claims millions of entries.
 */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  if (bytes.length < 4 || u32(bytes, 0) !== LOCAL_SIGNATURE) throw new ZipError('notZip', 'no zip header');
  const end = findEndRecord(bytes);
  if (end < 0) throw new ZipError('truncated', 'no end of central directory');
  const count = u16(bytes, end + 10);
  const size = u32(bytes, end + 12);
  const offset = u32(bytes, end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff)
    throw new ZipError('unsupported', 'zip64');
  if (count > maxEntries) throw new ZipError('tooLarge', `${count} zip entries`);
  if (offset + size > end) throw new ZipError('truncated', 'central directory outside the file');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > end || u32(bytes, at) !== CENTRAL_SIGNATURE)
      throw new ZipError('truncated', 'central directory entry');
    const flags = u16(bytes, at + 8);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const headerOffset = u32(bytes, at + 42);
    if (at + 46 + nameLength > end) throw new ZipError('truncated', 'central directory name');
    const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
    // Office always writes UTF-8 names; bit 11 says so, and without it the bytes are taken as they are.
    const name = (flags & 0x800) !== 0 || isAscii(rawName) ? utf8.decode(rawName) : latin1.decode(rawName);
    const compressedSize = u32(bytes, at + 20);
    if (headerOffset + 30 > bytes.length || u32(bytes, headerOffset) !== LOCAL_SIGNATURE)
      throw new ZipError('truncated', `local header of ${name}`);
    const dataOffset = headerOffset + 30 + u16(bytes, headerOffset + 26) + u16(bytes, headerOffset + 28);
    if (dataOffset + compressedSize > bytes.length) throw new ZipError('truncated', `data of ${name}`);
    entries.push({
      name,
      method: u16(bytes, at + 10),
      dosTime: u16(bytes, at + 12),
      dosDate: u16(bytes, at + 14),
      crc32: u32(bytes, at + 16),
      compressedSize,
      declaredSize: u32(bytes, at + 24),
      headerOffset,
      dataOffset,
      flags,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function isAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i += 1) if (b[i]! > 0x7f) return false;
  return true;
}

/** The entry's bytes as stored in the file (compressed when `method` is 8), for copying it unchanged. */
export function rawEntryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  return bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
}

/**
 * A platform's native inflate of raw DEFLATE data, whole: the bytes, or null when they would be more
 * than `maxBytes` (it must stop producing there, not after the whole stream). `expectedBytes` is what
 * the zip directory declares: a hint for the output buffer, never a bound. Throws on damaged data.
 */
export type NativeInflate = (raw: Uint8Array, maxBytes: number, expectedBytes: number) => Uint8Array | null;

/** Bytes inflated so far, shared by every entry of a package so that the limit is on the whole. */
export interface InflateBudget {
  /** Bytes that may still be produced. */
  remaining: number;
  /** The platform's inflate, when the caller has one (the CLI); fflate's otherwise. */
  readonly native?: NativeInflate;
}

export class InflateLimitError extends Error {
  constructor(readonly entry: string) {
    super(`inflating ${entry} exceeds the limit`);
    this.name = 'InflateLimitError';
  }
}

/**
 * Compressed input handed to the inflater at a time. Deflate expands at most ~1,032:1, so one slice
 * produces at most ~16 MB before the budget is checked again.
 */
const SLICE = 16 * 1024;
/** Deflate's largest expansion (a stream of maximal back-references), rounded up. */
const MAX_DEFLATE_RATIO = 1032;
/**
 * Largest entry a native inflate produces at once (a real sheet of 20,000 items is ~2 MB); beyond it,
 * or for a size-lying entry, the output so far is dropped and the entry is streamed slice by slice, so
 * that memory stays bounded by this and the limits, not by the entry.
 */
const NATIVE_WHOLE_MAX = 16 * 1024 * 1024;

/**
 * A small entry inflated at once. Into a buffer of the size its directory declares, plus one byte, when
 * that is within one slice's bound: a buffer fflate need not grow and copy. Filled to the last byte, the
 * declared size was a lie (fflate drops what does not fit): inflated again with a growing buffer.
 */
function inflateSmall(raw: Uint8Array, declaredSize: number): Uint8Array {
  const { inflateSync } = softInflate();
  if (declaredSize >= raw.length * MAX_DEFLATE_RATIO) return inflateSync(raw);
  const room = new Uint8Array(declaredSize + 1);
  let out: Uint8Array;
  try {
    out = inflateSync(raw, { out: room });
  } catch {
    // A stored block that does not fit is an error there, not a drop; damaged data fails again below.
    return inflateSync(raw);
  }
  return out.length < room.length ? out : inflateSync(raw);
}

/**
 * An entry inflated slice by slice: each step yields the output of one slice of compressed input, so a
 * caller can stop (or give the event loop a turn) between slices. Throws an InflateLimitError as soon
 * as the output passes `budget.remaining` (actual bytes), and a ZipError when the data is damaged.
 */
export function* inflateChunks(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
): Generator<Uint8Array, void, undefined> {
  if ((entry.flags & 1) !== 0) throw new ZipError('encrypted', entry.name);
  const raw = rawEntryData(bytes, entry);
  if (entry.method === 0) {
    if (raw.length > budget.remaining) throw new InflateLimitError(entry.name);
    budget.remaining -= raw.length;
    for (let at = 0; at < raw.length; at += SLICE * 64)
      yield raw.subarray(at, Math.min(raw.length, at + SLICE * 64));
    return;
  }
  if (entry.method !== 8) throw new ZipError('unsupported', `compression method ${entry.method}`);
  if (budget.native) {
    const cap = Math.min(budget.remaining, NATIVE_WHOLE_MAX);
    let out: Uint8Array | null;
    try {
      out = budget.native(raw, cap, entry.declaredSize);
    } catch (err) {
      throw new ZipError('truncated', `${entry.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (out) {
      budget.remaining -= out.length;
      if (out.length > 0) yield out;
      return;
    }
    if (cap === budget.remaining) throw new InflateLimitError(entry.name);
    // Larger than one native inflation may make: streamed below, under the same budget.
  }
  if (raw.length > 0 && raw.length <= SLICE) {
    // One slice's worth of input: inflated at once, which bounds its output exactly as one step of the
    // stream below would, without a streaming inflater's window copies (most parts of a workbook).
    let out: Uint8Array;
    try {
      out = inflateSmall(raw, entry.declaredSize);
    } catch (err) {
      throw new ZipError('truncated', `${entry.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (out.length > budget.remaining) throw new InflateLimitError(entry.name);
    budget.remaining -= out.length;
    if (out.length > 0) yield out;
    return;
  }
  let pending: Uint8Array[] = [];
  let overBudget = false;
  const inflater = new (softInflate().Inflate)((chunk) => {
    if (overBudget || chunk.length === 0) return;
    if (chunk.length > budget.remaining) {
      overBudget = true;
      return;
    }
    budget.remaining -= chunk.length;
    pending.push(chunk);
  });
  const push = (slice: Uint8Array, final: boolean): void => {
    try {
      inflater.push(slice, final);
    } catch (err) {
      if (overBudget) throw new InflateLimitError(entry.name);
      throw new ZipError('truncated', `${entry.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (overBudget) throw new InflateLimitError(entry.name);
  };
  if (raw.length === 0) push(raw, true);
  for (let at = 0; at < raw.length; at += SLICE) {
    const next = Math.min(raw.length, at + SLICE);
    push(raw.subarray(at, next), next === raw.length);
    const out = pending;
    pending = [];
    for (const chunk of out) yield chunk;
  }
  for (const chunk of pending) yield chunk;
}

/** Inflate an entry, handing each piece of output to `onData`; return `false` from it to stop early. */
export function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
  onData: (chunk: Uint8Array) => boolean | void,
): void {
  for (const chunk of inflateChunks(bytes, entry, budget)) if (onData(chunk) === false) return;
}

/**
 * Bytes of `b` up to its last complete UTF-8 sequence: a character cut at the end of a piece is kept
 * for the next one. Looks at the last four bytes at most.
 */
function completeLength(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 4);
  for (let i = b.length - 1; i >= stop; i -= 1) {
    const c = b[i]!;
    if (c < 0x80) return b.length;
    if (c < 0xc0) continue; // a continuation byte: its lead is further back
    const needed = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
    return b.length - i < needed ? i : b.length;
  }
  return b.length;
}

/** One decoder for every piece of every part: each piece is decoded whole (no `stream`), so none carries state. */
const pieceDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * An entry's text, decoded as UTF-8 piece by piece (a character split across pieces is kept whole).
 * Each piece is decoded on its own, its cut character carried to the next: with `stream: true` the
 * decoder takes a path several times slower on the ASCII that markup mostly is.
 */
export function* inflateText(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
): Generator<string, void, undefined> {
  // A byte order mark is dropped at the start of the part only, below: never from a piece's start.
  const decoder = pieceDecoder;
  let first = true;
  let carry: Uint8Array | null = null;
  for (const chunk of inflateChunks(bytes, entry, budget)) {
    let data = chunk;
    if (carry) {
      data = new Uint8Array(carry.length + chunk.length);
      data.set(carry);
      data.set(chunk, carry.length);
      carry = null;
    }
    const cut = completeLength(data);
    if (cut < data.length) {
      carry = data.slice(cut);
      data = data.subarray(0, cut);
    }
    let text = decoder.decode(data);
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (text.length > 0) yield text;
  }
  if (carry) {
    let rest = decoder.decode(carry);
    if (first && rest.charCodeAt(0) === 0xfeff) rest = rest.slice(1);
    if (rest.length > 0) yield rest;
  }
}

/** A whole entry inflated into one buffer, within the budget. */
export function inflateEntryBytes(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  const chunks: Uint8Array[] = [];
  inflateEntry(bytes, entry, budget, (chunk) => {
    chunks.push(chunk);
  });
  return concatBytes(chunks);
}

/** The pieces as one array (the piece itself when there is one). */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** An entry's text handed to `onText` piece by piece; return `false` from it to stop. */
export function inflateEntryText(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
  onText: (text: string) => boolean | void,
): void {
  for (const text of inflateText(bytes, entry, budget)) if (onText(text) === false) return;
}
