/**
 * Department workbooks chosen in the pane, parsed in the pane (insertWorksheetsFromBase64 refuses
 * sheets with charts on the web and is missing on Office 2021). The package reader is loaded only here,
 * with import(), so it never weighs on the pane's first load; it gives the page a turn every few tens
 * of milliseconds, so that even a hostile file never freezes the pane.
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
  const { readXlsx } = await import(/* webpackChunkName: "xlsx-reader" */ '../xlsx/package/readXlsx');
  const out: ImportedFile[] = [];
  for (const file of files) {
    const outcome = await readXlsx(new Uint8Array(await file.arrayBuffer()), file.name, {
      pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
      sliceMs: 50,
    });
    // A readable file's own notices (`file.macros`) are about copies of it; the pane never writes one.
    out.push(
      outcome.ok
        ? { name: file.name, snapshot: outcome.snapshot, finding: null }
        : { name: file.name, snapshot: null, finding: outcome.finding },
    );
  }
  return out;
}
