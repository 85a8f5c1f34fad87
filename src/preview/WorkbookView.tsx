/** A read-only rendering of the in-memory workbook: sheet tabs, the grid, the selected cell, charts. */
import { useEffect, useState } from 'react';
import { a1, columnLetters, type CellValue, isCellError } from '../core';
import { ChartSvg } from './ChartSvg';
import type { PreviewWorkbook } from './previewWorkbook';

const MAX_ROWS = 2000;

function display(v: CellValue, format: string | undefined): string {
  if (v === null) return '';
  if (typeof v === 'number' && format && format.includes('%'))
    return `${(v * 100).toFixed(format.includes('.0') ? 1 : 0)}%`;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (isCellError(v)) return v.error;
  return String(v);
}

export function WorkbookView({ book }: { book: PreviewWorkbook }) {
  const [, setVersion] = useState(0);
  useEffect(() => book.subscribe(() => setVersion((v) => v + 1)), [book]);
  const snapshot = book.snapshot();
  const active = snapshot.sheets.find((s) => s.name === book.activeSheet) ?? snapshot.sheets[0];
  const selected = book.selected && active && book.selected.sheet === active.name ? book.selected.cell : null;

  useEffect(() => {
    if (selected)
      document
        .querySelector(`[data-cell="${selected}"]`)
        ?.scrollIntoView({ block: 'center', inline: 'center' });
  }, [selected, active?.name]);

  if (!active) return null;
  const width = Math.max(0, ...active.values.map((r) => r.length));
  const rows = active.values.slice(0, MAX_ROWS);
  const plan = book.planSheets.get(active.name);
  return (
    <section aria-label="workbook" style={{ display: 'flex', flexDirection: 'column', minWidth: 0, flex: 1 }}>
      <nav
        aria-label="sheets"
        style={{ display: 'flex', flexWrap: 'wrap', gap: 4, padding: 4, borderBottom: '1px solid #ccc' }}
      >
        {snapshot.sheets.map((s) => (
          <button
            key={s.name}
            type="button"
            aria-pressed={s.name === active.name}
            onClick={() => {
              book.activeSheet = s.name;
              book.changed(false);
            }}
            style={{
              fontWeight: s.name === active.name ? 700 : 400,
              background: s.name.startsWith('RP_') ? '#e8f5e9' : '#f3f3f3',
              border: '1px solid #bbb',
              padding: '2px 8px',
            }}
          >
            {s.name}
          </button>
        ))}
      </nav>
      <div style={{ overflow: 'auto', flex: 1 }}>
        {plan && plan.charts.length > 0 && (
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, padding: 8 }} data-testid="charts">
            {plan.charts.map((spec, i) => (
              <ChartSvg key={i} spec={spec} sheet={plan} />
            ))}
          </div>
        )}
        <table data-sheet={active.name} style={{ borderCollapse: 'collapse', fontSize: 12 }}>
          <thead>
            <tr>
              <th />
              {Array.from({ length: width }, (_, j) => (
                <th
                  key={j}
                  scope="col"
                  style={{ background: '#eee', border: '1px solid #ccc', padding: '0 4px' }}
                >
                  {columnLetters(active.left + j)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                <th scope="row" style={{ background: '#eee', border: '1px solid #ccc', padding: '0 4px' }}>
                  {active.top + i + 1}
                </th>
                {Array.from({ length: width }, (_, j) => {
                  const address = a1(active.top + i, active.left + j);
                  const isSelected = address === selected;
                  return (
                    <td
                      key={j}
                      data-cell={address}
                      aria-selected={isSelected || undefined}
                      style={{
                        border: '1px solid #ddd',
                        padding: '0 4px',
                        maxWidth: 220,
                        overflow: 'hidden',
                        whiteSpace: 'nowrap',
                        textOverflow: 'ellipsis',
                        outline: isSelected ? '3px solid #107c41' : undefined,
                        background: isSelected ? '#e2f3e8' : undefined,
                      }}
                    >
                      {display(row[j] ?? null, active.numberFormats?.[i]?.[j])}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
