/** The part every command shares: settings, workbooks, and read → validate. */
import { readFile } from 'node:fs/promises';
import {
  analyse,
  type Analysis,
  type WorkbookSnapshot,
  type Finding,
  formatMessage,
  formatFiscalYear,
  type Lang,
  DEFAULT_SETTINGS,
  parseSettings,
  type Settings,
} from '../core';
import { cliMessages } from './messages';
import type { CliOptions } from './args';
import { loadWorkbooks, type LoadedWorkbooks } from './files';
import type { CliIo } from './io';

export interface PipelineResult {
  readonly settings: Settings;
  readonly snapshots: readonly WorkbookSnapshot[];
  readonly analysis: Analysis;
  /** Every file named or found, in order (readable or not). */
  readonly files: readonly string[];
  /** Reader, validator and unreadable-file findings, grouped by file in that order. */
  readonly findings: readonly Finding[];
}

export class UsageError extends Error {}

/**
 * The settings in force: a --settings file, else those the add-in stored in the (first) workbook that
 * has them, so the CLI and the pane agree without being told; else the defaults.
 */
export async function resolveSettings(
  path: string | undefined,
  stored: LoadedWorkbooks['stored'],
  lang: Lang,
  io: Pick<CliIo, 'stderr'>,
): Promise<Settings> {
  if (path) return loadSettingsFile(path, lang);
  const first = stored[0];
  if (!first) return DEFAULT_SETTINGS;
  const { settings, error } = parseSettings(first.raw);
  io.stderr(
    `${formatMessage(error ? cliMessages.storedSettingsInvalid : cliMessages.storedSettings, lang, { file: first.file, detail: error ?? '' })}\n`,
  );
  return settings;
}

export async function loadSettingsFile(path: string | undefined, lang: Lang): Promise<Settings> {
  if (!path) return DEFAULT_SETTINGS;
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new UsageError(
      formatMessage(cliMessages.settingsInvalid, lang, {
        file: path,
        detail: err instanceof Error ? err.message : String(err),
      }),
    );
  }
  const { settings, error } = parseSettings(json);
  if (error)
    throw new UsageError(formatMessage(cliMessages.settingsInvalid, lang, { file: path, detail: error }));
  return settings;
}

export async function runPipeline(
  options: CliOptions,
  lang: Lang,
  io: Pick<CliIo, 'stderr'>,
): Promise<PipelineResult> {
  const loaded = await loadWorkbooks(options.paths);
  const settings = await resolveSettings(options.settings, loaded.stored, lang, io);
  const year = options.year ?? settings.targetYear ?? null;
  const analysis = analyse(loaded.snapshots, settings, { year });
  const files = loaded.files;
  const order = new Map(files.map((f, i) => [f, i]));
  // A file's own findings (unreadable, macros) before those on its sheets, as summarize lists them.
  const findings = [...loaded.fileFindings, ...analysis.findings]
    .map((f, i) => ({ f, i }))
    .sort((a, b) => order.get(a.f.file)! - order.get(b.f.file)! || a.i - b.i)
    .map((x) => x.f);
  return { settings, snapshots: loaded.snapshots, analysis, files, findings };
}

/**
 * Why there is nothing to say, if so: no plan table in any input, or a target year no table has a
 * status column for. Both commands stop there with exit code 2.
 */
export function nothingReadable(analysis: Analysis, lang: Lang): string | null {
  if (analysis.tables.length === 0) return formatMessage(cliMessages.noTables, lang);
  if (analysis.yearNotInPlan)
    return formatMessage(cliMessages.yearNotInPlan, lang, {
      year: formatFiscalYear(analysis.yearNotInPlan, lang, 'long'),
      years: analysis.years.map((y) => formatFiscalYear(y, lang, 'long')).join(lang === 'ja' ? '・' : ', '),
    });
  return null;
}

/** 0: no errors; 1: errors found; 2: nothing readable (no plan table, or no column for the year). */
export function exitCode(result: PipelineResult): number {
  if (result.snapshots.length === 0) return 2;
  if (nothingReadable(result.analysis, 'en') !== null) return 2;
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
