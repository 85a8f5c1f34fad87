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

export async function readWorkbookFile(
  path: string,
  file: string,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<ReadOutcome> {
  try {
    const info = await stat(path);
    if (info.size > limits.maxFileBytes) return unreadable(file, 'tooLarge', `${info.size} bytes`);
    return await readWorkbookBuffer(await readFile(path), file, limits);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return unreadable(
      file,
      code === 'ENOENT' ? 'notFound' : 'other',
      err instanceof Error ? err.message : String(err),
    );
  }
}
