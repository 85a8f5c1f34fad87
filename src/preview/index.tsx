/** Preview entry: opens on the sample workbook; users can open their own .xlsx. */
import { createRoot } from 'react-dom/client';
import { PreviewPage } from './PreviewPage';
import { PreviewWorkbook } from './previewWorkbook';

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  const response = await fetch('examples/kasama-r2.xlsx');
  const book = await PreviewWorkbook.fromBytes(await response.arrayBuffer(), 'kasama-r2.xlsx');
  createRoot(root).render(<PreviewPage initial={book} />);
}

void start();
