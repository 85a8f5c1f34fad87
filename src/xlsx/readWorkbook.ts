/** .xlsx file on disk → grid snapshot (the Node side of readWorkbookBuffer). */
import { readFile, stat } from 'node:fs/promises';
import {
  DEFAULT_LIMITS,
  readWorkbookBuffer,
  unreadable,
  type ReadLimits,
  type ReadOutcome,
} from './readWorkbookBuffer';

export * from './readWorkbookBuffer';

/** A read outcome and, when read, the file's bytes (a copy of the workbook is written from them). */
export type FileOutcome = ReadOutcome & { readonly bytes?: Uint8Array };

export async function readWorkbookFile(
  path: string,
  file: string,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<FileOutcome> {
  try {
    const info = await stat(path);
    if (info.size > limits.maxFileBytes) return unreadable(file, 'tooLarge', `${info.size} bytes`);
    const bytes = await readFile(path);
    const outcome = await readWorkbookBuffer(bytes, file, limits);
    return outcome.ok ? { ...outcome, bytes } : outcome;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return unreadable(
      file,
      code === 'ENOENT' ? 'notFound' : 'other',
      err instanceof Error ? err.message : String(err),
    );
  }
}
