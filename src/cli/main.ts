/**
 * reform-progress: the same engine as the add-in, on .xlsx files.
 */
import { formatMessage, type Lang, VERSION } from '../core';
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

/** Japanese unless the environment asks for English. */
export function defaultLang(env: CliIo['env']): Lang {
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en/i.test(tag) ? 'en' : 'ja';
}

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const parsed = parseArgs(argv);
  const langFlag = argv.indexOf('--lang');
  const langArg = langFlag >= 0 ? argv[langFlag + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  const lang: Lang = langArg === 'en' || langArg === 'ja' ? langArg : defaultLang(io.env);
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
