/**
 * reform-progress rollover: the next fiscal year's columns added to every plan table of a workbook,
 * written to a new file (the input is never changed). The pane does the same in the open workbook.
 */
import { gradesOf } from '../core/settings';
import { resolve } from 'node:path';
import { cliMessages, formatMessage, type Lang } from '../core/messages';
import { planRollover } from '../core/rollover/planRollover';
import { applyRolloverToWorksheet } from '../xlsx/rollover';
import type { CliOptions } from './args';
import { formatFindings } from './format';
import type { CliIo } from './io';
import { loadWorkbooks } from './files';
import { resolveSettings, UsageError } from './pipeline';
import { analyse } from '../core/engine';

export async function rolloverCommand(options: CliOptions, lang: Lang, io: CliIo): Promise<number> {
  const out = options.out!;
  if (resolve(out) === resolve(options.paths[0]!))
    throw new UsageError(formatMessage(cliMessages.badValue, lang, { option: '--out', value: out }));
  const loaded = await loadWorkbooks(options.paths);
  const snapshot = loaded.snapshots[0];
  if (!snapshot || !loaded.single) {
    // Nothing readable: no items to count.
    io.stdout(formatFindings(loaded.files, { sources: [] }, loaded.fileFindings, lang, io.color));
    return 2;
  }
  const settings = await resolveSettings(options.settings, loaded.stored, lang, io, options.scale);
  const plan = planRollover(snapshot, settings, { renameHeaders: options['rename-headers'] === true });
  if (plan.sheets.length === 0) {
    io.stderr(`${formatMessage(cliMessages.rolloverNothing, lang)}\n`);
    return 2;
  }
  // A macro workbook's copy loses its macros: say so before writing it.
  if (loaded.fileFindings.length > 0)
    io.stdout(
      formatFindings(loaded.files, analyse(loaded.snapshots, settings), loaded.fileFindings, lang, io.color),
    );
  const symbols = gradesOf(settings).map((m) => m.symbol);
  for (const roll of plan.sheets) {
    applyRolloverToWorksheet(loaded.single.getWorksheet(roll.sheet)!, roll, symbols);
    io.stdout(
      `${formatMessage(cliMessages.rolloverSheet, lang, { sheet: roll.sheet, tables: roll.tables, years: roll.years.join('・') })}\n`,
    );
    for (const r of roll.renames)
      io.stdout(
        `${formatMessage(cliMessages.rolloverRename, lang, { cell: r.cell, from: r.from, value: r.value })}\n`,
      );
  }
  await io.writeFile(out, new Uint8Array(await loaded.single.xlsx.writeBuffer()));
  io.stderr(`${formatMessage(cliMessages.wrote, lang, { file: out })}\n`);
  return 0;
}
