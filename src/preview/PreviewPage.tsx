/** The preview: the real task pane beside a rendering of a workbook held in the browser. Not Excel. */
import { useMemo, useState } from 'react';
import { formatMessage, paneMessages } from '../core/messages';
import { App } from '../taskpane/App';
import { createPreviewHost, PreviewWorkbook } from './previewWorkbook';
import { WorkbookView } from './WorkbookView';

const both = (key: 'previewBadge' | 'previewOpen' | 'previewDownload') => `${formatMessage(paneMessages[key], 'ja')} / ${formatMessage(paneMessages[key], 'en')}`;

export function PreviewPage({ initial }: { initial: PreviewWorkbook }) {
  const [book, setBook] = useState(initial);
  const host = useMemo(() => createPreviewHost(book), [book]);
  const [error, setError] = useState<string | null>(null);

  const open = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    try {
      setBook(await PreviewWorkbook.fromBytes(await file.arrayBuffer(), file.name));
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  const download = async () => {
    const bytes = await book.toXlsx();
    const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = book.fileName.replace(/\.xlsx$/i, '') + '-集計.xlsx';
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100vh' }}>
      <header style={{ background: '#8a3b00', color: '#fff', padding: '6px 12px', display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap' }}>
        <strong role="banner">{both('previewBadge')}</strong>
        <span>{book.fileName}</span>
        <label>
          {both('previewOpen')}{' '}
          <input type="file" accept=".xlsx,.xlsm" onChange={(e) => void open(e.target.files)} />
        </label>
        <button type="button" onClick={() => void download()}>
          {both('previewDownload')}
        </button>
        {error && <span role="alert">{error}</span>}
      </header>
      <div style={{ display: 'flex', flex: 1, minHeight: 0 }}>
        <WorkbookView key={book.fileName + book.version} book={book} />
        <aside aria-label="task pane" style={{ width: 380, borderLeft: '2px solid #999', overflow: 'auto' }}>
          <App key={book.fileName} host={host} initialLang="ja" badge={both('previewBadge')} />
        </aside>
      </div>
    </div>
  );
}
