import { createHash } from 'node:crypto';
import { generateSummary, gradesOf, itemTableRows, formatMessage, type Lang, toCsv } from '../core';
import { cliMessages } from './messages';
import { nodeDeflate, threadedDeflate } from './deflate';
import { PlanConflictError } from '../xlsx/write/planConflict';
import { newSummaryWorkbook } from '../xlsx/write/summaryWorkbook';
import { GraftError } from '../xlsx/rollover/graft';
import { summaryInCopy } from '../xlsx/rollover/summaryInCopy';
import { extensionFits } from '../xlsx/rollover/package';
import type { Deflate } from '../xlsx/rollover/zipWrite';
import type { CliOptions } from './args';
import { closingLine, formatFindings } from './format';
import type { CliIo } from './io';
import { summaryJson } from './json';
import { writeJson } from './output';
import { inFileOrder, nothingReadable, runPipeline } from './pipeline';
import { checkOutputs } from './safeWrite';
import { summaryTable } from './summaryTable';

export async function summarizeCommand(options: CliOptions, lang: Lang, io: CliIo): Promise<number> {
  const compressor: { started?: ReturnType<typeof threadedDeflate> } = {};
  try {
    return await summarize(options, lang, io, () => (compressor.started ??= threadedDeflate()).deflate);
  } finally {
    compressor.started?.stop();
  }
}

async function summarize(
  options: CliOptions,
  lang: Lang,
  io: CliIo,
  startCompressor: () => Deflate,
): Promise<number> {
  const pipeline = await runPipeline(options, lang, io);
  const { settings, snapshots, files } = pipeline;
  // Every output refused before anything is written: an input (by device and inode), twice the same,
  // or an existing file without --force.
  const guard = pipeline.guard;
  await checkOutputs(
    [options.out, options.csv, options.json].filter((t): t is string => t !== undefined && t !== '-'),
    guard,
  );
  // The compressing thread starts after the files are read (their reading keeps both cores busy)
  // and is ready by the time the summary is laid out.
  const deflate = options.out !== undefined ? startCompressor() : nodeDeflate;
  const single = snapshots.length === 1 ? snapshots[0]! : null;
  const result = generateSummary({
    workbooks: snapshots,
    settings,
    analysis: pipeline.analysis,
    lang,
    now: io.now(),
    year: options.year ?? null,
    extraFindings: pipeline.fileFindings,
    fileNames: pipeline.writtenNames,
    // Node's SHA-256 for the inputs' content hashes: the core's own digest, ~8× faster.
    sha256: (bytes) => createHash('sha256').update(bytes).digest('hex'),
    ...(single ? { linkableFile: single.file } : {}),
  });
  const quiet = options.json === '-';
  if (!result.ok) {
    if (!quiet) io.stdout(formatFindings(files, result.analysis, pipeline.findings, lang, io.color));
    io.stderr(
      `${nothingReadable(result.analysis, lang) ?? formatMessage(cliMessages[result.reason === 'noYear' ? 'noYear' : 'noItems'], lang)}\n`,
    );
    return 2;
  }
  // The pipeline's findings and the reconciliation's (hand-made tables), grouped by file as everywhere.
  const findings = inFileOrder(files, result.findings);
  if (!quiet) {
    io.stdout(formatFindings(files, result.analysis, findings, lang, io.color));
    io.stdout(closingLine(files.length, result.analysis, findings, lang));
    io.stdout(`\n${summaryTable(result.model, settings, lang)}`);
  }
  if (options.json)
    await writeJson(
      options.json,
      summaryJson(result.analysis, result.model, findings, lang),
      io,
      lang,
      guard,
    );
  if (options.csv) {
    const { header, rows } = itemTableRows(
      result.model.items,
      result.model.years.map((y) => y.year),
      lang,
      gradesOf(settings),
      (file) => pipeline.writtenNames[file] ?? file,
    );
    await io.writeFile(options.csv, `\uFEFF${toCsv(header, rows)}`, guard);
    io.stderr(`${formatMessage(cliMessages.wrote, lang, { file: options.csv })}\n`);
  }
  if (options.out) {
    // One input: the summary is added to a copy of its package (every other part kept as it was);
    // several: a new workbook.
    const userBytes = single ? pipeline.single : null;
    if (!extensionFits(userBytes, options.out)) {
      io.stderr(`${formatMessage(cliMessages.outExtension, lang, { file: options.out })}\n`);
      return 2;
    }
    let bytes: Uint8Array;
    try {
      bytes =
        single && userBytes
          ? summaryInCopy(userBytes, result.plan, single, deflate)
          : newSummaryWorkbook(result.plan, io.now(), deflate);
    } catch (err) {
      // A package the summary cannot be added to is refused (nothing written), never rewritten whole.
      if (err instanceof GraftError) {
        io.stderr(
          `${formatMessage(cliMessages.outNotGrafted, lang, { part: err.part, file: options.out })}\n`,
        );
        return 2;
      }
      if (!(err instanceof PlanConflictError)) throw err;
      io.stderr(
        `${formatMessage(cliMessages.conflict, lang, { sheets: [...err.conflicts, ...err.invalidNames] })}\n`,
      );
      return 2;
    }
    await io.writeFile(options.out, bytes, guard);
    io.stderr(`${formatMessage(cliMessages.wrote, lang, { file: options.out })}\n`);
  }
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
