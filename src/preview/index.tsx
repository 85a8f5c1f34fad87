/** Preview entry: opens on the sample workbook; users can open their own .xlsx. */
import { createRoot } from 'react-dom/client';
import { PreviewPage } from './PreviewPage';
import { z } from 'zod';
import { PreviewWorkbook } from './previewWorkbook';

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  const samples = z
    .array(z.string().regex(/^[^/].*\.xlsx$/))
    .parse(await (await fetch('examples/index.json')).json());
  const first = samples[0] ?? 'kasama-r2.xlsx';
  const opened = await PreviewWorkbook.open(await (await fetch(`examples/${first}`)).arrayBuffer(), first);
  if (!opened.ok) throw new Error(`the sample ${first} does not open`);
  createRoot(root).render(<PreviewPage initial={opened.book} samples={samples} />);
}

void start();
