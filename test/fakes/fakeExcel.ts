/**
 * Kept only for `npm run bench` (bench/officeChild.ts), which counts round trips in a plain Node
 * process without jsdom or Microsoft's library. The shell's tests no longer use it: they run on the
 * real Excel client library (test/officejs/simulatedExcel.ts), which this fake could not stand in for
 * (it stored strings unchanged, estimated request sizes at 64 bytes an operation, let failed
 * proxies live on, and let sheet protection stop deleting a sheet). Its payload figures are estimates.
 *
 * A fake Excel for the Office.js shell. It enforces the rules real Excel enforces and counts
 * what costs time on the web:
 * - reading a property that was not loaded, or loaded but not yet synced, throws PropertyNotLoaded;
 * - reading isNullObject before a sync throws;
 * - writes are queued and applied at sync, in order;
 * - every sync is counted, with the JSON size of the request it carries (payloads plus a fixed
 *   overhead per operation for the object path) and of the response (what was loaded);
 * - like Excel on the web, a request or response above `payloadLimit` (5 MB) fails with
 *   RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded;
 * - a fault can be injected at the n-th sync, after k of its operations (a dropped connection).
 * It models only what the shell uses.
 */
import { a1, columnLetters, parseRange, rangeToA1, type CellRange } from '../../src/core/grid';
import type { ExcelEnv } from '../../src/excel/env';

export type Value = string | number | boolean;

export interface SheetModel {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: Map<string, { value: Value; format?: string; error?: boolean }>;
  merges: CellRange[];
  charts: {
    type: string;
    title: string;
    series: { name: string; values: string; categories: string }[];
    position: [string, string];
  }[];
  links: Map<string, string>;
  validations: Map<string, string>;
  formats: { range: string; what: string }[];
  protected: boolean;
  /** Set when the sheet was protected with a password (unprotect without it fails). */
  password?: string;
  protectionOptions?: unknown;
}

export interface BookModel {
  sheets: SheetModel[];
  names: Map<string, string>;
  settings: Map<string, string>;
  active: string | null;
  selected: string | null;
}

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export function newSheet(name: string): SheetModel {
  return {
    name,
    visibility: 'Visible',
    cells: new Map(),
    merges: [],
    charts: [],
    links: new Map(),
    validations: new Map(),
    formats: [],
    protected: false,
  };
}

const key = (r: number, c: number) => `${r},${c}`;

type Op = { bytes: number; run: () => void };

/** Bytes an operation costs beyond its payload in Office.js's request: object path, method, ids. */
export const OP_OVERHEAD_BYTES = 64;
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

class Loadable {
  protected readonly loaded = new Set<string>();
  protected readonly pending = new Set<string>();
  protected readonly data: Record<string, unknown> = {};
  constructor(protected readonly ctx: FakeContext) {}

  load(props: string): this {
    for (const p of props.split(',').map((s) => s.trim().replace(/^items\//, ''))) this.pending.add(p);
    this.ctx.loads.push(() => {
      let bytes = 0;
      for (const p of this.pending) {
        this.data[p] = this.fetch(p);
        bytes += JSON.stringify(this.data[p] ?? null).length;
        this.loaded.add(p);
      }
      this.pending.clear();
      return bytes;
    });
    return this;
  }

  protected fetch(_prop: string): unknown {
    return undefined;
  }

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop))
      throw new OfficeError(
        'PropertyNotLoaded',
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    return this.data[prop] as T;
  }
}

export class FakeContext {
  readonly ops: Op[] = [];
  /** Each load returns the bytes it adds to the response. */
  readonly loads: (() => number | void)[] = [];
  readonly workbook: FakeWorkbook;
  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  queue(payload: unknown, run: () => void): void {
    this.ops.push({ bytes: JSON.stringify(payload ?? null).length + OP_OVERHEAD_BYTES, run });
  }

