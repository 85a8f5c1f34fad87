/** The preview: the real task pane beside a rendering of a workbook held in the browser. Not Excel. */
import { useMemo, useState } from 'react';
import { formatMessage } from '../core';
import { paneMessages } from '../taskpane/messages';
import { App } from '../taskpane/App';
import { createPreviewHost, PreviewWorkbook } from './previewWorkbook';
import { WorkbookView } from './WorkbookView';

const both = (key: 'previewBadge' | 'previewOpen' | 'previewDownload' | 'previewSamples') =>
  `${formatMessage(paneMessages[key], 'ja')} / ${formatMessage(paneMessages[key], 'en')}`;

export function PreviewPage({ initial, samples }: { initial: PreviewWorkbook; samples: readonly string[] }) {
  const [book, setBook] = useState(initial);
  const host = useMemo(() => createPreviewHost(book), [book]);
  const [error, setError] = useState<string | null>(null);

  const load = async (name: string, bytes: () => Promise<ArrayBuffer>) => {
    try {
      setBook(await PreviewWorkbook.fromBytes(await bytes(), name));
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  const open = async (files: FileList | null) => {
    const file = files?.[0];
    if (file) await load(file.name, () => file.arrayBuffer());
  };
  const openSample = (name: string) =>
    load(name, async () => (await fetch(`examples/${name}`)).arrayBuffer());

  const download = async () => {
    const bytes = await book.toXlsx();
    const url = URL.createObjectURL(
      new Blob([bytes as Uint8Array<ArrayBuffer>], {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
    );
    const a = document.createElement('a');
    a.href = url;
    a.download = book.fileName.replace(/\.xlsx$/i, '') + '-集計.xlsx';
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <div
      style={{ display: 'flex', flexDirection: 'column', height: '100vh' }}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        void open(e.dataTransfer.files);
      }}
    >
      <header
        style={{
          background: '#8a3b00',
          color: '#fff',
          padding: '6px 12px',
          display: 'flex',
          gap: 16,
          alignItems: 'center',
          flexWrap: 'wrap',
        }}
      >
        <strong role="banner">{both('previewBadge')}</strong>
        <label>
          {both('previewSamples')}{' '}
          <select
            value={samples.includes(book.fileName) ? book.fileName : ''}
            onChange={(e) => void openSample(e.target.value)}
          >
            {!samples.includes(book.fileName) && <option value="">{book.fileName}</option>}
            {samples.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
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
