/**
 * reform-progress template: a plan definition (a JSON file, or the items of an existing workbook)
 * → one workbook per department, in the layout the reader understands. Existing files are never
 * overwritten: if any target exists, nothing is written.
 */
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { analyse } from '../core/engine';
import { cliMessages, formatMessage, type Lang } from '../core/messages';
import { parsePlanDefinition, parseYearRange, planDepartments, type PlanDefinition } from '../core/template/planDefinition';
import { planFromItems } from '../core/template/planFromItems';
import { templateSheets } from '../core/template/templateSheet';
import { TOOL_NAME } from '../core/version';
import { templateWorkbook } from '../xlsx/writeTemplate';
import type { CliOptions } from './args';
import { formatFindings } from './format';
import type { CliIo } from './io';
import { loadWorkbooks } from './files';
import { loadSettingsFile, resolveSettings, UsageError } from './pipeline';
import type { Settings } from '../core/settings';

async function planFromFile(path: string, years: string | undefined, lang: Lang): Promise<PlanDefinition> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new UsageError(formatMessage(cliMessages.planInvalid, lang, { file: path, detail: err instanceof Error ? err.message : String(err) }));
  }
  const parsed = parsePlanDefinition(json, years);
  if (!parsed.ok) throw new UsageError(formatMessage(cliMessages.planInvalid, lang, { file: path, detail: parsed.error }));
  return parsed.plan;
}

const exists = (path: string) => access(path).then(
  () => true,
  () => false,
);

export async function templateCommand(options: CliOptions, lang: Lang, io: CliIo): Promise<number> {
  const outDir = options.out!;
  const years = options.years === undefined ? null : parseYearRange(options.years);
  if (options.years !== undefined && !years) throw new UsageError(formatMessage(cliMessages.badValue, lang, { option: '--years', value: options.years }));

  let plan: PlanDefinition;
  let settings: Settings;
  if (options.plan) {
    plan = await planFromFile(options.plan, options.years, lang);
    if (options.title) plan = { ...plan, title: options.title };
    settings = await loadSettingsFile(options.settings, lang);
  } else {
    if (!years) throw new UsageError(formatMessage(cliMessages.templateYearsNeeded, lang));
    const loaded = await loadWorkbooks([options.from!]);
    settings = await resolveSettings(options.settings, loaded.stored, lang, io);
    const analysis = analyse(loaded.snapshots, settings, { year: null });
    if (analysis.items.length === 0) {
      io.stdout(formatFindings(loaded.files, analysis, [...loaded.fileFindings, ...analysis.findings], lang, io.color));
      io.stderr(`${formatMessage(cliMessages.planFromNothing, lang, { file: options.from! })}\n`);
      return 2;
    }
    plan = planFromItems(analysis.items, { title: options.title ?? loaded.snapshots[0]!.sheets[0]?.name ?? options.from!, years, itemYear: analysis.year });
  }
  const sheets = templateSheets(plan, planDepartments(plan), settings);
  const targets = sheets.map((sheet) => ({ sheet, file: join(outDir, `${sheet.name}.xlsx`) }));
  const taken: string[] = [];
  for (const t of targets) if (await exists(t.file)) taken.push(t.file);
  if (taken.length > 0) {
    io.stderr(`${formatMessage(cliMessages.templateExists, lang, { files: taken.join(', ') })}\n`);
    return 2;
  }
  for (const { sheet, file } of targets) {
    const workbook = await templateWorkbook(sheet, TOOL_NAME);
    await io.writeFile(file, new Uint8Array(await workbook.xlsx.writeBuffer()));
    io.stdout(`${formatMessage(cliMessages.templateWrote, lang, { department: sheet.department, items: sheet.items, file })}\n`);
  }
  io.stdout(`${formatMessage(cliMessages.templateDone, lang, { count: sheets.length, years: `${plan.years[0]}–${plan.years[plan.years.length - 1]}` })}\n`);
  return 0;
}
