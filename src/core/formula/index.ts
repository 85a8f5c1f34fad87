export { scanReferences, columnName, writeArea, MAX_COLUMNS, MAX_ROWS } from './references';
export type { FoundReference, RefArea, RefPart, FormulaStyle, SheetPrefix } from './references';
export { shiftFormula, translateFormula, shiftColumn, sheetInserts } from './shift';
export type { ColumnInsert, SheetInserts, ShiftContext, ShiftProblem, ShiftResult } from './shift';
