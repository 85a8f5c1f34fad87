/** Findings grouped by sheet; each one a button that takes the user to its cell. */
import { Badge, Button, Text } from '@fluentui/react-components';
import { type Finding, type Severity, renderFinding, severityLabel, type Lang } from '../../core';
import type { Translate } from '../text';

const COLORS: Readonly<Record<Severity, 'danger' | 'warning' | 'informative'>> = {
  error: 'danger',
  warning: 'warning',
  info: 'informative',
};

/** Read by screen readers, not shown: where the button takes you. */
const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

export function FindingList(props: {
  findings: readonly Finding[];
  lang: Lang;
  t: Translate;
  onSelect: (f: Finding) => void;
}) {
  const { findings, lang, t, onSelect } = props;
  if (findings.length === 0) return <Text>{t('noFindings')}</Text>;
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const title = `${f.file}${f.sheet ? ` — ${f.sheet}` : ''}`;
    groups.set(title, [...(groups.get(title) ?? []), f]);
  }
  return (
    <div>
      {[...groups].map(([title, list]) => (
        <section key={title} aria-label={title}>
          <h2 style={{ fontSize: 14, margin: '12px 0 4px' }}>{title}</h2>
          <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {list.map((f, i) => {
              const { message, suggestion } = renderFinding(f, lang);
              return (
                <li key={`${f.code}-${f.cell}-${i}`} style={{ marginBottom: 6 }}>
                  <Button
                    appearance="subtle"
                    style={{
                      textAlign: 'left',
                      justifyContent: 'flex-start',
                      width: '100%',
                      height: 'auto',
                      padding: 6,
                    }}
                    disabled={!f.sheet || !f.cell}
                    onClick={() => onSelect(f)}
                  >
                    <span>
                      {f.sheet && f.cell && (
                        <span style={VISUALLY_HIDDEN}>
                          {t('goToCell', { sheet: f.sheet, cell: f.cell })}:{' '}
                        </span>
                      )}
                      <Badge appearance="filled" color={COLORS[f.severity]} style={{ marginRight: 6 }}>
                        {severityLabel(f.severity, lang)}
                      </Badge>
                      <strong>{f.cell ?? t('sheetLevel')}</strong> {message}
                      {suggestion && <span style={{ display: 'block', color: '#555' }}>→ {suggestion}</span>}
                    </span>
                  </Button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
