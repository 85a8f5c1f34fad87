/**
 * Owners (担当部 / 担当課). A cell may name several owners, one per line or separated by 、 or /,
 * paired by position across the two columns. The seed's two-owner item writes each owner as
 * "department division" in its own cell: 担当部 `総務部 総務課`, 担当課 `教育委員会 学務課`.
 * `・` is not a separator: it appears inside real names (市民活動・協働推進課).
 */
import type { Owner } from '../model';
import { cleanText, mayBeSpace } from './text';

const DEPARTMENT_END = /(部|室|本部|局|委員会|病院|事務局|会|庁|所)$/;
const DIVISION_END = /(課|室|係|所|センター|館|園|担当|グループ|班)$/;

/** Whether a character may be a separator of split() (then the regular expression decides). */
function mayBeSeparator(code: number): boolean {
  return code === 10 || code === 0x3001 || code === 0xff0c || code === 44 || code === 47 || code === 0xff0f;
}

function some(text: string, test: (code: number) => boolean): boolean {
  for (let i = 0; i < text.length; i += 1) if (test(text.charCodeAt(i))) return true;
  return false;
}

function split(cell: string): string[] {
  // Most cells name one owner: no separator, no regular expression.
  const clean = cleanText(cell);
  if (!some(clean, mayBeSeparator)) return clean === '' ? [] : [clean];
  return clean
    .split(/\n|、|，|,|\/|／/)
    .map((s) => cleanText(s))
    .filter((s) => s !== '');
}

/** `総務部 総務課` → {総務部, 総務課}; anything else → null. */
function asPair(text: string): Owner | null {
  // No space: one part (or none), never a pair.
  if (!some(text, mayBeSpace)) return null;
  const parts = text.split(/[\s\u3000]+/).filter((p) => p !== '');
  if (parts.length !== 2) return null;
  const [department, division] = parts as [string, string];
  return DEPARTMENT_END.test(department) && DIVISION_END.test(division) ? { department, division } : null;
}

export function parseOwners(department: string, division: string): Owner[] {
  const departments = split(department);
  const divisions = split(division);
  if (departments.length === 0)
    return divisions.length > 0 ? divisions.map((d) => ({ department: '', division: d })) : [];
  const pairs = [...departments, ...divisions].map(asPair);
  if (departments.length + divisions.length >= 2 && pairs.every((p) => p !== null)) return pairs as Owner[];
  const single = departments.length === 1 && divisions.length === 0 ? asPair(departments[0]!) : null;
  if (single) return [single];
  return departments.map((d, i) => ({
    department: d,
    division:
      divisions[i] ?? (departments.length === 1 && divisions.length > 1 ? divisions.join('、') : null),
  }));
}
