/**
 * reform-progress rollover: the next fiscal year's columns added to every plan table of a workbook,
 * written to a new file (the input is never changed). The pane does the same in the open workbook.
 */
import { nodeDeflate } from './deflate';
import { formatMessage, type Lang, planRollover, analyse, gradesOf } from '../core';
import { cliMessages, rolloverRefusalReasons } from './messages';
import { applyRolloverToPackage } from '../xlsx/rollover/applyToPackage';
import { extensionFits } from '../xlsx/rollover/package';
import type { CliOptions } from './args';
import { formatFindings } from './format';
import type { CliIo } from './io';
import { loadWorkbooks } from './files';
import { outputGuard, resolveSettings } from './pipeline';
import { checkOutputs } from './safeWrite';

export async function rolloverCommand(options: CliOptions, lang: Lang, io: CliIo): Promise<number> {
  const out = options.out!;
  const loaded = await loadWorkbooks(options.paths);
  const guard = await outputGuard(options, loaded);
  await checkOutputs([out], guard);
  const snapshot = loaded.snapshots[0];
  if (!snapshot || !loaded.single) {
    // Nothing readable: no items to count.
    io.stdout(formatFindings(loaded.files, { sources: [] }, loaded.fileFindings, lang, io.color));
    return 2;
  }
  const settings = await resolveSettings(options.settings, loaded, lang, io, options.scale);
  const plan = planRollover(snapshot, settings, { renameHeaders: options['rename-headers'] === true });
  if (plan.sheets.length === 0) {
    io.stderr(`${formatMessage(cliMessages.rolloverNothing, lang)}\n`);
    return 2;
  }
  // The package itself is edited: every part the insert does not touch is copied as it is.
  const symbols = gradesOf(settings).map((m) => m.symbol);
  // The bytes already read and checked: the package edited is the one the plan was made from.
  const input = loaded.single;
  if (!extensionFits(input, out)) {
    io.stderr(`${formatMessage(cliMessages.outExtension, lang, { file: out })}\n`);
    return 2;
  }
  const result = applyRolloverToPackage(input, plan, symbols, nodeDeflate);
  if (result.kind === 'refused') {
    io.stderr(`${formatMessage(cliMessages.rolloverRefused, lang)}\n`);
    for (const r of result.refusals)
      io.stderr(
        `${formatMessage(cliMessages.rolloverRefusal, lang, { where: r.where, reason: formatMessage(rolloverRefusalReasons[r.reason], lang) })}\n`,
      );
    return 2;
  }
  const findings = loaded.fileFindings.filter((f) => f.code !== 'file.macros');
  if (findings.length > 0)
    io.stdout(formatFindings(loaded.files, analyse(loaded.snapshots, settings), findings, lang, io.color));
  for (const roll of plan.sheets) {
    io.stdout(
      `${formatMessage(cliMessages.rolloverSheet, lang, { sheet: roll.sheet, tables: roll.tables, years: roll.years })}\n`,
    );
    for (const r of roll.renames)
      io.stdout(
        `${formatMessage(cliMessages.rolloverRename, lang, { cell: r.cell, from: r.from, value: r.value })}\n`,
      );
  }
  await io.writeFile(out, result.bytes, guard);
  io.stderr(`${formatMessage(cliMessages.wrote, lang, { file: out })}\n`);
  return 0;
}
