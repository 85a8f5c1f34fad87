import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { japanIso } from '../core';

/** What the CLI does to the outside world, injectable so tests run it in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Colour only on a terminal, and never with NO_COLOR set. */
  readonly color: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly writeFile: (path: string, data: string | Uint8Array) => Promise<void>;
  /** The time of the run (ISO 8601 in Japan time, `2026-12-01T08:01+09:00`), for provenance. */
  readonly now: () => string;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    env: process.env,
    writeFile: async (path, data) => {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, data);
    },
    now: () => japanIso(new Date()),
  };
}
