/** Findings grouped by file and sheet; each one in the open workbook a button that takes the user to its cell. */
import { Badge, Button, Text, tokens } from '@fluentui/react-components';
import type { CSSProperties } from 'react';
import { type Finding, type Severity, renderFinding, severityLabel } from '../../core';
import { usePane } from '../pane';

const COLORS: Readonly<Record<Severity, 'danger' | 'warning' | 'informative'>> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

// Fluent's design tokens (CSS variables) in plain style objects: no runtime style compiler in the
// pane's first load, no colour literals.
const styles = {
  heading: {
    fontSize: tokens.fontSizeBase300,
    margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}`,
  },
  list: { listStyle: 'none', padding: 0, margin: 0 },
  item: { marginBottom: tokens.spacingVerticalS },
  button: {
    textAlign: 'left',
    justifyContent: 'flex-start',
    width: '100%',
    height: 'auto',
    padding: tokens.spacingHorizontalSNudge,
  },
  static: { padding: tokens.spacingHorizontalSNudge },
  badge: { marginRight: tokens.spacingHorizontalSNudge },
  suggestion: { display: 'block', color: tokens.colorNeutralForeground3 },
  /** Read by screen readers, not shown: where the button takes you. */
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
} satisfies Record<string, CSSProperties>;

export function FindingList(props: {
  findings: readonly Finding[];
  /** Whether the finding's cell is one the pane can go to (in the open workbook). */
  reachable: (f: Finding) => boolean;
  onSelect: (f: Finding) => void;
  /** Findings the filter hides: an empty list then says so rather than "no findings". */
  hidden?: number;
}) {
  const { findings, reachable, onSelect, hidden = 0 } = props;
  const { lang, t } = usePane();
  if (findings.length === 0)
    return <Text>{hidden > 0 ? t('allHidden', { count: hidden }) : t('noFindings')}</Text>;
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const title = `${f.file}${f.sheet ? ` — ${f.sheet}` : ''}`;
    groups.set(title, [...(groups.get(title) ?? []), f]);
  }
  return (
    <div>
      {[...groups].map(([title, list]) => (
        <section key={title} aria-label={title}>
          <h3 style={styles.heading}>{title}</h3>
          <ul style={styles.list}>
            {list.map((f, i) => {
              const { message, suggestion } = renderFinding(f, lang);
              const body = (
                <span>
                  <Badge appearance="filled" color={COLORS[f.severity]} style={styles.badge}>
                    {severityLabel(f.severity, lang)}
                  </Badge>
                  <strong>{f.cell ?? t('sheetLevel')}</strong> {message}
                  {suggestion && <span style={styles.suggestion}>→ {suggestion}</span>}
                </span>
              );
              return (
                <li key={`${f.code}-${f.cell}-${i}`} style={styles.item}>
                  {reachable(f) ? (
                    <Button appearance="subtle" style={styles.button} onClick={() => onSelect(f)}>
                      <span style={styles.visuallyHidden}>
                        {t('goToCell', { sheet: f.sheet!, cell: f.cell! })}:{' '}
                      </span>
                      {body}
                    </Button>
                  ) : (
                    <div style={styles.static}>
                      {f.sheet && f.cell && (
                        <span style={styles.visuallyHidden}>
                          {t('cellInFile', { file: f.file, sheet: f.sheet, cell: f.cell })}:{' '}
                        </span>
                      )}
                      {body}
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
