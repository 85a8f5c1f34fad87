/**
 * Paths as given → the workbooks to read, in a stable order, and their snapshots.
 * Folders are searched recursively; Excel's `~$` lock files and other files are skipped.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import type { WorkbookSnapshot, Finding } from '../core';
import { readWorkbookFile, unreadable } from '../xlsx/readWorkbook';
import { fileIdSync, type FileId } from './safeWrite';

const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xlsm']);

function isWorkbookName(name: string): boolean {
  return !name.startsWith('~$') && WORKBOOK_EXTENSIONS.has(extname(name).toLowerCase());
}

/** `file` values use '/' whatever the platform, joined to the folder as the user typed it. */
function joinShown(folder: string, name: string): string {
  return `${folder.replace(/[\\/]+$/, '')}/${name}`;
}

/**
 * How a file is named in what is written for others (workbooks, CSV): below the folder given, with
 * the folder's own name in front (`departments/総務部.xlsx`), or by its file name when a file is
 * given. Never the absolute path: a summary handed out must not carry `/home/…` or a user's name.
 */
function rootName(given: string): string {
  return basename(resolve(given)) || 'workbooks';
}

interface FoundFile {
  path: string;
  /** As the user typed it (terminal, JSON). */
  shown: string;
  /** As written into workbooks and CSV files. */
  written: string;
}

/** The same written name for two different files (two `x.xlsx` from two folders) gets parent folders in front. */
function disambiguate(files: FoundFile[]): void {
  const count = new Map<string, number>();
  for (const f of files) count.set(f.written, (count.get(f.written) ?? 0) + 1);
  for (const f of files) {
    if ((count.get(f.written) ?? 0) < 2) continue;
    f.written = resolve(f.path)
      .split(/[\\/]+/)
      .filter(Boolean)
      .slice(-3)
      .join('/');
  }
}

async function walk(folder: string, shown: string, written: string, out: FoundFile[]): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory())
      await walk(path, joinShown(shown, entry.name), joinShown(written, entry.name), out);
    else if (entry.isFile() && isWorkbookName(entry.name))
      out.push({ path, shown: joinShown(shown, entry.name), written: joinShown(written, entry.name) });
  }
}

export interface Discovered {
  readonly files: readonly FoundFile[];
  /** Paths that do not exist: reported as unreadable files. */
  readonly missing: readonly Finding[];
}

export async function discoverWorkbooks(paths: readonly string[]): Promise<Discovered> {
  const files: FoundFile[] = [];
  const missing: Finding[] = [];
  for (const given of paths) {
    const info = await stat(given).catch(() => null);
    if (!info) {
      const outcome = unreadable(given, 'notFound');
      if (!outcome.ok) missing.push(outcome.finding);
    } else if (info.isDirectory()) {
      await walk(given, given, rootName(given), files);
    } else {
      files.push({ path: given, shown: given.replace(/\\/g, '/'), written: rootName(given) });
    }
  }
  disambiguate(files);
  return { files, missing };
}

export interface LoadedWorkbooks {
  readonly snapshots: WorkbookSnapshot[];
  /**
   * Findings about whole files, shown with the others by every command: files that could not be read
   * (errors), and readable ones holding macros that a written copy drops (`file.macros`, warnings).
   */
  readonly fileFindings: Finding[];
  /** Every file named or found, in the order given (folders: sorted by name). */
  readonly files: string[];
  /** File as named in the run → as written into workbooks and CSV files (relative, never absolute). */
  readonly writtenNames: Readonly<Record<string, string>>;
  /** The add-in's settings stored in the workbooks that have them (raw, not yet checked). */
  readonly stored: { readonly file: string; readonly raw: unknown }[];
  /** The file's bytes when exactly one file was readable: `--out` and `rollover` write a copy of it. */
  readonly single: Uint8Array | null;
  /** Device and inode of every workbook found (read or not): no output may be one of them. */
  readonly inputIds: FileId[];
}

/** Read every workbook; an unreadable one becomes a finding and the others are still read. */
export async function loadWorkbooks(paths: readonly string[]): Promise<LoadedWorkbooks> {
  const discovered = await discoverWorkbooks(paths);
  const snapshots: WorkbookSnapshot[] = [];
  const fileFindings: Finding[] = [...discovered.missing];
  const stored: { file: string; raw: unknown }[] = [];
  // Only the first file's bytes are kept, and only while it is the only one readable.
  let first: Uint8Array | null = null;
  const inputIds: FileId[] = [];
  for (const file of discovered.files) {
    const id = fileIdSync(file.path);
    if (id) inputIds.push(id);
    const outcome = await readWorkbookFile(file.path, file.shown);
    if (outcome.ok) {
      first = snapshots.length === 0 ? (outcome.bytes ?? null) : null;
      snapshots.push(outcome.snapshot);
      if (outcome.settings !== null) stored.push({ file: file.shown, raw: outcome.settings });
      fileFindings.push(...outcome.findings);
    } else fileFindings.push(outcome.finding);
  }
  return {
    snapshots,
    fileFindings,
    files: [...discovered.files.map((f) => f.shown), ...discovered.missing.map((f) => f.file)],
    writtenNames: Object.fromEntries([
      ...discovered.files.map((f) => [f.shown, f.written]),
      ...discovered.missing.map((f) => [f.file, rootName(f.file)]),
    ]),
    stored,
    single: snapshots.length === 1 ? first : null,
    inputIds,
  };
}
