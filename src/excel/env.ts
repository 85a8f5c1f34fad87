/**
 * What the Office.js shell needs from its surroundings, so tests can hand it a fake Excel that
 * enforces the load/sync rules and counts round trips.
 */
export type BatchRunner = <T>(
  options: { delayForCellEdit: boolean },
  batch: (context: Excel.RequestContext) => Promise<T>,
) => Promise<T>;

export interface ExcelEnv {
  readonly run: BatchRunner;
  readonly isSetSupported: (name: string, version: string) => boolean;
  /** Office.context.document.settings, for hosts below ExcelApi 1.4. */
  readonly documentSettings: Office.Settings | null;
  /** Largest request we send in one sync (Excel on the web refuses about 5 MB). */
  readonly maxRequestBytes: number;
}

export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

export function officeEnv(): ExcelEnv {
  return {
    // Without delayForCellEdit, a user typing in a cell makes every call fail (InvalidOperationInCellEditMode).
    run: (options, batch) => Excel.run(options, batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    documentSettings: Office.context.document?.settings ?? null,
    maxRequestBytes: MAX_REQUEST_BYTES,
  };
}

/** Every Excel.run of the shell goes through here. */
export function runBatch<T>(env: ExcelEnv, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return env.run({ delayForCellEdit: true }, batch);
}
