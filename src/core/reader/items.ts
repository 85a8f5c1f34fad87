/**
 * Items as the reader keeps them: what is read from the row is stored once, and the cells it came
 * from are derived from the table's columns and the item's row only when someone asks (a finding
 * to place, the item sheet's link). Every item of a table shares one ItemTable: the sheet, the
 * columns and the target year's indicator columns are known once per table, not once per row.
 *
 * These classes serve the model's read-only shapes (PlanItem, MarkEntry, ParsedValue, Indicator);
 * a source asked for is a plain SourceRef made on the spot.
 */
import type { CellValue } from '../grid';
import { cellText } from '../values/text';
import type {
  Direction,
  FiscalYear,
  Indicator,
  ItemField,
  MarkEntry,
  Owner,
  ParsedValue,
  PlanItem,
  SourceRef,
  ValueKind,
} from '../model';
import type { ColumnMap } from './headers';
import type { SheetGrid } from './sheetGrid';

/** The target year's indicator columns of a table (null: the table has none for that year). */
export interface YearColumns {
  readonly target: number | null;
  readonly actual: number | null;
}

/** One plan table's columns on its sheet, shared by all its items. */
export class ItemTable {
  readonly sheet: string;
  /** The status columns, in the order of every item's marks. */
  readonly statusColumns: readonly number[];
  /** The year a target / actual column without a year in its header belongs to (set once the table is read). */
  tableYear: FiscalYear | null = null;
  private readonly picked = new Map<FiscalYear | null, YearColumns>();
  private lastYear: FiscalYear | null = null;
  private lastColumns: YearColumns | null = null;

  constructor(
    readonly grid: SheetGrid,
    readonly file: string,
    readonly map: ColumnMap,
  ) {
    this.sheet = grid.sheet.name;
    this.statusColumns = [...map.status.values()];
  }

  source(row: number, col: number): SourceRef {
    return { file: this.file, sheet: this.sheet, cell: this.grid.address(row, col) };
  }

  value(row: number, col: number): CellValue {
    return this.grid.value(row, col);
  }

  /**
   * The target year's columns: the one whose header names that year, else one without a year when the
   * table is that year's. Never another year's figures: a `計画(R2)` is no target for R1.
   */
  columnsFor(year: FiscalYear | null): YearColumns {
    if (year === this.lastYear && this.lastColumns) return this.lastColumns;
    let columns = this.picked.get(year);
    if (!columns) {
      const pick = (cells: ReadonlyMap<FiscalYear | null, number>): number | null => {
        if (year === null) return cells.get(null) ?? null;
        return cells.get(year) ?? (year === this.tableYear ? (cells.get(null) ?? null) : null);
      };
      columns = { target: pick(this.map.target), actual: pick(this.map.actual) };
      this.picked.set(year, columns);
    }
    this.lastYear = year;
    this.lastColumns = columns;
    return columns;
  }
}

/** A target or actual as read: where it came from is derived from its table, row and column when asked. */
export abstract class ValueAtCell {
  readonly #table: ItemTable;
  readonly #row: number;
  readonly #col: number;

  constructor(table: ItemTable, row: number, col: number) {
    this.#table = table;
    this.#row = row;
    this.#col = col;
  }

  get source(): SourceRef {
    return this.#table.source(this.#row, this.#col);
  }

  get cell(): string {
    return this.#table.grid.address(this.#row, this.#col);
  }
}

export class ReadValue extends ValueAtCell implements ParsedValue {
  constructor(
    readonly raw: string,
    readonly kind: ValueKind,
    readonly value: number | null,
    readonly percent: boolean,
    readonly unit: string | null,
    readonly yearTag: FiscalYear | null,
    table: ItemTable,
    row: number,
    col: number,
  ) {
    super(table, row, col);
  }
}

/**
 * A plain number (`514`, `40.1%` read as 40.1): most targets and actuals. Its text is derived from the
 * number, as parseIndicatorValue writes it, instead of being kept.
 */
export class ReadNumber extends ValueAtCell implements ParsedValue {
  constructor(
    readonly value: number,
    readonly percent: boolean,
    table: ItemTable,
    row: number,
    col: number,
  ) {
    super(table, row, col);
  }

  get raw(): string {
    return this.percent ? `${this.value}%` : cellText(this.value);
  }

  get kind(): ValueKind {
    return 'number';
  }

  get unit(): null {
    return null;
  }

  get yearTag(): null {
    return null;
  }
}

export class ReadIndicator implements Indicator {
  readonly #table: ItemTable;
  readonly #row: number;

  constructor(
    readonly name: string,
    readonly key: boolean,
    readonly target: ParsedValue,
    readonly actual: ParsedValue,
    readonly direction: Direction,
    readonly directionSource: 'name' | 'settings' | 'default',
    table: ItemTable,
    row: number,
  ) {
    this.#table = table;
    this.#row = row;
  }

