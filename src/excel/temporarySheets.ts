/**
 * New sheets written under temporary names and swapped in at the end (summaries, templates): the
 * one place that creates them and, when anything fails, removes them. After a failed sync Office.js
 * invalidates the proxies that `worksheets.add()` returned (and Excel keeps whatever of the batch ran
 * before the failure), so the leftovers are removed by name in a fresh batch, and the original
 * error is what the caller sees.
 */
import { type ExcelEnv, runBatch } from './env';
import { toHostError } from './errors';

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
