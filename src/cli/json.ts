/** The JSON shapes the CLI writes (field names are a public contract: add, never rename). */
import {
  type Analysis,
  type GroupRow,
  type Progress,
  type SummaryModel,
  type YearSummary,
  type Finding,
  renderFinding,
  type Lang,
} from '../core';

export interface FindingJson {
  severity: Finding['severity'];
  code: Finding['code'];
  file: string;
  sheet: string | null;
  cell: string | null;
  message: string;
  suggestion: string;
  params: Finding['params'];
}

export function findingJson(finding: Finding, lang: Lang): FindingJson {
  const { message, suggestion } = renderFinding(finding, lang);
  return {
    severity: finding.severity,
    code: finding.code,
    file: finding.file,
    sheet: finding.sheet,
    cell: finding.cell,
    message,
    suggestion,
    params: finding.params,
  };
}

export function validationJson(analysis: Analysis, findings: readonly Finding[], lang: Lang) {
  return {
    items: analysis.items.length,
    year: analysis.year,
    years: analysis.years,
    sources: analysis.sources.map((s) => ({ file: s.file, sheet: s.sheet, items: s.items })),
    findings: findings.map((f) => findingJson(f, lang)),
  };
}

/** Rates rounded as published (one decimal of a percent); numerator and denominator are exact. */
function progressJson(p: Progress) {
  return {
    numerator: p.numerator,
    denominator: p.denominator,
    rate: p.rate === null ? null : Math.round(p.rate * 1000) / 1000,
  };
}

function yearJson(y: YearSummary) {
  return {
    year: y.year,
    kind: y.kind,
    items: y.items,
    counts: { ...y.counts },
    unmarked: y.unmarked,
    progress: progressJson(y.progress),
  };
}

function groupJson(g: GroupRow) {
  return {
    key: g.key,
    ...(g.parent !== undefined ? { parent: g.parent } : {}),
    items: g.items,
    counts: { ...g.counts },
    unmarked: g.unmarked,
    progress: progressJson(g.progress),
  };
}

export function summaryJson(
  analysis: Analysis,
  model: SummaryModel,
  findings: readonly Finding[],
  lang: Lang,
) {
  return {
    ...validationJson(analysis, findings, lang),
    year: model.year,
    ended: model.ended,
    years: model.years.map(yearJson),
    /** Mid-year reports kept from the workbook's earlier summary. */
    earlierReports: model.earlierReports.map(yearJson),
    groups: {
      policy: model.groups.policy.map(groupJson),
      measure: model.groups.measure.map(groupJson),
      department: model.groups.department.map(groupJson),
      division: model.groups.division.map(groupJson),
    },
    behind: model.behind.map((i) => ({
      policy: i.policy,
      measure: i.measure,
      number: i.number,
      name: i.name,
      owners: i.owners,
    })),
    endedItems: model.endedItems.map((i) => ({
      policy: i.policy,
      measure: i.measure,
      number: i.number,
      name: i.name,
    })),
    changes: model.changes.map((c) => ({
      measure: c.item.measure,
      number: c.item.number,
      name: c.item.name,
      from: c.from,
      to: c.to,
      direction: c.direction,
    })),
    provenance: model.provenance,
  };
}
