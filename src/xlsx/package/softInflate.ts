/**
 * fflate's synchronous inflate: the reader's own, for the entries a platform inflate does not take (all
 * of them in the pane; in the CLI, entries over 16 MB or lying about their size). The CLI's bundle
 * replaces this module by softInflateLazy.ts (webpack.cli.config.js), which loads fflate only then.
 */
import { Inflate, inflateSync } from 'fflate';

export interface SoftInflate {
  readonly Inflate: typeof Inflate;
  readonly inflateSync: typeof inflateSync;
}

const FFLATE: SoftInflate = { Inflate, inflateSync };

export function softInflate(): SoftInflate {
  return FFLATE;
}
