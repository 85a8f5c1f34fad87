/** The JSON shapes the CLI writes (field names are a public contract: add, never rename). */
import type { Analysis } from '../core/engine';
import type { Finding } from '../core/model';
import { renderFinding, type Lang } from '../core/messages';

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
  return { severity: finding.severity, code: finding.code, file: finding.file, sheet: finding.sheet, cell: finding.cell, message, suggestion, params: finding.params };
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
