/**
 * Applies a write plan in three round trips whatever the number of sheets and rows
 * (writeSheetsSwapped writes the sheets, writeSheet each one):
 * (1) read sheet names, ownership markers and workbook protection, and check the plan (a user's
 *     sheet is never touched);
 * (2) write every planned sheet under a temporary name;
 * (3) delete the old owned sheets, give the new ones their final names, renew the markers.
 * A failure before (3) leaves the previous summary intact; the temporary sheets are removed by name
 * and the original error is what the user sees. Requests above the web's payload limit are split on
 * their serialized size (payload.ts): a large sheet's values go in bands of rows, and every ~4 MB
 * costs one more round trip.
 */
import { HostError, type ApplyResult, checkPlan, isMarkerName, markerName, type WritePlan } from '../core';
import type { ExcelEnv } from './env';
import { ownedFromNames } from './readSnapshot';
import { writeSheetsSwapped } from './temporarySheets';

export async function applyPlan(env: ExcelEnv, plan: WritePlan): Promise<ApplyResult> {
  const check = await writeSheetsSwapped(env, plan.sheets, {
    async check(context, has) {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name');
      const names = context.workbook.names;
      names.load('items/name,items/value');
      const protection = has.workbookProtection ? context.workbook.protection.load('protected') : null;
      await context.sync();
      // Sheets cannot be added or deleted in a workbook whose structure is protected: say so before trying.
      if (protection?.protected) throw new HostError('protected', 'workbook structure protected');
      const owned = ownedFromNames(names.items.map((n) => ({ name: n.name, value: n.value })));
      const result = checkPlan(plan, { sheetNames: worksheets.items.map((w) => w.name), ownedSheets: owned });
      if (result.conflicts.length > 0 || result.invalidNames.length > 0) {
        throw new HostError('conflict', 'refusing to overwrite', {
          sheets: [...result.conflicts, ...result.invalidNames],
        });
      }
      return { result, worksheets, names, has };
    },
    clear({ result, worksheets }) {
      const replaced = new Set(result.replaced.map((n) => n.toLowerCase()));
      for (const ws of worksheets.items) if (replaced.has(ws.name.toLowerCase())) ws.delete();
    },
    mark({ result, worksheets, names, has }, written) {
      if (!has.names) return;
      for (const item of names.items) if (isMarkerName(item.name)) item.delete();
      const targets = [...written, ...result.stale.map((name) => worksheets.getItem(name))];
      targets.forEach((ws, i) => names.add(markerName(i + 1), ws.getRange('A1')));
    },
  });
  return { written: plan.sheets.map((s) => s.name), replaced: check.result.replaced };
}
