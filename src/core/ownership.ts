/**
 * Which sheets the add-in owns. An owned sheet has a name with OWNED_PREFIX *and* a workbook-scoped
 * defined name (OWNED_MARKER_PREFIX + n) that refers to its A1 cell. A sheet that merely has an
 * owned-looking name is the user's, and the add-in refuses to overwrite it.
 */
import type { WritePlan } from './writePlan';

export const OWNED_PREFIX = 'RP_';
export const OWNED_MARKER_PREFIX = 'ReformProgress_Owned_';

export function isOwnedSheetName(name: string): boolean {
  return name.startsWith(OWNED_PREFIX);
}

/** Defined name for the n-th owned sheet (1-based), e.g. ReformProgress_Owned_03. */
export function markerName(index: number): string {
  return `${OWNED_MARKER_PREFIX}${String(index).padStart(2, '0')}`;
}

export function isMarkerName(name: string): boolean {
  return name.startsWith(OWNED_MARKER_PREFIX);
}

/**
 * The sheets whose ownership markers are honoured: only those that also carry the add-in's prefix, so
 * that a stray marker name pointing at a user's sheet can never make the reader skip that sheet.
 */
export function honouredOwnedSheets(markedSheets: readonly string[]): string[] {
  return markedSheets.filter(isOwnedSheetName);
}

export interface PlanCheck {
  /** Sheets in the plan that exist in the workbook but are not owned: the run must stop. */
  readonly conflicts: readonly string[];
  /** Sheets in the plan whose names are not owned names (a programming error). */
  readonly invalidNames: readonly string[];
  /** Owned sheets that the plan replaces. */
  readonly replaced: readonly string[];
  /** Owned sheets no longer produced by the plan (left alone). */
  readonly stale: readonly string[];
}

/** Check a plan against a workbook before any write. Pure; both shells call it. */
/** Names of `wanted` already used in the workbook (Excel compares sheet names without case). */
export function takenSheetNames(existing: readonly string[], wanted: readonly string[]): string[] {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  return wanted.filter((n) => taken.has(n.toLowerCase()));
}

export function checkPlan(
  plan: WritePlan,
  workbook: { readonly sheetNames: readonly string[]; readonly ownedSheets: readonly string[] },
): PlanCheck {
  const owned = new Set(workbook.ownedSheets);
  const existing = new Set(workbook.sheetNames.map((s) => s.toLowerCase()));
  const ownedLower = new Set([...owned].map((n) => n.toLowerCase()));
  const planned = plan.sheets.map((s) => s.name);
  // Excel compares sheet names case-insensitively.
  const conflicts = planned.filter((n) => existing.has(n.toLowerCase()) && !ownedLower.has(n.toLowerCase()));
  const invalidNames = planned.filter((n) => !isOwnedSheetName(n));
  const replaced = planned.filter((n) => ownedLower.has(n.toLowerCase()));
  const plannedLower = new Set(planned.map((n) => n.toLowerCase()));
  const stale = [...owned].filter((n) => !plannedLower.has(n.toLowerCase()));
  return { conflicts, invalidNames, replaced, stale };
}
