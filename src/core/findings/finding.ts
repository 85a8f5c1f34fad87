/** A finding is data: a code, where it is, and typed params; its text comes from the catalogue. */
import { FINDINGS, type FindingCode, type FindingParamsByCode, type Severity } from './catalogue';

/** Where a finding points: the file, and the sheet and A1 cell when it has them. */
export interface FindingPlace {
  readonly file: string;
  readonly sheet: string | null;
  readonly cell: string | null;
}

type FindingOf<C extends FindingCode> = FindingPlace & {
  /** Always the catalogue's severity for the code (set by `finding`). */
  readonly severity: Severity;
  readonly code: C;
  readonly params: FindingParamsByCode[C];
};

type AnyFinding = { [K in FindingCode]: FindingOf<K> }[FindingCode];

/** One finding; narrowing on `code` types its params. */
export type Finding<C extends FindingCode = FindingCode> = Extract<AnyFinding, { readonly code: C }>;

/** The one way to make a finding: the compiler checks the params against the code. */
export function finding<C extends FindingCode>(
  code: C,
  at: FindingPlace,
  params: FindingParamsByCode[C],
): Finding<C> {
  const made: FindingOf<C> = {
    severity: FINDINGS[code].severity,
    code,
    file: at.file,
    sheet: at.sheet,
    cell: at.cell,
    params,
  };
  // FindingOf<C> is Finding<C> for every single code C; the compiler cannot see it for a generic C.
  return made as unknown as Finding<C>;
}

/** A type guard for `findings.filter(hasCode('mark.variant'))`. */
export function hasCode<C extends FindingCode>(code: C): (f: Finding) => f is Finding<C> {
  return (f): f is Finding<C> => f.code === code;
}

/** How many findings of each severity (for summary lines: エラー 0件・警告 1件・情報 4件). */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}
