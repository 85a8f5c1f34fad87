import { writeFileSafely, type OutputGuard } from './safeWrite';

/** What the CLI does to the outside world, injectable so tests run it in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Colour only on a terminal, and never with NO_COLOR set. */
  readonly color: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Writes an output file safely (temporary file, fsync, rename; never over an input; see safeWrite.ts). */
  readonly writeFile: (path: string, data: string | Uint8Array, guard: OutputGuard) => Promise<void>;
  /** The time of the run (ISO 8601), for provenance. */
  readonly now: () => string;
}

export function processIo(): CliIo {
  // Output piped into `head` and closed early: stop quietly, as other command-line tools do.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    env: process.env,
    writeFile: writeFileSafely,
    now: () => new Date().toISOString(),
  };
}
