import type { Finding, MarkKey, PlanItem } from '../model';
import {
  formatMessage,
  layoutMessages,
  markLabels,
  endedRuleLabels,
  type Lang,
  type MessageParams,
} from '../messages';
import type { Settings } from '../settings';
import type { SummaryModel } from '../summary/types';
import { formatFiscalYear, markSymbol } from '../values';

export const MARK_COLORS: Readonly<Record<MarkKey, string>> = {
  ahead: '#2E7D32',
  onPlan: '#1565C0',
  nearlyOnPlan: '#F9A825',
  behind: '#C62828',
  ended: '#757575',
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

  symbol(key: MarkKey): string {
    return markSymbol(key, this.options.settings.marks);
  }

  markLabel(key: MarkKey): string {
    return markLabels[key][this.lang];
  }

  ruleText(): string {
    return endedRuleLabels[this.model.ended][this.lang];
  }

  owners(item: PlanItem): string {
    return item.owners.map((o) => [o.department, o.division].filter(Boolean).join(' ')).join('、');
  }
}
