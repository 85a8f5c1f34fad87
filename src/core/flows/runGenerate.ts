/** The 集計表を作成 action over the host port: shared by the pane and the ribbon command. */
import type { HostPort } from '../hostPort';
import type { Lang } from '../messages/format';
import type { Settings } from '../settings';
import { generateSummary, type GenerateResult } from './generateSummary';

export type GenerateStep = 'read' | 'summarize' | 'write';

export async function runGenerate(
  host: HostPort,
  settings: Settings,
  lang: Lang,
  /** ISO time of the run, from the shell (the core reads no clock). */
  now: string,
  /** Told each step as it starts; awaited, so that a shell can show it before the work goes on. */
  onStep: (step: GenerateStep) => void | Promise<void> = () => undefined,
): Promise<{ outcome: GenerateResult; written: readonly string[]; file: string }> {
  await onStep('read');
  const snapshot = await host.readSnapshot();
  await onStep('summarize');
  const outcome = generateSummary({
    workbooks: [snapshot],
    settings,
    lang,
    now,
    linkableFile: snapshot.file,
  });
  if (!outcome.ok) return { outcome, written: [], file: snapshot.file };
  await onStep('write');
  const applied = await host.applyPlan(outcome.plan);
  return { outcome, written: applied.written, file: snapshot.file };
}
