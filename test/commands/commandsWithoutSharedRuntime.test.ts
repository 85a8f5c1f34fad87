/** @jest-environment jsdom */
/**
 * The ribbon command in a host without a shared runtime, its workbook answered by Microsoft's Excel
 * client library and the simulated workbook: whatever the host offers under `Office.addin`,
 * `event.completed()` is reached. commands.test.ts covers the command's work on a memory host; this
 * file runs the handler itself, through Office.js, on a workbook where the summary cannot be made
 * (the very case in which the command once opened the pane with Office.addin.showAsTaskpane).
 */
import '../officejs/jsdomGlobals';
import { SimulatedExcel } from '../officejs/simulatedExcel';

type Handler = (event: Office.AddinCommands.Event) => Promise<void>;

const excel = new SimulatedExcel('web');
// No item anywhere: the summary cannot be made, so the command ends with findings, not a summary.
excel.addSheet('メモ', [['会議の予定'], ['来週']]);
const env = excel.env();
const associated: Record<string, Handler> = {};
const showAsTaskpaneCalls: string[] = [];
const office: Record<string, unknown> = {
  onReady: (cb: () => void) => cb(),
  actions: { associate: (name: string, fn: Handler) => (associated[name] = fn) },
  context: {
    displayLanguage: 'ja-JP',
    document: { settings: null },
    // A host may report SharedRuntime 1.1 even though this add-in's manifest declares no shared
    // runtime; then showAsTaskpane is there but nothing answers it.
    requirements: {
      isSetSupported: (name: string, version: string) =>
        name === 'SharedRuntime' || env.isSetSupported(name, version),
    },
  },
};
Object.assign(globalThis, {
  Office: office,
  // The shell's Excel.run goes to the simulated workbook through Microsoft's library.
  Excel: { run: env.run },
});

/** Runs the registered handler and resolves once it calls event.completed(). */
function completion(handler: Handler): Promise<number> {
  return new Promise((resolve) => {
    let calls = 0;
    void handler({ completed: () => resolve((calls += 1)) } as unknown as Office.AddinCommands.Event);
  });
}

async function handler(): Promise<Handler> {
  await import('../../src/commands/commands');
  const registered = associated.generateSummary;
  if (!registered) throw new Error('generateSummary was not associated');
  return registered;
}

test('no Office.addin at all: the command reads the workbook, makes nothing, and completes its event', async () => {
  const run = await handler();
  delete office.addin;
  excel.resetCounters();
  expect(await completion(run)).toBe(1);
  expect(excel.syncs).toBeGreaterThan(0);
  expect(excel.book.sheets.map((s) => s.name)).toEqual(['メモ']);
  expect(excel.simulationErrors).toEqual([]);
});

test('Office.addin.showAsTaskpane whose promise never settles: the event is still completed, the pane never asked for', async () => {
  const run = await handler();
  office.addin = {
    showAsTaskpane: () => {
      showAsTaskpaneCalls.push('showAsTaskpane');
      return new Promise<void>(() => undefined);
    },
  };
  // Before the fix the handler awaited showAsTaskpane here and never reached event.completed():
  // this test then ends in Jest's timeout.
  expect(await completion(run)).toBe(1);
  expect(showAsTaskpaneCalls).toEqual([]);
  expect(excel.simulationErrors).toEqual([]);
}, 20000);
