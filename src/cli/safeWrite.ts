/**
 * Output files written safely: the whole content goes to a temporary file in the destination folder,
 * is flushed to disk (fsync) and only then renamed over the destination, so a full disk, a Ctrl-C or a
 * crash never leaves a truncated file where the previous one was. An output that is one of the inputs
 * (the same device and inode: through a symlink, a hard link or another spelling of the name on a
 * case-insensitive disk) is refused, and an existing file is replaced only when the user said --force.
 * Failures become plain messages naming the file; nothing is left behind.
 */
import { lstat, mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** A file's identity on disk. */
export interface FileId {
  readonly dev: number;
  readonly ino: number;
}

export type OutputProblem =
  'exists' | 'isInput' | 'sameOutput' | 'denied' | 'readOnly' | 'noFolder' | 'noSpace' | 'isFolder' | 'other';

export class OutputError extends Error {
  constructor(
    readonly problem: OutputProblem,
    readonly file: string,
    detail = '',
  ) {
    super(detail || problem);
    this.name = 'OutputError';
  }
}

export interface OutputGuard {
  /** Replace an existing file (never an input). */
  readonly force: boolean;
  /** Every file the run reads. */
  readonly inputs: readonly FileId[];
}

export async function fileId(path: string): Promise<FileId | null> {
  try {
    const info = await stat(path);
    return { dev: info.dev, ino: info.ino };
  } catch {
    return null;
  }
}

/** The same as fileId, without a round trip through the thread pool for each of many inputs. */
export function fileIdSync(path: string): FileId | null {
  const info = statSync(path, { throwIfNoEntry: false });
  return info ? { dev: info.dev, ino: info.ino } : null;
}

function problemOf(err: unknown): OutputProblem {
  switch ((err as NodeJS.ErrnoException | null)?.code) {
    case 'EACCES':
    case 'EPERM':
      return 'denied';
    case 'EROFS':
      return 'readOnly';
    case 'ENOENT':
    case 'ENOTDIR':
      return 'noFolder';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'noSpace';
    case 'EISDIR':
      return 'isFolder';
    default:
      return 'other';
  }
}

function errorDetail(err: unknown): string {
  return (err as NodeJS.ErrnoException | null)?.code ?? (err instanceof Error ? err.message : String(err));
}

/**
 * Refuses, before anything is written, outputs that are inputs, that name the same file twice, or that
 * exist without --force. `targets` are all the files the command will write.
 */
export async function checkOutputs(targets: readonly string[], guard: OutputGuard): Promise<void> {
  const seen: { id: FileId | null; path: string }[] = [];
  for (const target of targets) {
    const existing = await lstat(target).catch(() => null);
    const id = await fileId(target);
    if (id && guard.inputs.some((i) => i.dev === id.dev && i.ino === id.ino))
      throw new OutputError('isInput', target);
    if (existing?.isDirectory()) throw new OutputError('isFolder', target);
    const full = resolve(target);
    if (
      seen.some(
        (s) =>
          s.path === full || (id !== null && s.id !== null && s.id.dev === id.dev && s.id.ino === id.ino),
      )
    )
      throw new OutputError('sameOutput', target);
    seen.push({ id, path: full });
    if (existing && !guard.force) throw new OutputError('exists', target);
  }
}

/** The file-system calls a write makes; tests pass failing ones to play a full disk or a read-only one. */
export interface WriteOps {
  readonly open: typeof open;
  readonly rename: typeof rename;
}

const NODE_OPS: WriteOps = { open, rename };

/** Write `data` to `target` through a temporary file in its folder, renamed into place once on disk. */
export async function writeFileSafely(
  target: string,
  data: string | Uint8Array,
  guard: OutputGuard,
  ops: WriteOps = NODE_OPS,
): Promise<void> {
  await checkOutputs([target], guard);
  const folder = dirname(resolve(target));
  // Loaded here, not with the CLI: a run that writes nothing (validate) does without it.
  const { randomBytes } = await import('node:crypto');
  const temp = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let created = false;
  try {
    const handle = await ops.open(temp, 'wx', 0o644);
    created = true;
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // Checked again just before the rename: the target may have appeared meanwhile.
    if (!guard.force && (await lstat(target).catch(() => null))) throw new OutputError('exists', target);
    await ops.rename(temp, target);
    created = false;
    await syncFolder(folder);
  } catch (err) {
    if (created) await unlink(temp).catch(() => undefined);
    if (err instanceof OutputError) throw err;
    throw new OutputError(problemOf(err), target, errorDetail(err));
  }
}

/** The rename itself made durable; not every platform lets a folder be opened for this, which is fine. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows and some file systems refuse to sync a folder; the file itself is on disk.
  }
}

/** A folder for outputs (template --out), created when missing; errors as plain output errors. */
export async function ensureFolder(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
  } catch (err) {
    throw new OutputError(problemOf(err), folder, errorDetail(err));
  }
}
