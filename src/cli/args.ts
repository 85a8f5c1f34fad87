/**
 * Command-line arguments → a checked command. Flags are parsed by hand (there are few) and the
 * result is validated with zod, so every value that reaches the engine has been checked.
 */
import { z } from 'zod';
import { endedRuleSchema, type Lang, parseFiscalYear } from '../core';

export const COMMANDS = ['validate', 'summarize', 'template', 'rollover'] as const;
export type CommandName = (typeof COMMANDS)[number];

const FLAGS: Readonly<Record<CommandName, readonly string[]>> = {
  validate: ['year', 'json', 'lang', 'settings', 'scale', 'force'],
  summarize: ['year', 'json', 'lang', 'settings', 'scale', 'ended', 'out', 'csv', 'force'],
  // Templates never replace a file: no --force.
  template: ['plan', 'from', 'years', 'title', 'out', 'lang', 'settings', 'scale'],
  rollover: ['out', 'rename-headers', 'lang', 'settings', 'scale', 'force'],
};

/** Flags that take no value. */
const SWITCHES: ReadonlySet<string> = new Set(['rename-headers', 'force']);

/** Commands that take their inputs from flags (--plan / --from) rather than paths. */
const NO_PATHS: ReadonlySet<CommandName> = new Set(['template']);

const langSchema = z.enum(['ja', 'en']);

const optionsSchema = z.object({
  paths: z.array(z.string().min(1)),
  year: z
    .string()
    .refine((s) => parseFiscalYear(s) !== null, { message: 'year' })
    .optional(),
  json: z.string().min(1).optional(),
  lang: langSchema.optional(),
  settings: z.string().min(1).optional(),
  ended: endedRuleSchema.optional(),
  /** A preset grade scale (kasama, sabc, a-f, achievement, status) or a scale named in the settings. */
  scale: z.string().min(1).max(40).optional(),
  out: z.string().min(1).optional(),
  csv: z.string().min(1).optional(),
  plan: z.string().min(1).optional(),
  from: z.string().min(1).optional(),
  years: z.string().min(1).max(40).optional(),
  title: z.string().min(1).max(200).optional(),
  'rename-headers': z.boolean().optional(),
  force: z.boolean().optional(),
});
export type CliOptions = z.infer<typeof optionsSchema>;

/** Every outcome carries the --lang asked for, if any, so that even a usage error speaks it. */
export type ParsedArgs = { readonly lang?: Lang } & (
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'run'; readonly command: CommandName; readonly options: CliOptions }
  | {
      readonly kind: 'error';
      readonly key:
        | 'unknownCommand'
        | 'unknownOption'
        | 'missingValue'
        | 'badValue'
        | 'noPaths'
        | 'templateSource'
        | 'onePath';
      readonly params: Record<string, string>;
    }
);

/** `--lang en` or `--lang=en` anywhere in the arguments; undefined when absent or not ja/en. */
function langFlag(argv: readonly string[]): Lang | undefined {
  const at = argv.indexOf('--lang');
  const value = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  const parsed = langSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const lang = langFlag(argv);
  const parsed = parseCommand(argv);
  return lang ? { ...parsed, lang } : parsed;
}

function parseCommand(argv: readonly string[]): ParsedArgs {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help')
    return { kind: 'help' };
  if (first === '--version' || first === '-v') return { kind: 'version' };
  if (!(COMMANDS as readonly string[]).includes(first))
    return { kind: 'error', key: 'unknownCommand', params: { command: first } };
  const command = first as CommandName;
  const raw: Record<string, unknown> = { paths: [] as string[] };
  const paths = raw.paths as string[];
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i]!;
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (!arg.startsWith('--') || arg === '-') {
      paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq >= 0 ? eq : undefined);
    if (!FLAGS[command].includes(name))
      return { kind: 'error', key: 'unknownOption', params: { option: `--${name}` } };
    if (SWITCHES.has(name)) {
      raw[name] = true;
      continue;
    }
    const value: string | undefined = eq >= 0 ? arg.slice(eq + 1) : rest[i + 1];
    if (eq < 0) i += 1;
    if (value === undefined || value === '' || (value.startsWith('--') && value.length > 2)) {
      return { kind: 'error', key: 'missingValue', params: { option: `--${name}` } };
    }
    raw[name] = value;
  }
  const parsed = optionsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const option = String(issue.path[0] ?? '');
    return {
      kind: 'error',
      key: 'badValue',
      params: { option: `--${option}`, value: String(raw[option] ?? '') },
    };
  }
  const options = parsed.data;
  // summarize --out names a workbook; template --out names a folder.
  if (
    (command === 'summarize' || command === 'rollover') &&
    options.out !== undefined &&
    !/\.xls[xm]$/i.test(options.out)
  ) {
    return { kind: 'error', key: 'badValue', params: { option: '--out', value: options.out } };
  }
  if (command === 'rollover' && options.paths.length !== 1)
    return { kind: 'error', key: 'onePath', params: {} };
  if (command === 'rollover' && options.out === undefined)
    return { kind: 'error', key: 'missingValue', params: { option: '--out' } };
  if (NO_PATHS.has(command)) {
    if (options.paths.length > 0)
      return { kind: 'error', key: 'unknownOption', params: { option: options.paths[0]! } };
    if ((options.plan === undefined) === (options.from === undefined))
      return { kind: 'error', key: 'templateSource', params: {} };
    if (options.out === undefined) return { kind: 'error', key: 'missingValue', params: { option: '--out' } };
  } else if (options.paths.length === 0) return { kind: 'error', key: 'noPaths', params: {} };
  return { kind: 'run', command, options };
}
