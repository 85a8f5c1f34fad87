import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { generateSummary, itemTableRows, formatMessage, type Lang, toCsv } from '../core';
import { cliMessages } from './messages';
import { loadForWriting } from '../xlsx/loadForWriting';
import { workbookWithPlan } from '../xlsx/saveWorkbook';
import { PlanConflictError } from '../xlsx/writeWorkbook';
import { GraftError } from '../xlsx/rollover/graft';
import { summaryInCopy } from '../xlsx/rollover/summaryInCopy';
import { extensionFits } from '../xlsx/rollover/package';
import type { CliOptions } from './args';
import { closingLine, formatFindings } from './format';
import type { CliIo } from './io';
import { summaryJson } from './json';
import { writeJson } from './output';
import { nothingReadable, resolveSettings, UsageError } from './pipeline';
import { loadWorkbooks } from './files';
import { summaryTable } from './summaryTable';

export async function summarizeCommand(options: CliOptions, lang: Lang, io: CliIo): Promise<number> {
  const loaded = await loadWorkbooks(options.paths);
  const base = await resolveSettings(options.settings, loaded.stored, lang, io);
  const settings = options.ended ? { ...base, endedRule: options.ended } : base;
  if (options.out) {
    const target = resolve(options.out);
    if (loaded.files.some((f) => resolve(f) === target))
      throw new UsageError(
        formatMessage(cliMessages.badValue, lang, { option: '--out', value: options.out }),
      );
  }
  const single = loaded.snapshots.length === 1 ? loaded.snapshots[0]! : null;
  const result = generateSummary({
    workbooks: loaded.snapshots,
    settings,
    lang,
    now: io.now(),
    year: options.year ?? null,
    extraFindings: loaded.fileFindings,
    fileNames: loaded.writtenNames,
    ...(single ? { linkableFile: single.file } : {}),
  });
  const quiet = options.json === '-';
  if (!result.ok) {
    if (!quiet)
      io.stdout(
        formatFindings(
          loaded.files,
          result.analysis,
          [...loaded.fileFindings, ...result.analysis.findings],
          lang,
          io.color,
        ),
      );
    io.stderr(
      `${nothingReadable(result.analysis, lang) ?? formatMessage(cliMessages[result.reason === 'noYear' ? 'noYear' : 'noItems'], lang)}\n`,
    );
    return 2;
  }
  const order = new Map(loaded.files.map((f, i) => [f, i]));
  const findings = [...result.findings]
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (order.get(a.f.file) ?? 0) - (order.get(b.f.file) ?? 0) || a.i - b.i)
    .map((x) => x.f);
  if (!quiet) {
    io.stdout(formatFindings(loaded.files, result.analysis, findings, lang, io.color));
    io.stdout(closingLine(loaded.files.length, result.analysis, findings, lang));
    io.stdout(`\n${summaryTable(result.model, settings, lang)}`);
  }
  if (options.json)
    await writeJson(options.json, summaryJson(result.analysis, result.model, findings, lang), io, lang);
  if (options.csv) {
    const { header, rows } = itemTableRows(
      result.model.items,
      result.model.years.map((y) => y.year),
      lang,
      settings.marks,
      (file) => loaded.writtenNames[file] ?? file,
    );
    await io.writeFile(options.csv, `\uFEFF${toCsv(header, rows)}`);
    io.stderr(`${formatMessage(cliMessages.wrote, lang, { file: options.csv })}\n`);
  }
  if (options.out) {
    // One input: the summary is added to a copy of its package (every other part kept as it was);
    // several: a new workbook.
    const userBytes = single ? loaded.single : null;
    if (!extensionFits(userBytes, options.out)) {
      io.stderr(`${formatMessage(cliMessages.outExtension, lang, { file: options.out })}\n`);
      return 2;
    }
    let bytes: Uint8Array;
    try {
      bytes =
        (single && userBytes
          ? await summaryInCopy(userBytes, result.plan, single).catch((err: unknown) => {
              // A package we cannot graft into is copied the old way (ExcelJS re-writes it whole).
              if (err instanceof GraftError) return null;
              throw err;
            })
          : null) ??
        (await workbookWithPlan(
          userBytes ? await loadForWriting(userBytes) : new ExcelJS.Workbook(),
          result.plan,
          single ? single.ownedSheets : [],
        ));
    } catch (err) {
      if (!(err instanceof PlanConflictError)) throw err;
      io.stderr(
        `${formatMessage(cliMessages.conflict, lang, { sheets: [...err.conflicts, ...err.invalidNames] })}\n`,
      );
      return 2;
    }
    await io.writeFile(options.out, bytes);
    io.stderr(`${formatMessage(cliMessages.wrote, lang, { file: options.out })}\n`);
  }
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
