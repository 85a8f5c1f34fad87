/** Parsing of cell values as people type them: text, years, marks, numbers, headings, owners. */
export * from './text';
export * from './years';
export * from './marks';
export * from './numbers';
export * from './itemNumber';
export * from './headings';
export * from './tags';
export * from './owners';
export * from './direction';
export * from './time';
export * from './charNames';
