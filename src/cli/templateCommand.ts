/**
 * reform-progress template: a plan definition (a JSON file, or the items of an existing workbook)
 * → one workbook per department, in the layout the reader understands. Existing files are never
 * overwritten: if any target exists, nothing is written.
 */
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  formatMessage,
  type Lang,
  type Settings,
  buildTemplates,
  type TemplateSource,
  safeFileStem,
} from '../core';
import { cliMessages } from './messages';
import { nodeDeflate } from './deflate';
import { templateWorkbook } from '../xlsx/write/summaryWorkbook';
import type { CliOptions } from './args';
import { formatFindings } from './format';
import type { CliIo } from './io';
import { loadWorkbooks, type LoadedWorkbooks } from './files';
import { loadSettingsFile, outputGuard, resolveSettings, UsageError, withScale } from './pipeline';
import { checkOutputs, ensureFolder } from './safeWrite';

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

async function readPlanFile(path: string, lang: Lang): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw new UsageError(
      formatMessage(cliMessages.planInvalid, lang, {
        file: path,
        detail: err instanceof Error ? err.message : String(err),
      }),
    );
  }
}

export async function templateCommand(options: CliOptions, lang: Lang, io: CliIo): Promise<number> {
  let source: TemplateSource;
  let settings: Settings;
  let loaded: LoadedWorkbooks | null = null;
  if (options.plan) {
    source = { kind: 'file', text: await readPlanFile(options.plan, lang) };
    settings = withScale(await loadSettingsFile(options.settings, lang), options.scale, lang);
  } else {
    loaded = await loadWorkbooks([options.from!]);
    source = { kind: 'workbooks', snapshots: loaded.snapshots };
    settings = await resolveSettings(options.settings, loaded, lang, io, options.scale);
  }
  const outcome = buildTemplates(
    source,
    { years: options.years ?? '', title: options.title ?? '' },
    settings,
  );
  if (!outcome.ok) {
    switch (outcome.problem) {
      case 'badYears':
        throw new UsageError(
          formatMessage(cliMessages.badValue, lang, { option: '--years', value: outcome.detail }),
        );
      case 'needYears':
        throw new UsageError(formatMessage(cliMessages.templateYearsNeeded, lang));
      case 'badPlan':
        throw new UsageError(
          formatMessage(cliMessages.planInvalid, lang, { file: options.plan!, detail: outcome.detail }),
        );
      case 'noItems':
        io.stdout(
          formatFindings(
            loaded!.files,
            outcome.analysis,
            [...loaded!.fileFindings, ...outcome.analysis.findings],
            lang,
            io.color,
          ),
        );
        io.stderr(`${formatMessage(cliMessages.planFromNothing, lang, { file: options.from! })}\n`);
        return 2;
    }
  }
  const { plan, sheets } = outcome;
  const outDir = options.out!;
  // File names safe on every platform, and distinct even where the disk ignores case.
  const used = new Set<string>();
  const targets = sheets.map((sheet) => {
    const stem = safeFileStem(sheet.name);
    let name = stem;
    for (let n = 2; used.has(name.toLowerCase()); n += 1) name = `${stem} (${n})`;
    used.add(name.toLowerCase());
    return { sheet, file: join(outDir, `${name}.xlsx`) };
  });
  const taken: string[] = [];
  for (const t of targets) if (await exists(t.file)) taken.push(t.file);
  if (taken.length > 0) {
    io.stderr(`${formatMessage(cliMessages.templateExists, lang, { files: taken })}\n`);
    return 2;
  }
  // Templates never replace a file, and never an input (the --from workbook, the plan, the settings).
  const guard = { ...(await outputGuard(options, loaded)), force: false };
  await checkOutputs(
    targets.map((t) => t.file),
    guard,
  );
  await ensureFolder(outDir);
  for (const { sheet, file } of targets) {
    await io.writeFile(file, templateWorkbook(sheet, io.now(), nodeDeflate), guard);
    io.stdout(
      `${formatMessage(cliMessages.templateWrote, lang, { department: sheet.department, items: sheet.items, file })}\n`,
    );
  }
  io.stdout(
    `${formatMessage(cliMessages.templateDone, lang, { count: sheets.length, years: `${plan.years[0]}–${plan.years[plan.years.length - 1]}` })}\n`,
  );
  return 0;
}
