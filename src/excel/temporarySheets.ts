/**
 * New sheets written under temporary names and swapped in at the end (summaries, templates): the
 * one place that creates them, swaps them in and, when anything fails, removes them. After a failed
 * sync Office.js invalidates the proxies that `worksheets.add()` returned (and Excel keeps whatever
 * of the batch ran before the failure), so the leftovers are removed by name in a fresh batch, and
 * the original error is what the caller sees.
 */
import type { PlanSheet } from '../core';
import { type ExcelEnv, runBatch } from './env';
import { toHostError } from './errors';
import { requestBudget } from './payload';
import { features, protectSheet, writeSheet, type Features } from './writeSheet';

export const TEMPORARY_PREFIX = 'RP_tmp_';

export function temporaryName(index: number): string {
  return `${TEMPORARY_PREFIX}${Date.now().toString(36).slice(-5)}_${index}`;
}

/** Deletes the named sheets that exist (two round trips); a name already gone is skipped. */
export function deleteSheetsByName(env: ExcelEnv, names: readonly string[]): Promise<void> {
  return runBatch(env, async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name');
    await context.sync();
    const wanted = new Set(names.map((n) => n.toLowerCase()));
    const found = worksheets.items.filter((ws) => wanted.has(ws.name.toLowerCase()));
    if (found.length === 0) return;
    for (const ws of found) ws.delete();
    await context.sync();
  });
}

/**
 * Runs `work` in one Excel.run with `add(i)` creating the i-th temporary sheet. If anything throws,
 * the temporary sheets created so far are deleted by name in a fresh batch and the original error
 * is rethrown (as a HostError); a failure of the cleanup itself never hides it.
 */
export async function withTemporarySheets<T>(
  env: ExcelEnv,
  work: (context: Excel.RequestContext, add: (index: number) => Excel.Worksheet) => Promise<T>,
): Promise<T> {
  const created: string[] = [];
  try {
    return await runBatch(env, (context) =>
      work(context, (index) => {
        const name = temporaryName(index);
        created.push(name);
        return context.workbook.worksheets.add(name);
      }),
    );
  } catch (err) {
    if (created.length > 0) await deleteSheetsByName(env, created).catch(() => undefined);
    throw toHostError(err);
  }
}

/** What a caller decides around the swap; the helper does the writing. */
export interface SwapSteps<C> {
  /**
   * Round trip 1: load what the decision needs, sync, and refuse (throw a HostError) when the sheets
   * may not be written. What it returns is handed to the other steps.
   */
  check(context: Excel.RequestContext, has: Features): Promise<C>;
  /** In the swap, before the new sheets take their names: delete the sheets they replace. */
  clear?(checked: C): void;
  /** In the swap, after they have their names (ownership markers). */
  mark?(checked: C, written: readonly Excel.Worksheet[]): void;
}

async function swapOnce<C>(
  env: ExcelEnv,
  sheets: readonly PlanSheet[],
  steps: SwapSteps<C>,
  maxBytes: number,
): Promise<C> {
  const has = features(env);
  return withTemporarySheets(env, async (context, addTemporary) => {
    const checked = await steps.check(context, has);
    // Round trip 2: the new sheets under temporary names, so no final name ever shows a half-written sheet.
    const written = sheets.map((sheet, i) => ({ sheet, ws: addTemporary(i) }));
    // Keep each request under the web's limit; typical sheets fit in one.
    const fit = requestBudget(context, maxBytes);
    for (const { sheet, ws } of written) await writeSheet(ws, sheet, has, fit, maxBytes);
    await context.sync();
    // Round trip 3: the swap.
    steps.clear?.(checked);
    for (const { sheet, ws } of written) {
      ws.name = sheet.name;
      protectSheet(ws, sheet, has);
    }
    steps.mark?.(
      checked,
      written.map(({ ws }) => ws),
    );
    written[0]?.ws.activate();
    await context.sync();
    return checked;
  });
}

/**
 * Writes `sheets` (the one sheet-content model) in three round trips whatever their number: (1) the
 * caller's check; (2) every sheet under a temporary name; (3) the sheets they replace deleted, the
 * new ones named and protected as their model says, the caller's markers, the first activated. A
 * failure before (3) leaves the workbook as it was. If Excel still refuses a request as too large
 * (our estimate of its size was short of what the host counts), everything is done once more at
 * half the budget.
 */
export async function writeSheetsSwapped<C>(
  env: ExcelEnv,
  sheets: readonly PlanSheet[],
  steps: SwapSteps<C>,
): Promise<C> {
  try {
    return await swapOnce(env, sheets, steps, env.maxRequestBytes);
  } catch (err) {
    if (toHostError(err).code !== 'payloadTooLarge') throw toHostError(err);
    return swapOnce(env, sheets, steps, env.maxRequestBytes / 2);
  }
}
