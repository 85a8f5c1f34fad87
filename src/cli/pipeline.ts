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
  finding,
  PRESET_SCALE_NAMES,
} from '../core';
import { cliMessages } from './messages';
import type { CliOptions } from './args';
import { loadWorkbooks, type LoadedWorkbooks } from './files';
import type { CliIo } from './io';
import { fileId, type FileId, type OutputGuard } from './safeWrite';

/** What no output of this run may overwrite: every input, and existing files unless --force. */
export async function outputGuard(
  options: Pick<CliOptions, 'force' | 'settings' | 'plan'>,
  loaded: Pick<LoadedWorkbooks, 'inputIds'> | null,
): Promise<OutputGuard> {
  const inputs: FileId[] = [...(loaded?.inputIds ?? [])];
  for (const path of [options.settings, options.plan]) {
    const id = path ? await fileId(path) : null;
    if (id) inputs.push(id);
  }
  return { force: options.force === true, inputs };
}

export interface PipelineResult {
  readonly guard: OutputGuard;
  /** The settings in force (--ended applied). */
  readonly settings: Settings;
  readonly snapshots: readonly WorkbookSnapshot[];
  readonly analysis: Analysis;
  /** Every file named or found, in order (readable or not). */
  readonly files: readonly string[];
  /** Findings about whole files (unreadable, macros), outside the analysis. */
  readonly fileFindings: readonly Finding[];
  /** Reader, validator and unreadable-file findings, grouped by file in that order. */
  readonly findings: readonly Finding[];
  /** The file's bytes when exactly one file was readable (`--out` writes a copy of it). */
  readonly single: Uint8Array | null;
  /** File as named in the run → as written into workbooks and CSV files (relative, never absolute). */
  readonly writtenNames: Readonly<Record<string, string>>;
}

export class UsageError extends Error {}

/**
 * The settings in force: a --settings file; else, for one workbook, the settings the add-in stored in
 * it (so the CLI and the pane agree without being told); for several, the stored settings only when
 * every readable file stores the very same ones. Settings that differ between files are a
 * `settings.conflict` finding naming them (added to `loaded.fileFindings`), and then no file's
 * settings decide how everyone's marks count: --settings or the defaults. The result never depends on
 * the order of the files.
 */
export async function resolveSettings(
  path: string | undefined,
  loaded: Pick<LoadedWorkbooks, 'stored' | 'snapshots' | 'fileFindings'>,
  lang: Lang,
  io: Pick<CliIo, 'stderr'>,
  scale?: string,
): Promise<Settings> {
  return withScale(await settingsInForce(path, loaded, lang, io), scale, lang);
}

/** `--scale NAME`: a preset, or a scale the settings define; anything else is a usage error. */
export function withScale(settings: Settings, scale: string | undefined, lang: Lang): Settings {
  if (scale === undefined) return settings;
  const { settings: chosen, error } = parseSettings({ ...settings, scale });
  if (error)
    throw new UsageError(
      formatMessage(cliMessages.badScale, lang, {
        value: scale,
        names: [...PRESET_SCALE_NAMES, ...Object.keys(settings.scales)],
      }),
    );
  return chosen;
}

async function settingsInForce(
  path: string | undefined,
  loaded: Pick<LoadedWorkbooks, 'stored' | 'snapshots' | 'fileFindings'>,
  lang: Lang,
  io: Pick<CliIo, 'stderr'>,
): Promise<Settings> {
  const readable = loaded.snapshots.map((s) => s.file);
  const stored = new Map(loaded.stored.map((s) => [s.file, s.raw]));
  // Compared once parsed, so that the same settings written differently are the same.
  const canonical = (raw: unknown): string => JSON.stringify(parseSettings(raw).settings);
  const variants = new Set(readable.map((f) => (stored.has(f) ? canonical(stored.get(f)) : 'none')));
  const files = [...stored.keys()].filter((f) => readable.includes(f)).sort();
  if (variants.size > 1 && files.length > 0) {
    const first = [...readable].sort()[0]!;
    loaded.fileFindings.push(
      finding('settings.conflict', { file: first, sheet: null, cell: null }, { files }),
    );
  }
  if (path) return loadSettingsFile(path, lang);
  if (variants.size !== 1 || files.length === 0) return DEFAULT_SETTINGS;
  const { settings, error } = parseSettings(stored.get(files[0]!));
  io.stderr(
    `${formatMessage(error ? cliMessages.storedSettingsInvalid : cliMessages.storedSettings, lang, { file: files, detail: error ?? '' })}\n`,
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
  const stored = await resolveSettings(options.settings, loaded, lang, io, options.scale);
  const settings = options.ended ? { ...stored, endedRule: options.ended } : stored;
  const year = options.year ?? settings.targetYear ?? null;
  const analysis = analyse(loaded.snapshots, settings, { year });
  const files = loaded.files;
  return {
    settings,
    snapshots: loaded.snapshots,
    analysis,
    files,
    fileFindings: loaded.fileFindings,
    findings: inFileOrder(files, [...loaded.fileFindings, ...analysis.findings]),
    single: loaded.single,
    writtenNames: loaded.writtenNames,
    guard: await outputGuard(options, loaded),
  };
}

/**
 * Findings grouped by file in the order the files were given, each file's in the order they came:
 * its own findings (unreadable, macros) before those on its sheets, as every command lists them.
 */
export function inFileOrder(files: readonly string[], findings: readonly Finding[]): Finding[] {
  const order = new Map(files.map((f, i) => [f, i]));
  const rank = (f: Finding): number => order.get(f.file) ?? 0;
  // Usually already so (each file's findings come together, in the files' order): nothing to sort.
  let sorted = true;
  for (let i = 1; i < findings.length && sorted; i += 1)
    sorted = rank(findings[i - 1]!) <= rank(findings[i]!);
  if (sorted) return [...findings];
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
    .map((x) => x.f);
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
      years: analysis.years.map((y) => formatFiscalYear(y, lang, 'long')),
    });
  return null;
}

/** 0: no errors; 1: errors found; 2: nothing readable (no plan table, or no column for the year). */
export function exitCode(result: PipelineResult): number {
  if (result.snapshots.length === 0) return 2;
  if (nothingReadable(result.analysis, 'en') !== null) return 2;
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