  get source(): SourceRef | null {
    const col = this.#table.map.indicator;
    return col === null ? null : this.#table.source(this.#row, col);
  }
}

/** 基本方針 / 施策 of an item: one object shared by the items under the same headings. */
export interface Headings {
  readonly policy: string | null;
  readonly policyNo: number | null;
  readonly measure: string | null;
  readonly measureNo: number | null;
}

/** What the row reader found in an item's cells (the indicator comes with the target year). */
export interface ItemFields {
  readonly key: string;
  readonly headings: Headings;
  readonly number: string;
  readonly numberValue: number | null;
  readonly name: string;
  readonly priority: boolean;
  readonly marks: readonly MarkEntry[];
  readonly owners: readonly Owner[];
  readonly result: string | null;
  readonly nextPlan: string | null;
}

export class ReadItem implements PlanItem {
  readonly key: string;
  readonly row: number;
  readonly number: string;
  readonly numberValue: number | null;
  readonly name: string;
  readonly priority: boolean;
  readonly marks: readonly MarkEntry[];
  readonly owners: readonly Owner[];
  /** Set once, for the target year, by finalizeItems (null until then, and for items without one). */
  indicator: Indicator | null = null;
  readonly result: string | null;
  readonly nextPlan: string | null;
  readonly #table: ItemTable;
  readonly #headings: Headings;
  /** The target year's target and actual columns, once finalized. */
  #columns: YearColumns | null = null;

  constructor(table: ItemTable, row: number, fields: ItemFields) {
    this.#table = table;
    this.#headings = fields.headings;
    this.key = fields.key;
    this.row = row;
    this.number = fields.number;
    this.numberValue = fields.numberValue;
    this.name = fields.name;
    this.priority = fields.priority;
    this.marks = fields.marks;
    this.owners = fields.owners;
    this.result = fields.result;
    this.nextPlan = fields.nextPlan;
  }

  get table(): ItemTable {
    return this.#table;
  }

  get file(): string {
    return this.#table.file;
  }

  get sheet(): string {
    return this.#table.sheet;
  }

  get policy(): string | null {
    return this.#headings.policy;
  }

  get policyNo(): number | null {
    return this.#headings.policyNo;
  }

  get measure(): string | null {
    return this.#headings.measure;
  }

  get measureNo(): number | null {
    return this.#headings.measureNo;
  }

  get markSources(): readonly SourceRef[] {
    return this.#table.statusColumns.map((col) => this.#table.source(this.row, col));
  }

  /** The A1 cell of marks[index], without making a SourceRef. */
  markCell(index: number): string {
    return this.#table.grid.address(this.row, this.#table.statusColumns[index]!);
  }

  /** Records the target year's columns (see finalizeItems). */
  setColumns(columns: YearColumns): void {
    this.#columns = columns;
  }

  /** The same item under another key (two different items that share a number under one measure). */
  withKey(key: string): ReadItem {
    const copy = new ReadItem(this.#table, this.row, { ...this, headings: this.#headings, key });
    copy.indicator = this.indicator;
    copy.#columns = this.#columns;
    return copy;
  }

  /** The A1 address of a field's cell, without making a SourceRef; null when the table has no such column. */
  cellOf(field: 'name' | 'indicator'): string | null {
    const col = this.#table.map[field];
    return col === null ? null : this.#table.grid.address(this.row, col);
  }

  get sources(): PlanItem['sources'] {
    const { map } = this.#table;
    const out: { -readonly [K in ItemField]?: SourceRef } = {};
    const add = (field: ItemField, col: number | null) => {
      if (col !== null) out[field] = this.#table.source(this.row, col);
    };
    // In the order the row reader used to record them (JSON of the sources is unchanged).
    add('policy', map.policy);
    add('measure', map.measure);
    add('number', map.number);
    add('name', map.name);
    if (map.department !== null || map.division !== null) {
      add('department', map.department);
      add('division', map.division);
    } else add('department', map.owner);
    add('indicator', map.indicator);
    add('result', map.result);
    add('nextPlan', map.nextPlan);
    const columns = this.#columns;
    if (columns) {
      add('target', columns.target);
      add('actual', columns.actual);
    }
    return out;
  }
}

/** The A1 cell of a value, without making a SourceRef when the reader made it. */
export function valueCell(value: ParsedValue): string | null {
  if (value instanceof ReadNumber || value instanceof ReadValue) return value.cell;
  return value.source?.cell ?? null;
}

/** The A1 cell of an item's marks[index], without making a SourceRef when the reader made the item. */
export function markCell(item: PlanItem, index: number): string | null {
  if (item instanceof ReadItem) return item.markCell(index);
  return item.markSources[index]?.cell ?? null;
}
