/** The preview: the real task pane beside a rendering of a workbook held in the browser. Not Excel. */
import { useEffect, useMemo, useState } from 'react';
import { formatMessage, LANGS, renderFinding, type Finding } from '../core';
import { paneMessages } from '../taskpane/messages';
import { App } from '../taskpane/App';
import { createPreviewHost, PreviewWorkbook } from './previewWorkbook';
import { WorkbookView } from './WorkbookView';

type PreviewKey = 'previewBadge' | 'previewOpen' | 'previewDownload' | 'previewSamples' | 'previewNothingNew';
const both = (key: PreviewKey) =>
  `${formatMessage(paneMessages[key], 'ja')} / ${formatMessage(paneMessages[key], 'en')}`;

/** Why a file did not open, in both languages (the preview's header is bilingual): the reader's finding. */
function openFailure(file: string, finding: Finding): string[] {
  return LANGS.map((lang) => {
    const { message, suggestion } = renderFinding(finding, lang);
    return formatMessage(paneMessages.previewUnreadable, lang, { file, reason: message, fix: suggestion });
  });
}

export function PreviewPage({ initial, samples }: { initial: PreviewWorkbook; samples: readonly string[] }) {
  const [book, setBook] = useState(initial);
  const host = useMemo(() => createPreviewHost(book), [book]);
  const [error, setError] = useState<string[] | null>(null);
  // Edits already downloaded (none at first: the file as opened is nothing new).
  const [downloaded, setDownloaded] = useState(0);
  const [edits, setEdits] = useState(initial.edits);
  useEffect(() => {
    setEdits(book.edits);
    return book.subscribe(() => setEdits(book.edits));
  }, [book]);

  const load = async (name: string, bytes: () => Promise<ArrayBuffer>) => {
    const opened = await PreviewWorkbook.open(await bytes(), name);
    if (!opened.ok) {
      setError(openFailure(name, opened.finding));
      return;
    }
    setBook(opened.book);
    setDownloaded(0);
    setError(null);
  };
  const open = async (files: FileList | null) => {
    const file = files?.[0];
    if (file) await load(file.name, () => file.arrayBuffer());
  };
  const openSample = (name: string) =>
    load(name, async () => (await fetch(`examples/${name}`)).arrayBuffer());

  const download = async () => {
    const bytes = await book.toXlsx();
    setDownloaded(book.edits);
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
        <button
          type="button"
          disabled={edits === downloaded}
          aria-describedby={edits === downloaded ? 'nothing-new' : undefined}
          onClick={() => void download()}
        >
          {both('previewDownload')}
        </button>
        {edits === downloaded && <small id="nothing-new">{both('previewNothingNew')}</small>}
        <div role="alert">
          {error?.map((line) => (
            <div key={line}>{line}</div>
          ))}
        </div>
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
