/**
 * What every view of the pane shares — the host, the language and its texts, the settings in force,
 * and the two ways to tell the user how an action went — provided once by App.
 */
import { createContext, useCallback, useContext, useState } from 'react';
import type { Analysis, Finding, HostPort, Lang, Settings, WorkbookSnapshot } from '../core';
import type { ImportedFile } from './importFiles';
import type { Translate } from './text';

/** A result to show (and announce): success by default, or a softer info or a warning. */
export interface Notice {
  readonly text: string;
  readonly intent: 'success' | 'info' | 'warning';
}

/** What the last check, summary or import found: the pane's one findings list shows it. */
export interface PaneRun {
  readonly source: 'check' | 'generate' | 'import';
  readonly analysis: Analysis;
  /** Everything it found: unreadable files, reading and validation, reconciliation with hand-made tables. */
  readonly findings: readonly Finding[];
  /** The workbook open in Excel, whose cells the list can go to (null when only other files were read). */
  readonly openFile: string | null;
}

/** Department files read by 取り込み: what 進捗チェック then checks, until the user goes back to the open workbook. */
export interface ImportedFiles {
  /** The files as read, for the 取り込み tab when it is opened again. */
  readonly files: readonly ImportedFile[];
  readonly names: readonly string[];
  readonly snapshots: readonly WorkbookSnapshot[];
  /** Findings about the files that could not be read. */
  readonly unreadable: readonly Finding[];
}

export interface Pane {
  readonly host: HostPort;
  readonly lang: Lang;
  readonly t: Translate;
  readonly settings: Settings;
  /** Show a failure in the message bar (null clears it). */
  readonly reportError: (err: unknown) => void;
  /** Show a result in the pane's live region, where screen readers announce it (null clears it). */
  readonly notify: (notice: Notice | null) => void;
  /** Show what an action found in the findings list. */
  readonly showRun: (run: PaneRun) => void;
  /** Files read by 取り込み (null: back to the open workbook). */
  readonly setImported: (files: ImportedFiles | null) => void;
}

export const PaneContext = createContext<Pane | null>(null);

export function usePane(): Pane {
  const pane = useContext(PaneContext);
  if (!pane) throw new Error('usePane outside the pane (no PaneContext)');
  return pane;
}

/** What an action's work may return: the result to show, as text (success) or a notice. */
export type ActionOutcome = string | Notice | null | void;

export interface ActionOptions {
  /**
   * What the live region says while the work runs (default: 「処理しています…」); false for quick
   * actions whose result is visible where the user is (going to a cell).
   */
  readonly progress?: string | false;
}

/**
 * The one way a view runs an action: busy while it works, the previous error cleared, its progress
 * and then its result in the live region (announced by screen readers), a failure to the message bar.
 */
export function useAction(): {
  readonly busy: boolean;
  readonly run: (work: () => Promise<ActionOutcome>, options?: ActionOptions) => Promise<void>;
} {
  const { reportError, notify, t } = usePane();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (work: () => Promise<ActionOutcome>, options: ActionOptions = {}) => {
      setBusy(true);
      reportError(null);
      const progress = options.progress ?? t('working');
      notify(progress === false ? null : { text: progress, intent: 'info' });
      try {
        const outcome = await work();
        notify(
          !outcome ? null : typeof outcome === 'string' ? { text: outcome, intent: 'success' } : outcome,
        );
      } catch (err) {
        notify(null);
        reportError(err);
      } finally {
        setBusy(false);
      }
    },
    [reportError, notify, t],
  );
  return { busy, run };
}
