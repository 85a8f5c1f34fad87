/**
 * A formula scanner that finds the references in a formula's text (as stored in a file: no leading
 * '=', A1 notation; or R1C1 notation) and lets a caller rewrite each one, leaving every other
 * character — strings, numbers, function and defined names, structured references, errors — exactly
 * as it was. One left-to-right pass with bounded look-ahead: linear in the text, no regular expressions.
 */

export const MAX_COLUMNS = 16384;
export const MAX_ROWS = 1048576;

/** One end of a reference: 0-based, with Excel's $ markers (A1) or relative offsets (R1C1, when `rel`). */
export interface RefPart {
  readonly index: number;
  readonly absolute: boolean;
}

export type RefArea =
  | { readonly kind: 'cell'; readonly row: RefPart; readonly col: RefPart }
  | {
      readonly kind: 'area';
      readonly top: RefPart;
      readonly left: RefPart;
      readonly bottom: RefPart;
      readonly right: RefPart;
    }
  | { readonly kind: 'columns'; readonly left: RefPart; readonly right: RefPart }
  | { readonly kind: 'rows'; readonly top: RefPart; readonly bottom: RefPart };

/** The sheet a reference names: one sheet, or a 3-D span first:last. */
export interface SheetPrefix {
  readonly first: string;
  readonly last: string | null;
}

export interface FoundReference {
  /** null when the reference has no sheet prefix (it refers to the formula's own sheet). */
  readonly sheet: SheetPrefix | null;
  /** In another workbook ([1]Sheet1!A1): never adjusted here. */
  readonly external: boolean;
  readonly area: RefArea;
}

export type FormulaStyle = 'A1' | 'R1C1';

/** What the caller does with a reference: keep it, replace its area, or turn it into #REF!. */
export type RefRewrite = RefArea | 'keep' | 'ref-error';

export interface ScanResult {
  readonly text: string;
  /** Tables named by structured references (null: an unqualified [@Col] inside a table). */
  readonly structured: readonly (string | null)[];
}

const DELIMITERS = new Set([...' \t\r\n\u00a0+-*/^&=<>%(),;:{}"\'![]@#~`|'].map((c) => c.charCodeAt(0)));

function isDelimiter(code: number): boolean {
  return DELIMITERS.has(code);
}

const ERRORS = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
];

function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i += 1) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

