/** Task-pane load: gzipped bytes of the initial JavaScript and of each lazy chunk, from the production build. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';

const reportSchema = z.record(
  z.object({
    initial: z.array(z.string()),
    lazy: z.array(z.object({ name: z.string(), files: z.array(z.string()) })),
  }),
);

export interface BundleResult {
  readonly initialGzipBytes: number;
  /** The browser preview's own first script (its lazy chunks are the pane's). */
  readonly previewInitialGzipBytes: number | null;
  readonly lazy: { readonly name: string; readonly gzipBytes: number }[];
}

export function bundleSizes(root: string): BundleResult {
  const report = reportSchema.parse(
    JSON.parse(readFileSync(join(root, 'dist', 'bundle-report.json'), 'utf8')),
  );
  const pane = report.taskpane;
  if (!pane) throw new Error('no taskpane entry in dist/bundle-report.json');
  const gz = (files: readonly string[]) =>
    files.reduce((n, f) => n + gzipSync(readFileSync(join(root, 'dist', 'web', f)), { level: 9 }).length, 0);
  return {
    initialGzipBytes: gz(pane.initial),
    previewInitialGzipBytes: report.preview ? gz(report.preview.initial) : null,
    // What opening that tab or feature downloads on top of the initial script (shared chunks counted in each).
    lazy: pane.lazy.map((chunk) => ({ name: chunk.name, gzipBytes: gz(chunk.files) })),
  };
}
