/**
 * The seed item table (examples/data/kasama-r2-items.tsv): the 70 items of Kasama City's 3rd reform
 * plan as published for FY2020 (R2). Used by the sample generator and by tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

const seedRowSchema = z.object({
  policy: z.string().min(1),
  measure: z.string().min(1),
  number: z.string().min(1),
  name: z.string().min(1),
  H30: z.string(),
  R1: z.string(),
  R2: z.string(),
  department: z.string(),
  division: z.string(),
  indicator: z.string(),
  target: z.string(),
  actual: z.string(),
  result: z.string(),
  nextPlan: z.string(),
});
export type SeedItem = z.infer<typeof seedRowSchema>;

const COLUMNS = [
  '基本方針',
  '施策',
  '番号',
  '実施項目',
  'H30',
  'R1',
  'R2',
  '担当部',
  '担当課',
  '指標',
  '計画',
  '実績',
  '取組結果',
  '次年度計画',
] as const;
const KEYS = [
  'policy',
  'measure',
  'number',
  'name',
  'H30',
  'R1',
  'R2',
  'department',
  'division',
  'indicator',
  'target',
  'actual',
  'result',
  'nextPlan',
] as const;

/** The repository root, found from this file whether it runs compiled (dist/scripts) or from source. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'examples', 'data', 'kasama-r2-items.tsv'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the repository root (examples/data/kasama-r2-items.tsv)');
    dir = up;
  }
  return dir;
}

export const SEED_TSV = join(repoRoot(), 'examples', 'data', 'kasama-r2-items.tsv');

export function parseSeed(tsv: string): SeedItem[] {
  const lines = tsv
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const header = lines[0]!.split('\t');
  if (COLUMNS.some((c, i) => header[i] !== c)) throw new Error(`unexpected seed header: ${header.join(',')}`);
  return lines.slice(1).map((line, i) => {
    const cells = line.split('\t');
    const row = Object.fromEntries(KEYS.map((k, j) => [k, (cells[j] ?? '').trim()]));
    const parsed = seedRowSchema.safeParse(row);
    if (!parsed.success) throw new Error(`seed line ${i + 2}: ${parsed.error.message}`);
    return parsed.data;
  });
}

export function loadSeed(path = SEED_TSV): SeedItem[] {
  return parseSeed(readFileSync(path, 'utf8'));
}

/** Departments of an item: one, or two for the item whose cells read `総務部 総務課` / `教育委員会 学務課`. */
export function seedOwners(item: SeedItem): { department: string; division: string }[] {
  const pair = (s: string) => s.split(/[\s\u3000]+/);
  const a = pair(item.department);
  const b = pair(item.division);
  if (a.length === 2 && b.length === 2)
    return [
      { department: a[0]!, division: a[1]! },
      { department: b[0]!, division: b[1]! },
    ];
  return [{ department: item.department, division: item.division }];
}

/** Policies and measures in seed order with their numbers (1., (1) restarting per policy). */
export function numbering(items: readonly SeedItem[]): {
  policyNo: Map<string, number>;
  measureNo: Map<string, number>;
} {
  const policyNo = new Map<string, number>();
  const measureNo = new Map<string, number>();
  for (const item of items) {
    if (!policyNo.has(item.policy)) policyNo.set(item.policy, policyNo.size + 1);
    const key = `${item.policy}|${item.measure}`;
    if (!measureNo.has(key))
      measureNo.set(key, [...measureNo.keys()].filter((k) => k.startsWith(`${item.policy}|`)).length + 1);
  }
  return { policyNo, measureNo };
}