export function columnName(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const isUpperLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;

interface A1Piece {
  readonly col: RefPart | null;
  readonly row: RefPart | null;
}

/** `$A$1`, `A`, `$12`… (a whole run, nothing else), or null. */
function parseA1Piece(run: string): A1Piece | null {
  let i = 0;
  let col: RefPart | null = null;
  let row: RefPart | null = null;
  let abs = false;
  if (run.charCodeAt(i) === 36) {
    abs = true;
    i += 1;
  }
  const letterStart = i;
  while (i < run.length && isUpperLetter(run.charCodeAt(i)) && i - letterStart < 4) i += 1;
  if (i > letterStart) {
    if (i - letterStart > 3) return null;
    const index = columnIndex(run.slice(letterStart, i).toUpperCase());
    if (index >= MAX_COLUMNS) return null;
    col = { index, absolute: abs };
    abs = false;
    if (i < run.length && run.charCodeAt(i) === 36) {
      abs = true;
      i += 1;
    }
  }
  const digitStart = i;
  while (i < run.length && isDigit(run.charCodeAt(i)) && i - digitStart < 8) i += 1;
  if (i > digitStart) {
    const n = Number(run.slice(digitStart, i));
    if (n < 1 || n > MAX_ROWS || run.charCodeAt(digitStart) === 48) return null;
    row = { index: n - 1, absolute: abs };
  } else if (abs && col !== null) return null; // `A$` alone
  if (i !== run.length || (col === null && row === null)) return null;
  return { col, row };
}

/** `R[-1]C2`, `RC`, `R3`, `C[1]`… at position i; returns the piece and where it ends. */
function parseR1C1Piece(text: string, i: number): { piece: A1Piece; end: number } | null {
  const part = (letter: number, at: number): { part: RefPart | null; end: number; seen: boolean } | null => {
    const c = text.charCodeAt(at);
    if (c !== letter && c !== letter + 32) return { part: null, end: at, seen: false };
    let j = at + 1;
    if (text.charCodeAt(j) === 91) {
      let k = j + 1;
      if (text.charCodeAt(k) === 45 || text.charCodeAt(k) === 43) k += 1;
      const ds = k;
      while (isDigit(text.charCodeAt(k)) && k - ds < 8) k += 1;
      if (k === ds || text.charCodeAt(k) !== 93) return null;
      return { part: { index: Number(text.slice(j + 1, k)), absolute: false }, end: k + 1, seen: true };
    }
    const ds = j;
    while (isDigit(text.charCodeAt(j)) && j - ds < 8) j += 1;
    if (j > ds) return { part: { index: Number(text.slice(ds, j)) - 1, absolute: true }, end: j, seen: true };
    return { part: { index: 0, absolute: false }, end: j, seen: true };
  };
  const r = part(82, i);
  if (!r) return null;
  const c = part(67, r.end);
  if (!c || (!r.seen && !c.seen)) return null;
  const end = c.end;
  if (end < text.length && !isDelimiter(text.charCodeAt(end))) return null;
  if (text.charCodeAt(end) === 40 || text.charCodeAt(end) === 91) return null; // a function or a table
  return { piece: { row: r.seen ? r.part : null, col: c.seen ? c.part : null }, end };
}

function combine(a: A1Piece, b: A1Piece | null): RefArea | null {
  if (b === null) {
    if (a.col && a.row) return { kind: 'cell', row: a.row, col: a.col };
    return null;
  }
  if (a.col && a.row && b.col && b.row)
    return { kind: 'area', top: a.row, left: a.col, bottom: b.row, right: b.col };
  if (a.col && !a.row && b.col && !b.row) return { kind: 'columns', left: a.col, right: b.col };
  if (!a.col && a.row && !b.col && b.row) return { kind: 'rows', top: a.row, bottom: b.row };
  return null;
}

function writePartA1(p: RefPart, letters: boolean): string {
  return (p.absolute ? '$' : '') + (letters ? columnName(p.index) : String(p.index + 1));
}

function writePartR1C1(p: RefPart, letter: string): string {
  if (p.absolute) return `${letter}${p.index + 1}`;
  return p.index === 0 ? letter : `${letter}[${p.index}]`;
}

export function writeArea(area: RefArea, style: FormulaStyle): string {
  if (style === 'R1C1') {
    switch (area.kind) {
      case 'cell':
        return writePartR1C1(area.row, 'R') + writePartR1C1(area.col, 'C');
      case 'area':
        return `${writePartR1C1(area.top, 'R')}${writePartR1C1(area.left, 'C')}:${writePartR1C1(area.bottom, 'R')}${writePartR1C1(area.right, 'C')}`;
      case 'columns':
        return `${writePartR1C1(area.left, 'C')}:${writePartR1C1(area.right, 'C')}`;
      case 'rows':
        return `${writePartR1C1(area.top, 'R')}:${writePartR1C1(area.bottom, 'R')}`;
    }
  }
  switch (area.kind) {
    case 'cell':
      return writePartA1(area.col, true) + writePartA1(area.row, false);
    case 'area':
      return `${writePartA1(area.left, true)}${writePartA1(area.top, false)}:${writePartA1(area.right, true)}${writePartA1(area.bottom, false)}`;
    case 'columns':
      return `${writePartA1(area.left, true)}:${writePartA1(area.right, true)}`;
    case 'rows':
      return `${writePartA1(area.top, false)}:${writePartA1(area.bottom, false)}`;
  }
}

/** The end of a quoted name starting at i ('…' with '' for a quote), or -1 when it never closes. */
function quotedEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length) {
    if (text.charCodeAt(j) === 39) {
      if (text.charCodeAt(j + 1) === 39) j += 2;
      else return j + 1;
    } else j += 1;
  }
  return -1;
}

/** The end of a bracket group starting at i, nested as structured references nest ('-escaped). */
function bracketEnd(text: string, i: number): number {
  let depth = 0;
  for (let j = i; j < text.length; j += 1) {
    const c = text.charCodeAt(j);
    if (c === 39) j += 1;
    else if (c === 91) depth += 1;
    else if (c === 93) {
      depth -= 1;
      if (depth === 0) return j + 1;
    }
  }
  return text.length;
}

/** Just past the closing quote of a string literal starting at i ("" is a quote inside it). */
function stringEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length) {
    if (text.charCodeAt(j) !== 34) j += 1;
    else if (text.charCodeAt(j + 1) === 34) j += 2;
    else return j + 1;
  }
  return text.length;
}

/** `[1]`: an external workbook's index. */
function isWorkbookIndex(s: string): boolean {
  if (s.length < 3) return false;
  for (let k = 1; k < s.length - 1; k += 1) if (!isDigit(s.charCodeAt(k))) return false;
  return true;
}

function runEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && !isDelimiter(text.charCodeAt(j))) j += 1;
  return j;
}

function sheetPrefixFrom(name: string): { prefix: SheetPrefix; external: boolean } {
  if (name.includes('[') || name.includes(']'))
    return { prefix: { first: name, last: null }, external: true };
  const colon = name.indexOf(':');
  if (colon >= 0)
    return { prefix: { first: name.slice(0, colon), last: name.slice(colon + 1) }, external: false };
  return { prefix: { first: name, last: null }, external: false };
}

/**
 * Calls `rewrite` for every reference in `text`; returns the text with each rewritten reference's
 * area replaced (the sheet prefix is kept as written).
 */