  async sync(): Promise<void> {
    const excel = this.excel;
    excel.syncs += 1;
    const request = this.ops.reduce((n, op) => n + op.bytes, 0) + this.loads.length * OP_OVERHEAD_BYTES;
    excel.requestBytes.push(request);
    const ops = this.ops.splice(0);
    if (excel.payloadLimit !== null && request > excel.payloadLimit) {
      this.loads.splice(0);
      throw new OfficeError('RequestPayloadSizeLimitExceeded', `request of ${request} bytes`);
    }
    const fault = excel.fault && excel.fault.sync === excel.syncs ? excel.fault : null;
    ops.forEach((op, i) => {
      if (fault && i >= fault.afterOps) return;
      op.run();
    });
    if (fault) {
      this.loads.splice(0);
      throw fault.error;
    }
    let response = 0;
    for (const load of this.loads.splice(0)) response += load() ?? 0;
    excel.responseBytes.push(response);
    if (excel.payloadLimit !== null && response > excel.payloadLimit) {
      throw new OfficeError('ResponsePayloadSizeLimitExceeded', `response of ${response} bytes`);
    }
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheets;
  readonly names: FakeNames;
  readonly settings: FakeSettings;
  readonly protection: FakeWorkbookProtection;
  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheets(ctx);
    this.names = new FakeNames(ctx);
    this.settings = new FakeSettings(ctx);
    this.protection = new FakeWorkbookProtection(ctx);
  }
}

/** Workbook-structure protection: the bench's workbooks are never protected (the shell reads it before writing). */
class FakeWorkbookProtection extends Loadable {
  get protected(): boolean {
    return this.read('protected');
  }
  protected override fetch(prop: string): unknown {
    return prop === 'protected' ? false : undefined;
  }
}

class FakeWorksheets extends Loadable {
  private list: FakeWorksheet[] = [];
  get items(): FakeWorksheet[] {
    this.read('name');
    return this.list;
  }
  protected override fetch(prop: string): unknown {
    if (prop === 'name' || prop === 'visibility') {
      this.list = this.ctx.excel.book.sheets.map((s) => {
        const ws = new FakeWorksheet(this.ctx, () => s);
        ws.preload({ name: s.name, visibility: s.visibility });
        return ws;
      });
    }
    return true;
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const sheet = this.ctx.excel.book.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
      if (!sheet) throw new OfficeError('ItemNotFound', `The requested resource doesn't exist: ${name}`);
      return sheet;
    });
  }
  add(name: string): FakeWorksheet {
    const sheet = newSheet(name);
    this.ctx.queue({ add: name }, () => {
      const book = this.ctx.excel.book;
      if (book.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
        throw new OfficeError('ItemAlreadyExists', name);
      book.sheets.push(sheet);
    });
    return new FakeWorksheet(this.ctx, () => sheet);
  }
}

class FakeWorksheet extends Loadable {
  constructor(
    ctx: FakeContext,
    readonly model: () => SheetModel,
  ) {
    super(ctx);
  }
  preload(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) {
      this.data[k] = v;
      this.loaded.add(k);
    }
  }
  protected override fetch(prop: string): unknown {
    return (this.model() as unknown as Record<string, unknown>)[prop];
  }
  get name(): string {
    return this.read('name');
  }
  set name(value: string) {
    this.ctx.queue({ name: value }, () => {
      const m = this.model();
      if (m.protected) throw new OfficeError('AccessDenied', 'The sheet is protected');
      m.name = value;
    });
  }
  get visibility(): string {
    return this.read('visibility');
  }
  set tabColor(color: string) {
    this.ctx.queue({ color }, () => this.model().formats.push({ range: 'tab', what: color }));
  }
  delete(): void {
    this.ctx.queue({ delete: true }, () => {
      const m = this.model();
      if (m.protected) throw new OfficeError('AccessDenied', 'The sheet is protected');
      const book = this.ctx.excel.book;
      book.sheets = book.sheets.filter((s) => s !== m);
    });
  }
  activate(): void {
    this.ctx.queue({ activate: true }, () => (this.ctx.excel.book.active = this.model().name));
  }
  getRange(address: string): FakeRange {
    return new FakeRange(this.ctx, this.model, () => address);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, this.model, () => `${a1(row, col)}:${a1(row + rows - 1, col + cols - 1)}`);
  }
  private protectionObject: FakeProtection | null = null;
  /** One object per worksheet proxy, as in Office.js: what is loaded on it stays readable on it. */
  get protection(): FakeProtection {
    this.protectionObject ??= new FakeProtection(this.ctx, this.model);
    return this.protectionObject;
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, this.model, () => {
      const m = this.model();
      let top = Infinity;
      let left = Infinity;
      let bottom = -1;
      let right = -1;
      for (const k of m.cells.keys()) {
        const [r, c] = k.split(',').map(Number) as [number, number];
        top = Math.min(top, r);
        left = Math.min(left, c);
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      }
      return bottom < 0 ? null : `${a1(top, left)}:${a1(bottom, right)}`;
    });
  }
  readonly charts = {
    add: (type: string, source: FakeRange, _by: string) => {
      const chart = {
        type,
        title: '',
        series: [] as SheetModel['charts'][number]['series'],
        position: ['', ''] as [string, string],
      };
      this.ctx.queue({ chart: type }, () => this.model().charts.push(chart));
      return new FakeChart(this.ctx, chart, source);
    },
  };
  readonly freezePanes = {
    freezeAt: (range: FakeRange) =>
      this.ctx.queue({ freeze: true }, () =>
        this.model().formats.push({ range: range.addressText(), what: 'freeze' }),
      ),
    freezeRows: (count: number) =>
      this.ctx.queue({ freeze: count }, () =>
        this.model().formats.push({ range: `rows:${count}`, what: 'freeze' }),
      ),
    freezeColumns: (count: number) =>
      this.ctx.queue({ freeze: count }, () =>
        this.model().formats.push({ range: `columns:${count}`, what: 'freeze' }),
      ),
  };
  readonly pageLayout = {
    set orientation(_v: string) {},
    set paperSize(_v: string) {},
    set zoom(_v: unknown) {},
    setPrintTitleRows: (_rows: string) => undefined,
    setPrintTitleColumns: (_columns: string) => undefined,
    headersFooters: {
      defaultForAllPages: {} as Record<string, string>,
    },
  };
}

