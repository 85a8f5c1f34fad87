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

test('the handler completes its event even when the work fails, and calls no shared-runtime API', async () => {
  const { generateSummary } = await import('../../src/commands/commands');
  const office = (globalThis as unknown as { Office: Record<string, unknown> }).Office;
  // No Excel here: createExcelHost's Excel.run throws. Office.addin is a trap: touching it fails the test.
  office.context = { displayLanguage: 'ja-JP', requirements: { isSetSupported: () => true } };
  Object.defineProperty(office, 'addin', {
    get: () => {
      throw new Error('shared-runtime API called');
    },
  });
  let completed = 0;
  await generateSummary({ completed: () => (completed += 1) } as unknown as Office.AddinCommands.Event);
  expect(completed).toBe(1);
});
