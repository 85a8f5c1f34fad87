/**
 * What every view of the pane shares — the host, the language and its texts, the settings in force,
 * and the two ways to tell the user how an action went — provided once by App.
 */
import { createContext, useCallback, useContext, useState } from 'react';
import type { HostPort, Lang, Settings } from '../core';
import type { Translate } from './text';

/** A result to show (and announce): success by default, or a softer info or a warning. */
export interface Notice {
  readonly text: string;
  readonly intent: 'success' | 'info' | 'warning';
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
}

export const PaneContext = createContext<Pane | null>(null);

export function usePane(): Pane {
  const pane = useContext(PaneContext);
  if (!pane) throw new Error('usePane outside the pane (no PaneContext)');
  return pane;
}

/** What an action's work may return: the result to show, as text (success) or a notice. */
export type ActionOutcome = string | Notice | null | void;

/**
 * The one way a view runs an action: busy while it works, the previous error and notice cleared,
 * a failure to the message bar, the result to the live region.
 */
export function useAction(): {
  readonly busy: boolean;
  readonly run: (work: () => Promise<ActionOutcome>) => Promise<void>;
} {
  const { reportError, notify } = usePane();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (work: () => Promise<ActionOutcome>) => {
      setBusy(true);
      reportError(null);
      notify(null);
      try {
        const outcome = await work();
        if (outcome) notify(typeof outcome === 'string' ? { text: outcome, intent: 'success' } : outcome);
      } catch (err) {
        reportError(err);
      } finally {
        setBusy(false);
      }
    },
    [reportError, notify],
  );
  return { busy, run };
}
