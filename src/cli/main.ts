/**
 * reform-progress: the same engine as the add-in, on .xlsx files.
 */
import { formatMessage, type Lang, langFromTag, terminalSafe, VERSION } from '../core';
import { cliMessages } from './messages';
import { parseArgs } from './args';
import { OUR_SEQUENCES } from './format';
import { processIo, type CliIo } from './io';
import { UsageError } from './pipeline';
import { OutputError } from './safeWrite';
import type { CommandName, CliOptions } from './args';

type CommandRunner = (options: CliOptions, lang: Lang, io: CliIo) => Promise<number>;

/**
 * Each command's module is loaded only when it runs: `validate` loads neither the layout nor the writer.
 */
const COMMAND_RUNNERS: Readonly<Record<CommandName, () => Promise<CommandRunner>>> = {
  validate: async () => (await import('./validateCommand')).validateCommand,
  summarize: async () => (await import('./summarizeCommand')).summarizeCommand,
  template: async () => (await import('./templateCommand')).templateCommand,
  rollover: async () => (await import('./rolloverCommand')).rolloverCommand,
};

export async function main(argv: readonly string[], given: CliIo = processIo()): Promise<number> {
  // Text from cells and file names may hold control characters: shown escaped, never sent raw.
  const io: CliIo = {
    ...given,
    stdout: (text) => given.stdout(terminalSafe(text, OUR_SEQUENCES)),
    stderr: (text) => given.stderr(terminalSafe(text, OUR_SEQUENCES)),
  };
  const parsed = parseArgs(argv);
  // --lang, else the locale (POSIX's order of precedence), else Japanese.
  const lang = parsed.lang ?? langFromTag(io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG);
  switch (parsed.kind) {
    case 'help':
      io.stdout(`${formatMessage(cliMessages.usage, lang)}\n`);
      return 0;
    case 'version':
      io.stdout(`reform-progress ${VERSION}\n`);
      return 0;
    case 'error':
      io.stderr(
        `${formatMessage(cliMessages.usageError, lang, { detail: formatMessage(cliMessages[parsed.key], lang, parsed.params) })}\n`,
      );
      return 2;
    case 'run':
      try {
        const run = await COMMAND_RUNNERS[parsed.command]();
        return await run(parsed.options, lang, io);
      } catch (err) {
        if (err instanceof OutputError) {
          io.stderr(
            `${formatMessage(cliMessages[`output_${err.problem}`], lang, { file: err.file, detail: err.message })}\n`,
          );
          return 2;
        }
        if (err instanceof UsageError) {
          io.stderr(`${formatMessage(cliMessages.usageError, lang, { detail: err.message })}\n`);
          return 2;
        }
        throw err;
      }
  }
}

/**
 * The package reader as the CLI runs it (this bundle, Node's zlib), loaded when asked: for the bench's
 * reader-only figure (bench/readerChild.ts), which measures the reader as it ships.
 */
export async function loadReader(): Promise<typeof import('../xlsx/readWorkbook').readWorkbookFile> {
  return (await import('../xlsx/readWorkbook')).readWorkbookFile;
}
