import type { Lang } from '../core';
import type { CliOptions } from './args';
import { closingLine, formatFindings } from './format';
import type { CliIo } from './io';
import { validationJson } from './json';
import { exitCode, nothingReadable, runPipeline } from './pipeline';
import { writeJson } from './output';
import { checkOutputs } from './safeWrite';

export async function validateCommand(options: CliOptions, lang: Lang, io: CliIo): Promise<number> {
  const result = await runPipeline(options, lang, io);
  if (options.json && options.json !== '-') await checkOutputs([options.json], result.guard);
  const quiet = options.json === '-';
  if (!quiet) {
    io.stdout(formatFindings(result.files, result.analysis, result.findings, lang, io.color));
    io.stdout(closingLine(result.files.length, result.analysis, result.findings, lang));
  }
  if (options.json)
    await writeJson(
      options.json,
      validationJson(result.analysis, result.findings, lang),
      io,
      lang,
      result.guard,
    );
  const nothing = nothingReadable(result.analysis, lang);
  if (nothing !== null && result.snapshots.length > 0) io.stderr(`${nothing}\n`);
  return exitCode(result);
}
