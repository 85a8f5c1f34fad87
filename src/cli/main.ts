/**
 * reform-progress: the same engine as the add-in, on .xlsx files.
 */
import { formatMessage, type Lang, langFromTag, VERSION } from '../core';
import { cliMessages } from './messages';
import { parseArgs } from './args';
import { processIo, type CliIo } from './io';
import { UsageError } from './pipeline';
import { validateCommand } from './validateCommand';
import { summarizeCommand } from './summarizeCommand';
import { templateCommand } from './templateCommand';
import { rolloverCommand } from './rolloverCommand';
import type { CommandName, CliOptions } from './args';

const COMMAND_RUNNERS: Readonly<
  Record<CommandName, (options: CliOptions, lang: Lang, io: CliIo) => Promise<number>>
> = {
  validate: validateCommand,
  summarize: summarizeCommand,
  template: templateCommand,
  rollover: rolloverCommand,
};

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
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
        return await COMMAND_RUNNERS[parsed.command](parsed.options, lang, io);
      } catch (err) {
        if (err instanceof UsageError) {
          io.stderr(`${formatMessage(cliMessages.usageError, lang, { detail: err.message })}\n`);
          return 2;
        }
        throw err;
      }
  }
}