class FakeProtection extends Loadable {
  constructor(
    ctx: FakeContext,
    private readonly model: () => SheetModel,
  ) {
    super(ctx);
  }
  protected override fetch(prop: string): unknown {
    const m = this.model();
    return prop === 'protected' ? m.protected : prop === 'options' ? (m.protectionOptions ?? {}) : undefined;
  }
  get protected(): boolean {
    return this.read('protected');
  }
  get options(): unknown {
    return this.read('options');
  }
  protect(options?: unknown, password?: string): void {
    this.ctx.queue({ protect: true }, () => {
      const m = this.model();
      if (m.protected) throw new OfficeError('InvalidOperation', 'The sheet is already protected');
      m.protected = true;
      m.protectionOptions = options;
      if (password) m.password = password;
    });
  }
  unprotect(password?: string): void {
    this.ctx.queue({ unprotect: true }, () => {
      const m = this.model();
      if (m.password !== undefined && m.password !== password)
        throw new OfficeError('InvalidArgument', 'The password is incorrect');
      m.protected = false;
      delete m.password;
    });
  }
}

/** A merged area or validation after columns are inserted at `at` over rows top–bottom (null: whole columns). */
function shiftedRange(
  r: CellRange,
  at: number,
  count: number,
  rows: { top: number; bottom: number } | null,
): CellRange {
  const inside = rows === null || (r.top >= rows.top && r.bottom <= rows.bottom);
  const crosses = r.right >= at && r.top <= (rows?.bottom ?? Infinity) && r.bottom >= (rows?.top ?? -1);
  if (!inside) {
    // Excel refuses to shift part of a merged area.
    if (crosses) throw new OfficeError('InvalidOperation', 'This operation would move part of a merged cell');
    return r;
  }
  if (r.left >= at) return { ...r, left: r.left + count, right: r.right + count };
  if (r.right >= at) return { ...r, right: r.right + count };
  return r;
}

class FakeChart {
  constructor(
    private readonly ctx: FakeContext,
    private readonly chart: SheetModel['charts'][number],
    private readonly source: FakeRange,
  ) {}
  get title() {
    const chart = this.chart;
    const ctx = this.ctx;
    return {
      set text(v: string) {
        ctx.queue({ v }, () => (chart.title = v));
      },
    };
  }
  setPosition(from: string, to: string): void {
    this.ctx.queue({ from, to }, () => (this.chart.position = [from, to]));
  }
  readonly axes = { valueAxis: {} as { minimum?: number; maximum?: number } };
  readonly dataLabels = {} as { showValue?: boolean; showPercentage?: boolean; numberFormat?: string };
  private seriesFor(entry: () => SheetModel['charts'][number]['series'][number]) {
    const ctx = this.ctx;
    return {
      set name(v: string) {
        ctx.queue({ v }, () => (entry().name = v));
      },
      setValues: (r: FakeRange) => ctx.queue({}, () => (entry().values = r.addressText())),
      setXAxisValues: (r: FakeRange) => ctx.queue({}, () => (entry().categories = r.addressText())),
      format: {
        fill: { setSolidColor: (c: string) => ctx.queue({ c }, () => undefined) },
        line: {
          set color(c: string) {
            ctx.queue({ c }, () => undefined);
          },
        },
      },
      points: {
        getItemAt: (_p: number) => ({
          format: { fill: { setSolidColor: (c: string) => ctx.queue({ c }, () => undefined) } },
        }),
      },
      set hasDataLabels(v: boolean) {
        ctx.queue({ v }, () => undefined);
      },
      dataLabels: {} as { showValue?: boolean; showPercentage?: boolean; numberFormat?: string },
    };
  }
  get series() {
    return {
      getItemAt: (i: number) => {
        this.ctx.queue({}, () => {
          this.chart.series[i] ??= { name: '', values: this.source.addressText(), categories: '' };
        });
        return this.seriesFor(() => this.chart.series[i]!);
      },
      add: (name: string) => {
        const entry = { name, values: '', categories: '' };
        this.ctx.queue({ name }, () => this.chart.series.push(entry));
        return this.seriesFor(() => entry);
      },
    };
  }
}

