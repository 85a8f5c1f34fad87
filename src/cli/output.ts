import { formatMessage, type Lang } from '../core';
import { cliMessages } from './messages';
import type { CliIo } from './io';
import type { OutputGuard } from './safeWrite';

/** JSON to standard output (`-`) or to a file, announced on stderr so stdout stays clean. */
export async function writeJson(
  target: string,
  data: unknown,
  io: CliIo,
  lang: Lang,
  guard: OutputGuard,
): Promise<void> {
  const text = `${JSON.stringify(data, null, 2)}\n`;
  if (target === '-') {
    io.stdout(text);
    return;
  }
  await io.writeFile(target, text, guard);
  io.stderr(`${formatMessage(cliMessages.wrote, lang, { file: target })}\n`);
}