export function scanReferences(
  text: string,
  style: FormulaStyle,
  rewrite: (ref: FoundReference) => RefRewrite,
): ScanResult {
  const out: string[] = [];
  const structured: (string | null)[] = [];
  let copied = 0;
  let i = 0;
  const n = text.length;

  /** Reads one area (cell, range, columns, rows) at i; returns it and its end, or null. */
  const readArea = (at: number): { area: RefArea; end: number } | null => {
    const first = readPiece(at);
    if (!first) return null;
    if (text.charCodeAt(first.end) === 58) {
      const second = readPiece(first.end + 1);
      if (second) {
        const area = combine(first.piece, second.piece);
        if (area) return { area, end: second.end };
      }
    }
    const area = combine(first.piece, null);
    return area ? { area, end: first.end } : null;
  };

  const readPiece = (at: number): { piece: A1Piece; end: number } | null => {
    if (style === 'R1C1') return parseR1C1Piece(text, at);
    const end = runEnd(text, at);
    if (end === at) return null;
    const next = text.charCodeAt(end);
    if (next === 40 || next === 91 || next === 33) return null; // function, table or sheet name
    const piece = parseA1Piece(text.slice(at, end));
    return piece ? { piece, end } : null;
  };

  const emit = (areaStart: number, end: number, ref: FoundReference) => {
    const result = rewrite(ref);
    if (result === 'keep') return;
    out.push(text.slice(copied, areaStart));
    out.push(result === 'ref-error' ? '#REF!' : writeArea(result, style));
    copied = end;
  };

  /** After a sheet prefix ending at `at` (just past '!'): the area, or an error literal. */
  const afterPrefix = (at: number, prefix: SheetPrefix, external: boolean): number => {
    const found = readArea(at);
    if (found) {
      emit(at, found.end, { sheet: prefix, external, area: found.area });
      return found.end;
    }
    return at;
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      i = stringEnd(text, i);
      continue;
    }
    if (c === 123) {
      // An array constant holds constants only (its strings may hold '}').
      let j = i + 1;
      while (j < n && text.charCodeAt(j) !== 125) j = text.charCodeAt(j) === 34 ? stringEnd(text, j) : j + 1;
      i = j + 1;
      continue;
    }
    if (c === 35) {
      const error = ERRORS.find((e) => text.slice(i, i + e.length).toUpperCase() === e);
      i += error ? error.length : 1;
      continue;
    }
    if (style === 'R1C1' && (c === 82 || c === 114 || c === 67 || c === 99)) {
      const found = readArea(i);
      if (found) {
        emit(i, found.end, { sheet: null, external: false, area: found.area });
        i = found.end;
        continue;
      }
    }
    if (c === 39) {
      const end = quotedEnd(text, i);
      if (end < 0) break;
      if (text.charCodeAt(end) === 33) {
        const { prefix, external } = sheetPrefixFrom(
          text
            .slice(i + 1, end - 1)
            .split("''")
            .join("'"),
        );
        i = afterPrefix(end + 1, prefix, external);
      } else i = end;
      continue;
    }
    if (c === 91) {
      const end = bracketEnd(text, i);
      // [1]Sheet1!A1 or [1]!Name: another workbook.
      const run = runEnd(text, end);
      if (text.charCodeAt(run) === 33 && isWorkbookIndex(text.slice(i, end))) {
        i = afterPrefix(run + 1, { first: text.slice(i, run), last: null }, true);
        continue;
      }
      structured.push(null);
      i = end;
      continue;
    }
    if (isDelimiter(c)) {
      i += 1;
      continue;
    }
    // A run of name characters: a reference, a sheet prefix, a function, a table, a name or a number.
    const end = runEnd(text, i);
    const next = text.charCodeAt(end);
    if (next === 33) {
      const { prefix, external } = sheetPrefixFrom(text.slice(i, end));
      i = afterPrefix(end + 1, prefix, external);
      continue;
    }
    if (next === 58) {
      // Sheet1:Sheet3!A1 (3-D) — or a range, read below.
      const secondEnd = runEnd(text, end + 1);
      if (secondEnd > end + 1 && text.charCodeAt(secondEnd) === 33) {
        const prefix = { first: text.slice(i, end), last: text.slice(end + 1, secondEnd) };
        i = afterPrefix(secondEnd + 1, prefix, false);
        continue;
      }
    }
    if (next === 91) {
      structured.push(text.slice(i, end));
      i = bracketEnd(text, end);
      continue;
    }
    if (next === 40) {
      i = end + 1;
      continue;
    }
    const found = readArea(i);
    if (found) {
      emit(i, found.end, { sheet: null, external: false, area: found.area });
      i = found.end;
      continue;
    }
    // R1C1 pieces may contain brackets and signs, so a failed run is skipped whole.
    i = end > i ? end : i + 1;
  }
  if (copied === 0) return { text, structured };
  out.push(text.slice(copied));
  return { text: out.join(''), structured };
}
