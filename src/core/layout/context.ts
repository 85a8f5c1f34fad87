import type { Finding, FiscalYear, MarkKey, PlanItem } from '../model';
import {
  formatList,
  formatMessage,
  layoutMessages,
  markLabels,
  endedRuleLabels,
  type Lang,
  type MessageParams,
} from '../messages';
import { gradesOf, type Settings } from '../settings';
import type { PublishedYear } from '../summary/publication';
import type { SummaryModel } from '../summary/types';
import { formatFiscalYear, japanTime, markSymbol, rolesOf } from '../values';
import { headerFooterText, type PrintSetup } from '../writePlan';

export const MARK_COLORS: Readonly<Record<MarkKey, string>> = {
  ahead: '#2E7D32',
  onPlan: '#1565C0',
  nearlyOnPlan: '#F9A825',
  behind: '#C62828',
  ended: '#757575',
  notEvaluated: '#BDBDBD',
};

export interface LayoutOptions {
  readonly lang: Lang;
  readonly findings: readonly Finding[];
  readonly settings: Settings;
  /** Add the normalized item sheet (RP_項目一覧). */
  readonly includeItemSheet: boolean;
  /** Several input files: add the consolidated item sheet (RP_取込項目). */
  readonly consolidated?: boolean;
  /** Findings in this file get links to their cells (the workbook being written). */
  readonly linkableFile?: string;
  /** The plan's name (settings, else the items' title row) and years carried over from hand-made tables. */
  readonly publication?: { readonly planName: string | null; readonly carried: readonly PublishedYear[] };
  /** File as named in the run → as written in the sheets (relative to the folder given, never absolute). */
  readonly fileNames?: Readonly<Record<string, string>>;
}

/** What every sheet module needs: the model, the language, and text helpers. */
export class LayoutContext {
  constructor(
    readonly model: SummaryModel,
    readonly options: LayoutOptions,
  ) {}

  get lang(): Lang {
    return this.options.lang;
  }

  /** Texts without parameters, made once: a table repeats them row by row. */
  private readonly texts = new Map<string, string>();
  private readonly years = new Map<FiscalYear, string>();
  private readonly symbols = new Map<MarkKey, string>();

  t(key: keyof typeof layoutMessages, params?: MessageParams): string {
    if (params) return formatMessage(layoutMessages[key], this.lang, params);
    let text = this.texts.get(key);
    if (text === undefined) this.texts.set(key, (text = formatMessage(layoutMessages[key], this.lang, {})));
    return text;
  }

  year(y = this.model.year): string {
    let text = this.years.get(y);
    if (text === undefined) this.years.set(y, (text = formatFiscalYear(y, this.lang, 'long')));
    return text;
  }

  /** The scale's symbol for a role (`D・E・F` where several grades share it); — where the scale has none. */
  symbol(key: MarkKey): string {
    let symbol = this.symbols.get(key);
    if (symbol === undefined) {
      const grades = gradesOf(this.options.settings);
      symbol = grades.some((g) => g.key === key) ? markSymbol(key, grades) : '—';
      this.symbols.set(key, symbol);
    }
    return symbol;
  }

  /** The scale's own name for a role (特に良好), else the role's (進んでいる). */
  markLabel(key: MarkKey): string {
    const labels = gradesOf(this.options.settings)
      .filter((g) => g.key === key && g.label)
      .map((g) => g.label![this.lang]);
    return labels.length > 0 ? formatList(labels, this.lang, 'alternatives') : markLabels[key][this.lang];
  }

  /** The roles this summary shows: kasama's five; a scale's own (with 対象外 where it has it). */
  get roles(): readonly MarkKey[] {
    return rolesOf(gradesOf(this.options.settings));
  }

  /** A mark in a chart's legend: its symbol and its name (`◎ 進んでいる`), once when they are the same. */
  legendName(key: MarkKey): string {
    const symbol = this.symbol(key);
    const label = this.markLabel(key);
    return symbol === label ? label : `${symbol} ${label}`;
  }

  ruleText(): string {
    return endedRuleLabels[this.model.ended][this.lang];
  }

  /** A file as written into the sheets: relative, never the absolute path the run was given. */
  fileName = (file: string): string => this.options.fileNames?.[file] ?? file;

  /** The plan's name as printed: the municipality before it unless the name already says it. */
  planName(): string {
    const name = this.options.publication?.planName ?? null;
    const city = this.options.settings.municipality ?? null;
    const base = name ?? this.t('defaultPlanName');
    return city && !base.includes(city) ? `${city} ${base}` : base;
  }

  /** Date of preparation in Japan time, as people read it. */
  preparedOn(): string {
    return japanTime(this.model.provenance.generatedAt, this.lang)?.date ?? this.model.provenance.generatedAt;
  }

  /** Page header and footer of every sheet: the plan, the sheet, page x / y, the date of preparation. */
  print(sheetTitle: string): Partial<PrintSetup> {
    return {
      header: { left: headerFooterText(this.planName()), right: headerFooterText(sheetTitle) },
      footer: {
        center: this.t('pageOf', { page: '&P', pages: '&N' }),
        right: headerFooterText(this.t('preparedOn', { date: this.preparedOn() })),
      },
    };
  }

  owners(item: PlanItem): string {
    let text = '';
    item.owners.forEach((o, i) => {
      const { department, division } = o;
      text += `${i > 0 ? '、' : ''}${department && division ? `${department} ${division}` : department || division || ''}`;
    });
    return text;
  }
}
