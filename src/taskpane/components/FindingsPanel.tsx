/**
 * The pane's one findings list: what a check, a summary or an import found, filtered by severity
 * (hidden findings are counted, never passed off as none), each going to its cell when that cell is
 * in the open workbook.
 */
import { Checkbox, Text, tokens } from '@fluentui/react-components';
import { useState, type CSSProperties } from 'react';
import { countBySeverity, type Finding, type Severity } from '../../core';
import { useAction, usePane } from '../pane';
import { FindingList } from './FindingList';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

// Fluent's design tokens (CSS variables) in plain style objects: no runtime style compiler in the
// pane's first load, no colour literals.
const styles = {
  caption: {
    fontSize: tokens.fontSizeBase300,
    margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}`,
  },
  filter: { border: 'none', padding: 0, margin: `0 0 ${tokens.spacingVerticalS}` },
} satisfies Record<string, CSSProperties>;

export function FindingsPanel(props: {
  findings: readonly Finding[];
  /** The workbook open in Excel: only its cells can be gone to. */
  openFile: string | null;
  caption: string;
}) {
  const { findings, openFile, caption } = props;
  const { host, t } = usePane();
  const { run } = useAction();
  const [shown, setShown] = useState<ReadonlySet<Severity>>(new Set(SEVERITIES));
  const counts = countBySeverity(findings);
  const visible = findings.filter((f) => shown.has(f.severity));
  const hidden = findings.length - visible.length;
  const reachable = (f: Finding) => f.file === openFile && !!f.sheet && !!f.cell;

  return (
    <section aria-label={caption}>
      <h2 style={styles.caption}>{caption}</h2>
      <fieldset style={styles.filter}>
        <legend>{t('filterLabel')}</legend>
        {SEVERITIES.map((s) => (
          <Checkbox
            key={s}
            label={`${t(`filter_${s}`)} (${counts[s]})`}
            checked={shown.has(s)}
            onChange={(_, data) => {
              const next = new Set(shown);
              if (data.checked) next.add(s);
              else next.delete(s);
              setShown(next);
            }}
          />
        ))}
      </fieldset>
      {visible.length > 0 && hidden > 0 && <Text>{t('someHidden', { count: hidden })}</Text>}
      <FindingList
        findings={visible}
        reachable={reachable}
        onSelect={(f) => void run(() => host.selectCell(f.sheet!, f.cell!), { progress: false })}
        hidden={hidden}
      />
    </section>
  );
}
