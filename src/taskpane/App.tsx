/** The task pane: tabs for the actions, language switch, one error bar, one live region. No domain logic here. */
import {
  Button,
  FluentProvider,
  Spinner,
  Tab,
  TabList,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type CSSProperties } from 'react';
import {
  analyse,
  type Analysis,
  describeError,
  type HostPort,
  type Lang,
  DEFAULT_SETTINGS,
  parseSettings,
  type Settings,
} from '../core';
import { CheckView } from './components/CheckView';
import { ErrorBar, InfoBar } from './components/ErrorBar';
import { PaneContext, type ImportedFiles, type Notice, type Pane, type PaneRun } from './pane';
import { translator } from './text';

// Only the check is needed at first; the other tabs (and the summary engine they use) load when opened.
const GenerateView = lazy(() =>
  import(/* webpackChunkName: "generate" */ './components/GenerateView').then((m) => ({
    default: m.GenerateView,
  })),
);
const ImportView = lazy(() =>
  import(/* webpackChunkName: "import" */ './components/ImportView').then((m) => ({ default: m.ImportView })),
);
const DropdownView = lazy(() =>
  import(/* webpackChunkName: "dropdowns" */ './components/DropdownView').then((m) => ({
    default: m.DropdownView,
  })),
);
const PlanView = lazy(() =>
  import(/* webpackChunkName: "plan" */ './components/PlanView').then((m) => ({ default: m.PlanView })),
);
const SettingsView = lazy(() =>
  import(/* webpackChunkName: "settings" */ './components/SettingsView').then((m) => ({
    default: m.SettingsView,
  })),
);

type TabName = 'check' | 'generate' | 'import' | 'dropdowns' | 'plan' | 'settings';

// Fluent's design tokens (CSS variables) in plain style objects: no runtime style compiler in the
// pane's first load, no colour literals.
const styles = {
  main: { padding: tokens.spacingHorizontalM, fontFamily: 'inherit' },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
  title: { fontSize: tokens.fontSizeBase500, margin: 0 },
  badge: { color: tokens.colorStatusWarningForeground3, fontWeight: tokens.fontWeightSemibold },
  tabs: { flexWrap: 'wrap', margin: `${tokens.spacingVerticalS} 0` },
} satisfies Record<string, CSSProperties>;

export function App(props: { host: HostPort; initialLang: Lang; badge?: string }) {
  const { host } = props;
  const [lang, setLang] = useState<Lang>(props.initialLang);
  const [tab, setTab] = useState<TabName>('check');
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [settingsNote, setSettingsNote] = useState<string | null>(null);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [run, setRun] = useState<PaneRun | null>(null);
  const [imported, setImported] = useState<ImportedFiles | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const t = useMemo(() => translator(lang), [lang]);

  useEffect(() => {
    host.loadSettings().then(
      (raw) => {
        const { settings: parsed, error: invalid } = parseSettings(raw);
        setSettings(parsed);
        if (invalid) setSettingsNote(invalid);
      },
      (err: unknown) => setError(err),
    );
  }, [host]);

  // The open workbook's tables, years and indicators (for 入力規則, 設定 and the year fields).
  const detect = useCallback(async () => {
    const snapshot = await host.readSnapshot();
    const found = analyse([snapshot], settings);
    setAnalysis(found);
    return { file: snapshot.file, analysis: found };
  }, [host, settings]);

  const check = useCallback(async (): Promise<PaneRun> => {
    let next: PaneRun;
    if (imported) {
      const found = analyse(imported.snapshots, settings);
      next = {
        source: 'check',
        analysis: found,
        findings: [...imported.unreadable, ...found.findings],
        openFile: null,
      };
    } else {
      const { file, analysis: found } = await detect();
      next = { source: 'check', analysis: found, findings: found.findings, openFile: file };
    }
    setRun(next);
    return next;
  }, [detect, imported, settings]);

  const pane = useMemo<Pane>(
    () => ({
      host,
      lang,
      t,
      settings,
      reportError: setError,
      notify: setNotice,
      showRun: setRun,
      setImported,
    }),
    [host, lang, t, settings],
  );
  const indicators = [
    ...new Set((analysis?.items ?? []).flatMap((i) => (i.indicator?.name ? [i.indicator.name] : []))),
  ];

  return (
    <FluentProvider theme={webLightTheme} lang={lang === 'ja' ? 'ja-JP' : 'en-US'}>
      <PaneContext.Provider value={pane}>
        <main style={styles.main}>
          <header style={styles.header}>
            <h1 style={styles.title}>{t('appTitle')}</h1>
            <Button
              size="small"
              aria-label={`${t('language')} (${t('languageLabel')})`}
              onClick={() => setLang(lang === 'ja' ? 'en' : 'ja')}
            >
              {t('language')}
            </Button>
          </header>
          {props.badge && <p style={styles.badge}>{props.badge}</p>}
          <TabList
            selectedValue={tab}
            onTabSelect={(_, d) => {
              setTab(d.value as TabName);
              setNotice(null);
            }}
            size="small"
            style={styles.tabs}
          >
            <Tab value="check">{t('tabCheck')}</Tab>
            <Tab value="generate">{t('tabGenerate')}</Tab>
            <Tab value="import">{t('tabImport')}</Tab>
            <Tab value="dropdowns">{t('tabDropdowns')}</Tab>
            <Tab value="plan">{t('tabPlan')}</Tab>
            <Tab value="settings">{t('tabSettings')}</Tab>
          </TabList>
          <ErrorBar title={t('errorTitle')} message={error ? describeError(error, lang) : null} />
          <InfoBar
            intent="warning"
            message={settingsNote ? t('settingsInvalid', { detail: settingsNote }) : null}
          />
          {/* Present before anything is in it, so that screen readers announce what arrives. */}
          <div role="status" aria-live="polite">
            <InfoBar intent={notice?.intent ?? 'success'} message={notice?.text ?? null} />
          </div>
          {tab === 'check' && (
            <CheckView
              run={run}
              imported={imported}
              onCheck={check}
              onCheckOpenWorkbook={() => setImported(null)}
            />
          )}
          <Suspense fallback={<Spinner size="tiny" />}>
            {tab === 'generate' && (
              <GenerateView years={analysis?.years ?? []} onDone={(r) => setAnalysis(r.analysis)} />
            )}
            {tab === 'import' && <ImportView imported={imported} />}
            {tab === 'dropdowns' && <DropdownView analysis={analysis} onDetect={detect} />}
            {tab === 'plan' && <PlanView />}
            {tab === 'settings' && (
              <SettingsView
                years={analysis?.years ?? []}
                indicators={indicators}
                onDetect={analysis ? null : detect}
                onSaved={setSettings}
              />
            )}
          </Suspense>
        </main>
      </PaneContext.Provider>
    </FluentProvider>
  );
}
