/**
 * read → validate → summarize → reconcile → lay out: the one flow behind the pane's 集計表を作成,
 * the ribbon button and `reform-progress summarize`.
 */
import { analyse, type Analysis } from '../analyse';
import type { WorkbookSnapshot } from '../grid';
import { snapshotContentHash, type Sha256Hex } from '../hash';
import { layoutSummary } from '../layout/layoutSummary';
import type { Finding } from '../model';
import type { Lang } from '../messages';
import type { Settings } from '../settings';
import { findHandMadeSummaries, labelCache, reconcile } from '../summary/reconcile';
import { carriedOverYears, planNameFromWorkbooks } from '../summary/publication';
import { previousMidYearReports } from '../summary/previousReports';
import { summarize } from '../summary/summarize';
import type { InputSummary, SummaryModel } from '../summary/types';
import { TOOL_NAME, VERSION } from '../version';
import type { WritePlan } from '../writePlan';
import { japanIso } from '../values';

export interface GenerateInput {
  readonly workbooks: readonly WorkbookSnapshot[];
  readonly settings: Settings;
  readonly lang: Lang;
  /** ISO time of the run, from the shell (the core reads no clock). */
  readonly now: string;
  /** Target year as typed; default: settings, then the latest year with marks. */
  readonly year?: string | null;
  /** Findings that arose outside the engine (unreadable files), shown on the findings sheet. */
  readonly extraFindings?: readonly Finding[];
  /** The workbook being written, whose findings can link to their cells. */
  readonly linkableFile?: string;
  readonly includeItemSheet?: boolean;
  /** File as named in the run → as written in the sheets (the CLI: relative to the folder given). */
  readonly fileNames?: Readonly<Record<string, string>>;
  /** The workbooks' analysis when the shell has already made it (with the same settings and year). */
  readonly analysis?: Analysis;
  /** The shell's native SHA-256 for the inputs' content hashes (the same digest as the core's own). */
  readonly sha256?: Sha256Hex;
}

export type GenerateResult =
  | {
      readonly ok: true;
      readonly analysis: Analysis;
      readonly model: SummaryModel;
      readonly plan: WritePlan;
      readonly findings: readonly Finding[];
    }
  | {
      readonly ok: false;
      readonly analysis: Analysis;
      readonly reason: 'noItems' | 'noYear' | 'yearNotInPlan';
    };

export function generateSummary(input: GenerateInput): GenerateResult {
  const { settings } = input;
  const analysis =
    input.analysis ?? analyse(input.workbooks, settings, { year: input.year ?? settings.targetYear });
  if (analysis.items.length === 0) return { ok: false, analysis, reason: 'noItems' };
  if (analysis.yearNotInPlan) return { ok: false, analysis, reason: 'yearNotInPlan' };
  if (!analysis.year) return { ok: false, analysis, reason: 'noYear' };
  const inputs: InputSummary[] = input.workbooks.map((w) => ({
    file: w.file,
    contentHash: snapshotContentHash(w, input.sha256),
    sheets: analysis.sources.filter((s) => s.file === w.file),
  }));
  const model = summarize(analysis.items, {
    year: analysis.year,
    years: analysis.years,
    settings,
    // Japan time with its offset: 23:01 UTC on 30 November is already 1 December for the city hall.
    provenance: { tool: TOOL_NAME, version: VERSION, generatedAt: japanIso(input.now), inputs },
    earlierReports: input.workbooks.flatMap(previousMidYearReports),
  });
  // One reading of each distinct text for all the workbooks (departments share their marks and labels).
  const labels = labelCache();
  const handMade = input.workbooks.map((w) => ({
    file: w.file,
    tables: findHandMadeSummaries(
      w,
      labels,
      analysis.tables.filter((t) => t.file === w.file),
    ),
  }));
  const mismatches = handMade.flatMap((h) => reconcile(h.tables, model.years, settings.endedRule, h.file));
  const publication = {
    planName: settings.planName ?? planNameFromWorkbooks(input.workbooks, analysis.sources),
    carried: carriedOverYears(
      handMade.flatMap((h) => h.tables.map((table) => ({ file: h.file, table }))),
      model.years,
      model.year,
    ),
  };
  const findings = [...(input.extraFindings ?? []), ...analysis.findings, ...mismatches];
  const plan = layoutSummary(
    { ...model, findings: mismatches },
    {
      lang: input.lang,
      findings,
      settings,
      includeItemSheet: input.includeItemSheet ?? true,
      consolidated: input.workbooks.length > 1,
      publication,
      ...(input.fileNames ? { fileNames: input.fileNames } : {}),
      ...(input.linkableFile ? { linkableFile: input.linkableFile } : {}),
    },
  );
  return { ok: true, analysis, model: { ...model, findings: mismatches }, plan, findings };
}
