/** The task pane: tabs for the actions, language switch, one error bar. No domain logic here. */
import { Button, FluentProvider, Spinner, Tab, TabList, webLightTheme } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import {
  analyse,
  type Analysis,
  type HostPort,
  type Lang,
  DEFAULT_SETTINGS,
  parseSettings,
  type Settings,
} from '../core';
import { CheckView } from './components/CheckView';
import { ErrorBar, InfoBar } from './components/ErrorBar';
import { describeError, translator } from './text';

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

export function App(props: { host: HostPort; initialLang: Lang; badge?: string }) {
  const { host } = props;
  const [lang, setLang] = useState<Lang>(props.initialLang);
  const [tab, setTab] = useState<TabName>('check');
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [settingsNote, setSettingsNote] = useState<string | null>(null);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [error, setError] = useState<unknown>(null);
  const t = translator(lang);

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

  const check = useCallback(async () => {
    setError(null);
    const snapshot = await host.readSnapshot();
    setAnalysis(analyse([snapshot], settings));
  }, [host, settings]);

  const onError = (err: unknown) => setError(err);
  const indicators = [
    ...new Set((analysis?.items ?? []).flatMap((i) => (i.indicator?.name ? [i.indicator.name] : []))),
  ];

  return (
    <FluentProvider theme={webLightTheme} lang={lang === 'ja' ? 'ja-JP' : 'en-US'}>
      <main style={{ padding: 12, fontFamily: 'inherit' }}>
        <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <h1 style={{ fontSize: 18, margin: 0 }}>{t('appTitle')}</h1>
          <Button
            size="small"
            aria-label={`${t('language')} (${t('languageLabel')})`}
            onClick={() => setLang(lang === 'ja' ? 'en' : 'ja')}
          >
            {t('language')}
          </Button>
        </header>
        {props.badge && <p style={{ color: '#8a3b00', fontWeight: 600 }}>{props.badge}</p>}
        <TabList
          selectedValue={tab}
          onTabSelect={(_, d) => setTab(d.value as TabName)}
          size="small"
          style={{ flexWrap: 'wrap', margin: '8px 0' }}
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
        {tab === 'check' && (
          <CheckView
            host={host}
            lang={lang}
            t={t}
            settings={settings}
            analysis={analysis}
            onCheck={check}
            onError={onError}
          />
        )}
        <Suspense fallback={<Spinner size="tiny" />}>
          {tab === 'generate' && (
            <GenerateView
              host={host}
              lang={lang}
              t={t}
              settings={settings}
              years={analysis?.years ?? []}
              onError={onError}
              onDone={(r) => setAnalysis(r.analysis)}
            />
          )}
          {tab === 'import' && (
            <ImportView host={host} lang={lang} t={t} settings={settings} onError={onError} />
          )}
          {tab === 'dropdowns' && (
            <DropdownView host={host} t={t} settings={settings} analysis={analysis} onError={onError} />
          )}
          {tab === 'plan' && <PlanView host={host} t={t} settings={settings} onError={onError} />}
          {tab === 'settings' && (
            <SettingsView
              host={host}
              lang={lang}
              t={t}
              settings={settings}
              years={analysis?.years ?? []}
              indicators={indicators}
              onSaved={setSettings}
              onError={onError}
            />
          )}
        </Suspense>
      </main>
    </FluentProvider>
  );
}
