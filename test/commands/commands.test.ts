import { readFileSync } from 'node:fs';
import { readWorkbookBuffer } from '../../src/xlsx/readWorkbookBuffer';
import { MemoryHost } from '../helpers/memoryHost';

// The module registers itself with Office on load; give it a minimal Office to register with.
const associated: Record<string, unknown> = {};
(globalThis as unknown as { Office: unknown }).Office = {
  onReady: (cb: () => void) => cb(),
  actions: { associate: (name: string, fn: unknown) => (associated[name] = fn) },
};

test('the ribbon command runs read → summarize → write with the saved settings', async () => {
  const { generateFromRibbon } = await import('../../src/commands/commands');
  expect(typeof associated.generateSummary).toBe('function');
  const outcome = await readWorkbookBuffer(readFileSync('examples/kasama-r2.xlsx'), 'kasama-r2.xlsx');
  if (!outcome.ok) throw new Error('example');
  const host = new MemoryHost(outcome.snapshot);
  host.settings = { endedRule: 'exclude' };
  const result = await generateFromRibbon(host, 'ja-JP');
  expect(result).toMatchObject({ ok: true, errors: 0 });
  expect(result.rate).toBeCloseTo(51 / 68, 6);
  expect(host.plans).toHaveLength(1);
  expect(host.callsOf('readSnapshot')).toHaveLength(1);
});
