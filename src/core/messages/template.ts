/**
 * The words printed in department templates. They are the document's own vocabulary, in Japanese
 * whatever the pane's language: the departments fill these sheets, the city publishes them, and
 * the reader recognises exactly these headers (see reader/headers.ts).
 */
export const templateWords = {
  number: '番号',
  name: '実施項目',
  status: '進捗状況',
  department: '担当部',
  division: '担当課',
  indicator: '指標',
  target: '計画',
  actual: '実績',
  /** `具体的な取組結果(R4)`: what was done in the report year. */
  result: '具体的な取組結果({year})',
  /** `令和5年度の取組計画`: the plan for the year after the report year. */
  nextPlan: '{year}の取組計画',
  priority: '【重点】',
  keyIndicator: '☆',
  legend: '凡例',
  /** Sheet title: plan title, years and department. */
  title: '{plan}　{from}〜{to}　進捗状況（{department}）',
  /** Items of a plan read from a workbook that had no 基本方針 / 施策 headings. */
  unclassified: '（区分なし）',
} as const;
