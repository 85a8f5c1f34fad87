/**
 * The one door to the core: everything a shell (the pane, the ribbon command, the CLI, the Office.js
 * and .xlsx hosts, the preview) may use. Lint forbids importing src/core/** from outside except
 * through here; the core's own modules import each other directly.
 */
export * from './analyse';
export * from './collections';
export * from './findingOrder';
export * from './findings';
export * from './flows/edits';
export * from './flows/generateSummary';
export * from './flows/runGenerate';
export * from './grid';
export * from './hash';
export * from './hostErrors';
export * from './hostPort';
export * from './layout/itemSheet';
export * from './messages';
export * from './model';
export * from './ownership';
export * from './rollover/applyToSnapshot';
export * from './rollover/planRollover';
export * from './scales';
export * from './settings';
export * from './summary/history';
export * from './summary/types';
export * from './template/buildTemplates';
export * from './template/planDefinition';
export * from './template/templateSheet';
export * from './textSafety';
export * from './values';
export * from './version';
export * from './writePlan';
export * from './chartStyle';
export * from './validationRanges';
export * from './formula';
