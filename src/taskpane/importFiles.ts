/**
 * Department workbooks chosen in the pane, parsed in the pane (insertWorksheetsFromBase64 refuses
 * sheets with charts on the web and is missing on Office 2021). ExcelJS is loaded only here, with
 * import(), so it never weighs on the pane's first load.
 */
import type { WorkbookSnapshot, Finding } from '../core';

export interface ImportedFile {
  readonly name: string;
  readonly snapshot: WorkbookSnapshot | null;
  readonly finding: Finding | null;
}

export async function importFiles(
  files: readonly { name: string; arrayBuffer: () => Promise<ArrayBuffer> }[],
): Promise<ImportedFile[]> {
  const { readWorkbookBuffer } = await import(
    /* webpackChunkName: "xlsx-reader" */ '../xlsx/readWorkbookBuffer'
  );
  const out: ImportedFile[] = [];
  for (const file of files) {
    const outcome = await readWorkbookBuffer(new Uint8Array(await file.arrayBuffer()), file.name);
    // A readable file's own notices (`file.macros`) are about copies of it; the pane never writes one.
    out.push(
      outcome.ok
        ? { name: file.name, snapshot: outcome.snapshot, finding: null }
        : { name: file.name, snapshot: null, finding: outcome.finding },
    );
  }
  return out;
}
