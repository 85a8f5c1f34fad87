import type { Finding, MarkKey, PlanItem } from '../model';
import {
  formatMessage,
  layoutMessages,
  markLabels,
  endedRuleLabels,
  type Lang,
  type MessageParams,
} from '../messages';
import { gradesOf, type Settings } from '../settings';
import type { SummaryModel } from '../summary/types';
import { formatFiscalYear, markSymbol, rolesOf } from '../values';

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

  t(key: keyof typeof layoutMessages, params: MessageParams = {}): string {
    return formatMessage(layoutMessages[key], this.lang, params);
  }

  year(y = this.model.year): string {
    return formatFiscalYear(y, this.lang, 'long');
  }

  /** The scale's symbol for a role (`D・E・F` where several grades share it); — where the scale has none. */
  symbol(key: MarkKey): string {
    const grades = gradesOf(this.options.settings);
    return grades.some((g) => g.key === key) ? markSymbol(key, grades) : '—';
  }

  /** The scale's own name for a role (特に良好), else the role's (進んでいる). */
  markLabel(key: MarkKey): string {
    const labels = gradesOf(this.options.settings)
      .filter((g) => g.key === key && g.label)
      .map((g) => g.label![this.lang]);
    return labels.length > 0 ? labels.join('・') : markLabels[key][this.lang];
  }

  /** The roles this summary shows: kasama's five; a scale's own (with 対象外 where it has it). */
  get roles(): readonly MarkKey[] {
    return rolesOf(gradesOf(this.options.settings));
  }

  ruleText(): string {
    return endedRuleLabels[this.model.ended][this.lang];
  }

  owners(item: PlanItem): string {
    return item.owners.map((o) => [o.department, o.division].filter(Boolean).join(' ')).join('、');
  }
}
