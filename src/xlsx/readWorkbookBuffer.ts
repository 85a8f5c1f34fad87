/**
 * .xlsx bytes → grid snapshot, or a `file.unreadable` finding saying why: the package reader
 * (src/xlsx/package), which the CLI, the pane's 取り込み and the preview share. No Node imports.
 */
import {
  DEFAULT_LIMITS,
  readXlsx,
  type ReadLimits,
  type ReadOptions,
  type ReadOutcome,
} from './package/readXlsx';

export {
  DEFAULT_LIMITS,
  readXlsx,
  unreadable,
  type ReadLimits,
  type ReadOptions,
  type ReadOutcome,
  type UnreadableReason,
} from './package/readXlsx';

/** The limits as the README states them. */
export const LIMITS_FOR_DOCS = DEFAULT_LIMITS;

export function readWorkbookBuffer(
  bytes: Uint8Array,
  file: string,
  limits: ReadLimits = DEFAULT_LIMITS,
  options: Omit<ReadOptions, 'limits'> = {},
): Promise<ReadOutcome> {
  return readXlsx(bytes, file, { ...options, limits });
}
