/**
 * Microsoft's Excel client library (`@microsoft/office-js`, a dev dependency: tests only; the pane
 * loads Office.js from Microsoft's CDN) loaded into the test's jsdom global. Its requests leave
 * through `OSF.DDA.RichApi.executeRichApiRequestAsync`, the call Office.js makes to hand a batch to
 * the host; the test host takes its place and answers with the host's response array.
 * Test files using it run with `@jest-environment jsdom`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ExcelBuild = 'web' | 'win32';

export const BUILD_FILES: Readonly<Record<ExcelBuild, string>> = {
  web: 'excel-web-16.00.js',
  win32: 'excel-win32-16.01.js',
};

export type RichApiCallback = (result: {
  status: 'succeeded' | 'failed';
  value?: { data: [number, string[], string] };
  error?: { code: number; message: string };
}) => void;

/** The message array Office.js builds for the host; index 4 is the serialized request body. */
export type RichApiMessage = unknown[];

interface LibraryGlobals {
  Excel: typeof Excel;
  OfficeExtension: typeof OfficeExtension;
  OSF: { DDA: { RichApi?: { executeRichApiRequestAsync?: unknown } } };
}

let loaded: ExcelBuild | null = null;

/** Loads the build once per test file (each Jest test file has its own global) and returns its Excel. */
export function loadExcelLibrary(
  build: ExcelBuild,
  transport: (message: RichApiMessage, callback: RichApiCallback) => void,
): typeof Excel {
  const g = globalThis as unknown as LibraryGlobals;
  if (loaded !== null && loaded !== build)
    throw new Error(`one Excel build per test file (${loaded} loaded)`);
  if (loaded === null) {
    const path = join(require.resolve('@microsoft/office-js/package.json'), '..', 'dist', BUILD_FILES[build]);
    // Indirect eval: the library's top-level declarations become globals, as with a <script> tag.
    // eslint-disable-next-line no-eval -- Microsoft's library file, read from node_modules
    (0, eval)(readFileSync(path, 'utf8'));
    loaded = build;
  }
  g.OSF.DDA.RichApi = { ...(g.OSF.DDA.RichApi ?? {}), executeRichApiRequestAsync: transport };
  return g.Excel;
}
