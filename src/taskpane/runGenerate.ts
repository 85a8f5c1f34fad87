/** The 集計表を作成 action over the host port: shared by the pane and the ribbon command. */
import { generateSummary, type GenerateResult } from '../core/flows/generateSummary';
import type { HostPort } from '../core/hostPort';
import type { Lang } from '../core/messages';
import type { Settings } from '../core/settings';

export type GenerateStep = 'read' | 'summarize' | 'write';

export async function runGenerate(
  host: HostPort,
  settings: Settings,
  lang: Lang,
  onStep: (step: GenerateStep) => void = () => undefined,
): Promise<{ outcome: GenerateResult; written: readonly string[] }> {
  onStep('read');
  const snapshot = await host.readSnapshot();
  onStep('summarize');
  const outcome = generateSummary({
    workbooks: [snapshot],
    settings,
    lang,
    now: new Date().toISOString(),
    linkableFile: snapshot.file,
  });
  if (!outcome.ok) return { outcome, written: [] };
  onStep('write');
  const applied = await host.applyPlan(outcome.plan);
  return { outcome, written: applied.written };
}
