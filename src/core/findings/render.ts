/** A finding's message and suggestion in the reader's language. */
import { formatMessage, type Lang, type MessageParams } from '../messages/format';
import { endedRuleLabels } from '../messages/summary';
import { formatFiscalYear, parseFiscalYear } from '../values/years';
import {
  FINDINGS,
  fieldLabels,
  severityLabels,
  tableRejections,
  unreadableReasons,
  type Severity,
} from './catalogue';
import type { Finding } from './finding';

export interface RenderedFinding {
  readonly message: string;
  readonly suggestion: string;
}

const YEAR_PARAMS = ['year', 'endedYear', 'tag'] as const;

/**
 * A year param in the language's long form (null: not a year), remembered per text: a run has a few
 * distinct years and thousands of findings, and reading a year takes several patterns. Bounded: texts
 * past the first few hundred are read each time.
 */
const LONG_YEARS: Readonly<Record<Lang, Map<string, string | null>>> = { ja: new Map(), en: new Map() };
const MAX_REMEMBERED_YEARS = 256;

function longYear(text: string, lang: Lang): string | null {
  const remembered = LONG_YEARS[lang];
  const known = remembered.get(text);
  if (known !== undefined) return known;
  const year = parseFiscalYear(text);
  const long = year ? formatFiscalYear(year, lang, 'long') : null;
  if (remembered.size < MAX_REMEMBERED_YEARS) remembered.set(text, long);
  return long;
}

/** Params as the reader sees them: years in the language's long form, words translated. */
function localizeParams(finding: Finding, lang: Lang): MessageParams {
  const params: Record<string, unknown> = finding.params;
  const out: Record<string, MessageParams[string]> = { ...(params as MessageParams) };
  for (const name of YEAR_PARAMS) {
    const value = params[name];
    const long = typeof value === 'string' ? longYear(value, lang) : null;
    if (long !== null) out[name] = long;
  }
  switch (finding.code) {
    case 'file.unreadable': {
      // The reader's detail (a library's words, byte counts) stays in the JSON; the text is all in one language.
      out.reason = unreadableReasons[finding.params.reasonCode][lang];
      break;
    }
    case 'table.rejected':
      out.reason = tableRejections[finding.params.tableReason][lang];
      break;
    case 'table.statusNotMarks':
      out.years = finding.params.years.map((y) => longYear(y, lang) ?? y);
      break;
    case 'summary.mismatch':
      out.rule = endedRuleLabels[finding.params.rule][lang];
      break;
    case 'value.unparsable':
    case 'value.yearTag':
      out.field = fieldLabels[finding.params.field][lang];
      break;
  }
  return out;
}

/** Each finding's text per language, made once: the findings sheet and the CLI's list show the same findings. */
const renderedTexts = new WeakMap<Finding, Partial<Record<Lang, RenderedFinding>>>();

export function renderFinding(finding: Finding, lang: Lang): RenderedFinding {
  let texts = renderedTexts.get(finding);
  if (!texts) renderedTexts.set(finding, (texts = {}));
  return (texts[lang] ??= renderNow(finding, lang));
}

function renderNow(finding: Finding, lang: Lang): RenderedFinding {
  const entry = FINDINGS[finding.code];
  const params = localizeParams(finding, lang);
  const suggestion =
    typeof entry.suggestion === 'function'
      ? (entry.suggestion as (p: Finding['params']) => typeof entry.message)(finding.params)
      : entry.suggestion;
  return {
    message: formatMessage(entry.message, lang, params),
    suggestion: formatMessage(suggestion, lang, params),
  };
}

export function severityLabel(severity: Severity, lang: Lang): string {
  return severityLabels[severity][lang];
}
