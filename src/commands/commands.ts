/**
 * The ribbon's 集計表を作成 button. A function file, not a shared runtime: SharedRuntime 1.1 is not
 * available on Excel 2016/2019/2021 perpetual versions, which municipal offices still run, and a
 * function file works on all of them. It runs read → validate → summarize → write with the saved
 * settings; the outcome is the summary sheets themselves (RP_集計表 is activated); findings are in
 * RP_検証結果 and in the pane's 進捗チェック.
 */
import { type HostPort, langFromTag, DEFAULT_SETTINGS, parseSettings, runGenerate } from '../core';
import { createExcelHost } from '../excel/host';
import { markStarted } from '../boot/started';

markStarted();

export interface CommandOutcome {
  readonly ok: boolean;
  readonly errors: number;
  readonly rate: number | null;
}

/** The command's work, host-agnostic so it can be tested. */
export async function generateFromRibbon(host: HostPort, displayLanguage: string): Promise<CommandOutcome> {
  const { settings } = parseSettings((await host.loadSettings()) ?? {});
  const { outcome } = await runGenerate(
    host,
    settings ?? DEFAULT_SETTINGS,
    langFromTag(displayLanguage),
    new Date().toISOString(),
  );
  if (!outcome.ok)
    return {
      ok: false,
      errors: outcome.analysis.findings.filter((f) => f.severity === 'error').length,
      rate: null,
    };
  const current = outcome.model.years.find((y) => y.year === outcome.model.year);
  return {
    ok: true,
    errors: outcome.findings.filter((f) => f.severity === 'error').length,
    rate: current?.progress.rate ?? null,
  };
}

/**
 * The command's handler. It never calls a shared-runtime API (Office.addin.showAsTaskpane): the
 * manifest declares no shared runtime, and on such a host that promise may never settle. Whatever
 * happens, event.completed() is called, so Excel does not wait for the command.
 */
export async function generateSummary(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await generateFromRibbon(createExcelHost(), Office.context.displayLanguage);
  } catch {
    // Nothing to show from a function file; the pane's 進捗チェック explains what is wrong.
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  if (Office.actions?.associate) Office.actions.associate('generateSummary', generateSummary);
});
// Hosts without Office.actions look the function up by name on the global object.
(globalThis as unknown as Record<string, unknown>).generateSummary = generateSummary;