class FakeRange extends Loadable {
  private synced = false;
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => SheetModel,
    private readonly addressOf: () => string | null,
  ) {
    super(ctx);
  }

  addressText(): string {
    return this.addressOf() ?? '';
  }

  private bounds(): CellRange {
    const addr = this.addressOf();
    if (addr && /^[A-Z]+:[A-Z]+$/.test(addr)) {
      const [a, b] = addr.split(':') as [string, string];
      const c = parseRange(`${a}1:${b}1`)!;
      return { ...c, top: 0, bottom: 0 };
    }
    const r = addr ? parseRange(addr) : null;
    if (!r) throw new OfficeError('InvalidArgument', `bad address ${addr}`);
    return r;
  }

  override load(props: string): this {
    super.load(props);
    this.ctx.loads.push(() => {
      this.synced = true;
    });
    return this;
  }

  get isNullObject(): boolean {
    if (!this.synced) throw new OfficeError('PropertyNotLoaded', 'isNullObject read before sync');
    return this.addressOf() === null;
  }

  protected override fetch(prop: string): unknown {
    const addr = this.addressOf();
    if (addr === null) return prop === 'address' ? '' : [];
    const m = this.sheet();
    const r = this.bounds();
    const grid = <T>(f: (row: number, col: number) => T): T[][] =>
      Array.from({ length: r.bottom - r.top + 1 }, (_, i) =>
        Array.from({ length: r.right - r.left + 1 }, (_, j) => f(r.top + i, r.left + j)),
      );
    switch (prop) {
      case 'address':
        return `'${m.name}'!${addr}`;
      case 'values':
        return grid((row, col) => m.cells.get(key(row, col))?.value ?? '');
      case 'numberFormat':
        return grid((row, col) => m.cells.get(key(row, col))?.format ?? 'General');
      case 'valueTypes':
        return grid((row, col) => {
          const cell = m.cells.get(key(row, col));
          if (!cell) return 'Empty';
          if (cell.error) return 'Error';
          return typeof cell.value === 'number'
            ? 'Double'
            : typeof cell.value === 'boolean'
              ? 'Boolean'
              : 'String';
        });
      default:
        return undefined;
    }
  }

  get values(): Value[][] {
    return this.read('values');
  }
  set values(values: Value[][]) {
    this.ctx.queue(values, () => {
      const m = this.sheet();
      if (m.protected) throw new OfficeError('AccessDenied', 'The sheet is protected');
      const r = this.bounds();
      values.forEach((row, i) =>
        row.forEach((v, j) => {
          const k = key(r.top + i, r.left + j);
          // Excel: a leading apostrophe makes the rest text; a leading = makes a formula.
          if (typeof v === 'string' && v.startsWith("'"))
            m.cells.set(k, { ...m.cells.get(k), value: v.slice(1) });
          else if (typeof v === 'string' && v.startsWith('='))
            m.cells.set(k, { ...m.cells.get(k), value: `FORMULA:${v}` });
          else if (v === '') m.cells.delete(k);
          else m.cells.set(k, { ...m.cells.get(k), value: v });
        }),
      );
    });
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }
  set numberFormat(formats: string[][]) {
    this.ctx.queue(formats, () => {
      const m = this.sheet();
      const r = this.bounds();
      formats.forEach((row, i) =>
        row.forEach((f, j) => {
          const k = key(r.top + i, r.left + j);
          const cell = m.cells.get(k);
          if (cell) cell.format = f;
        }),
      );
    });
  }
  get valueTypes(): string[][] {
    return this.read('valueTypes');
  }
  get address(): string {
    return this.read('address');
  }
  set hyperlink(link: { documentReference?: string }) {
    this.ctx.queue(link, () => this.sheet().links.set(this.addressText(), link.documentReference ?? ''));
  }
  select(): void {
    this.ctx.queue(
      { select: true },
      () => (this.ctx.excel.book.selected = `${this.sheet().name}!${this.addressText()}`),
    );
  }
  /** Insert cells here, moving the cells at and right of them (values, merges, validations) to the right. */
  insert(direction: 'Right'): void {
    this.ctx.queue({ insert: direction }, () => {
      const m = this.sheet();
      if (m.protected) throw new OfficeError('AccessDenied', 'The sheet is protected');
      const addr = this.addressText();
      const whole = /^[A-Z]+:[A-Z]+$/.test(addr);
      const r = this.bounds();
      const rows = whole ? null : { top: r.top, bottom: r.bottom };
      const at = r.left;
      const count = r.right - r.left + 1;
      const merges = m.merges.map((x) => shiftedRange(x, at, count, rows));
      const validations = new Map(
        [...m.validations].map(
          ([address, source]) =>
            [rangeToA1(shiftedRange(parseRange(address)!, at, count, rows)), source] as const,
        ),
      );
      const cells = new Map<string, SheetModel['cells'] extends Map<string, infer V> ? V : never>();
      for (const [k, cell] of m.cells) {
        const [row, col] = k.split(',').map(Number) as [number, number];
        const moves = col >= at && (rows === null || (row >= rows.top && row <= rows.bottom));
        cells.set(key(row, moves ? col + count : col), cell);
      }
      m.cells = cells;
      m.merges = merges;
      m.validations = validations;
    });
  }
  copyFrom(source: FakeRange, type: string): void {
    this.ctx.queue({ copyFrom: type }, () =>
      this.sheet().formats.push({
        range: this.addressText(),
        what: `copy ${type} from ${source.addressText()}`,
      }),
    );
  }
  merge(_across: boolean): void {
    this.ctx.queue({ merge: true }, () => {
      const m = this.sheet();
      if (m.protected) throw new OfficeError('AccessDenied', 'The sheet is protected');
      const r = this.bounds();
      if (
        m.merges.some((x) => x.left <= r.right && x.right >= r.left && x.top <= r.bottom && x.bottom >= r.top)
      )
        throw new OfficeError('InvalidOperation', 'overlaps a merged area');
      m.merges.push(r);
    });
  }
  unmerge(): void {
    this.ctx.queue({ unmerge: true }, () => {
      const m = this.sheet();
      const r = this.bounds();
      m.merges = m.merges.filter(
        (x) => !(x.left >= r.left && x.right <= r.right && x.top >= r.top && x.bottom <= r.bottom),
      );
    });
  }
  getMergedAreasOrNullObject(): FakeRange {
    return new FakeRange(this.ctx, this.sheet, () => {
      const merges = this.sheet().merges;
      return merges.length === 0
        ? null
        : merges.map((m) => `'${this.sheet().name}'!${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).join(',');
    });
  }
  get dataValidation() {
    const queue = (payload: unknown, run: () => void) => this.ctx.queue(payload, run);
    const sheet = this.sheet;
    const address = () => this.addressText();
    return {
      clear: () => queue({ clear: true }, () => sheet().validations.delete(address())),
      set rule(rule: { list: { source: string } }) {
        queue(rule, () => sheet().validations.set(address(), rule.list.source));
      },
      set errorAlert(_alert: unknown) {},
    };
  }

  /** How a defined name refers to this range's sheet. */
  sheetNameForName(): string {
    return `'${this.sheet().name}'`;
  }
  get format() {
    const record = (what: string) =>
      this.ctx.queue({ what }, () => this.sheet().formats.push({ range: this.addressText(), what }));
    return {
      font: {
        set bold(_v: boolean) {
          record('bold');
        },
        set italic(_v: boolean) {
          record('italic');
        },
        set size(_v: number) {
          record('size');
        },
        set color(_v: string) {
          record('color');
        },
        set name(_v: string) {
          record('fontName');
        },
      },
      fill: {
        set color(_v: string) {
          record('fill');
        },
      },
      set wrapText(_v: boolean) {
        record('wrap');
      },
      set horizontalAlignment(_v: string) {
        record('align');
      },
      set columnWidth(_v: number) {
        record('width');
      },
      protection: {
        set locked(v: boolean) {
          record(v ? 'locked' : 'unlocked');
        },
      },
      borders: { getItem: (_edge: string) => ({ set style(_v: string) {} }) },
    };
  }
}

class FakeNames extends Loadable {
  private list: { name: string; value: string; delete: () => void }[] = [];
  get items() {
    this.read('name');
    return this.list;
  }
  protected override fetch(prop: string): unknown {
    if (prop === 'name') {
      this.list = [...this.ctx.excel.book.names.entries()].map(([name, value]) => ({
        name,
        value,
        delete: () => this.ctx.queue({ delete: name }, () => this.ctx.excel.book.names.delete(name)),
      }));
    }
    return true;
  }
  add(name: string, range: FakeRange): void {
    this.ctx.queue({ name }, () => {
      if (this.ctx.excel.book.names.has(name)) throw new OfficeError('ItemAlreadyExists', name);
      this.ctx.excel.book.names.set(name, `=${range.sheetNameForName()}!$A$1`);
    });
  }
}

class FakeSettings {
  constructor(private readonly ctx: FakeContext) {}
  getItemOrNullObject(k: string) {
    const ctx = this.ctx;
    let loaded = false;
    let value: string | undefined;
    return {
      load(_p: string) {
        ctx.loads.push(() => {
          loaded = true;
          value = ctx.excel.book.settings.get(k);
        });
        return this;
      },
      get isNullObject() {
        if (!loaded) throw new OfficeError('PropertyNotLoaded', 'isNullObject read before sync');
        return value === undefined;
      },
      get value() {
        if (!loaded) throw new OfficeError('PropertyNotLoaded', 'value');
        return value;
      },
    };
  }
  add(k: string, value: string): void {
    this.ctx.queue({ k, value }, () => this.ctx.excel.book.settings.set(k, value));
  }
}

export class FakeExcel {
  syncs = 0;
  requestBytes: number[] = [];
  responseBytes: number[] = [];
  /** Excel on the web's limit on one request or response; null for desktop Excel (no limit). */
  payloadLimit: number | null = WEB_PAYLOAD_LIMIT;
  runs: { delayForCellEdit: boolean }[] = [];
  fault: { sync: number; afterOps: number; error: Error } | null = null;
  /** Highest ExcelApi minor version the fake host supports (17: ExcelApi 1.17). */
  apiMinor = 17;
  documentSettings: Map<string, unknown> | null = null;

  constructor(
    public book: BookModel = {
      sheets: [],
      names: new Map(),
      settings: new Map(),
      active: null,
      selected: null,
    },
  ) {}

  /** Load a grid of values into a new sheet (what a workbook file holds). */
  addSheet(
    name: string,
    rows: (Value | null)[][],
    origin = { row: 0, col: 0 },
    merges: CellRange[] = [],
  ): SheetModel {
    const sheet = newSheet(name);
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v !== null && v !== '') sheet.cells.set(key(origin.row + i, origin.col + j), { value: v });
      }),
    );
    sheet.merges = merges;
    this.book.sheets.push(sheet);
    return sheet;
  }

  resetCounters(): void {
    this.syncs = 0;
    this.requestBytes = [];
    this.responseBytes = [];
    this.runs = [];
  }

  env(maxRequestBytes = 4 * 1024 * 1024): ExcelEnv {
    return {
      run: async (options, batch) => {
        this.runs.push(options);
        const ctx = new FakeContext(this);
        return batch(ctx as unknown as Excel.RequestContext);
      },
      isSetSupported: (name, version) =>
        name === 'ExcelApi' && Number(version.split('.')[1] ?? 0) <= this.apiMinor,
      documentSettings: this.documentSettings
        ? ({
            get: (k: string) => this.documentSettings!.get(k),
            set: (k: string, v: unknown) => this.documentSettings!.set(k, v),
            saveAsync: (cb: (r: { status: string }) => void) => cb({ status: 'succeeded' }),
          } as unknown as Office.Settings)
        : null,
      maxRequestBytes,
    };
  }

  sheet(name: string): SheetModel | undefined {
    return this.book.sheets.find((s) => s.name === name);
  }

  /** Values of a sheet as rows of A1-addressed cells, for comparisons. */
  dump(name: string): Record<string, Value> {
    const sheet = this.sheet(name);
    const out: Record<string, Value> = {};
    if (!sheet) return out;
    for (const [k, cell] of sheet.cells) {
      const [r, c] = k.split(',').map(Number) as [number, number];
      out[`${columnLetters(c)}${r + 1}`] = cell.value;
    }
    return out;
  }
}
