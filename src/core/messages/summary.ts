import type { MarkKey } from '../model';
import type { EndedRule } from '../settings';
import type { Message } from './format';

/** How ended items were counted, written next to every rate. */
export const endedRuleLabels: Readonly<Record<EndedRule, Message>> = {
  'on-plan': {
    ja: '「終了」は「計画どおり」として計上（公表資料の方法）',
    en: 'ended items counted as on plan (the published method)',
  },
  exclude: { ja: '「終了」は項目数・進捗率から除外', en: 'ended items left out of the counts and the rate' },
  'not-achieved': {
    ja: '「終了」は未達成として項目数のみに計上',
    en: 'ended items counted as not achieved (denominator only)',
  },
};

export const markLabels: Readonly<Record<MarkKey, Message>> = {
  ahead: { ja: '進んでいる', en: 'Ahead' },
  onPlan: { ja: '計画どおり', en: 'On plan' },
  nearlyOnPlan: { ja: 'ほぼ計画どおり（計画の8割以上）', en: 'Nearly on plan (80%+ of plan)' },
  behind: { ja: '遅れている', en: 'Behind' },
  ended: { ja: '終了', en: 'Ended' },
  notEvaluated: { ja: '対象外・未評価', en: 'Not evaluated' },
};

export const reportKindLabels: Readonly<Record<'midYear' | 'yearEnd', Message>> = {
  midYear: { ja: '中間実績（10月）', en: 'Mid-year report (October)' },
  yearEnd: { ja: '実績（3月）', en: 'Year-end report (March)' },
};
