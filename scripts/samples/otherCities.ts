/**
 * examples/other-cities/: plans graded with another city's scale, for `--scale`. The figures are made up
 * (a fictional city), the shape is the one such cities publish: S/A/B/C per year, 完了 for finished
 * items, 対象外 for items not evaluated that year.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const FIXED_DATE = new Date('2024-06-30T00:00:00Z');

type Grade = 'S' | 'A' | 'B' | 'C' | '完了' | '対象外' | 'Ｂ' | '';

/** 施策, 取組項目, 所管課, R4 grade, R5 grade. */
const ITEMS: readonly (readonly [string, string, string, Grade, Grade])[] = [
  ['行政運営の効率化', '窓口業務のワンストップ化', '市民課', 'A', 'S'],
  ['行政運営の効率化', '電子申請の拡大', '情報政策課', 'A', 'S'],
  ['行政運営の効率化', 'ペーパーレス会議の推進', '総務課', 'B', 'A'],
  ['行政運営の効率化', 'RPAによる定型業務の自動化', '情報政策課', 'B', 'A'],
  ['行政運営の効率化', '庁内照会の電子化', '総務課', 'Ｂ', 'B'],
  ['行政運営の効率化', '公用車の共同利用', '管財課', 'C', 'C'],
  ['行政運営の効率化', '会議録作成の音声認識化', '議会事務局', '', '完了'],
  ['財政の健全化', '使用料・手数料の見直し', '財政課', 'A', 'A'],
  ['財政の健全化', '市税収納率の向上', '収税課', 'S', 'S'],
  ['財政の健全化', 'ふるさと納税の推進', '企画課', 'A', 'A'],
  ['財政の健全化', '補助金の見直し', '財政課', 'B', 'B'],
  ['財政の健全化', '未利用地の売却', '管財課', 'C', 'C'],
  ['財政の健全化', '広告収入の確保', '企画課', 'B', 'A'],
  ['公共施設の最適化', '公共施設の再配置', '資産経営課', 'B', 'B'],
  ['公共施設の最適化', '学校施設の長寿命化', '教育総務課', 'A', 'A'],
  ['公共施設の最適化', '指定管理者制度の活用', '資産経営課', 'A', 'B'],
  ['公共施設の最適化', '公民館の統合', '生涯学習課', 'C', 'C'],
  ['公共施設の最適化', '市営住宅の集約', '住宅課', 'B', 'A'],
  ['公共施設の最適化', '旧庁舎跡地の活用', '企画課', '対象外', '対象外'],
  ['公共施設の最適化', '下水道施設の広域化', '下水道課', '対象外', '対象外'],
];

/** The fictional city's plan, graded S/A/B/C: 20 items, R5 S3 A7 B4 C3 完了1 対象外2. */
export async function writeOtherCities(outDir: string): Promise<void> {
  const dir = join(outDir, 'other-cities');
  mkdirSync(dir, { recursive: true });
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Reform Progress samples';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet('令和5年度評価');
  ws.getCell('A1').value = '（架空の市）行財政改革推進計画 取組状況評価 令和5年度';
  ws.getCell('A2').value =
    '評価: S 特に良好 / A 良好 / B 概ね進捗 / C 進捗に課題あり / 完了 / 対象外（当該年度は評価しない）';
  const header = ['施策', '番号', '取組項目', '所管課', '令和4年度評価', '令和5年度評価'];
  header.forEach((text, i) => {
    const cell = ws.getCell(4, i + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  ITEMS.forEach(([measure, name, division, r4, r5], i) => {
    const row = 5 + i;
    ws.getCell(row, 1).value = measure;
    ws.getCell(row, 2).value = i + 1;
    ws.getCell(row, 3).value = name;
    ws.getCell(row, 4).value = division;
    if (r4 !== '') ws.getCell(row, 5).value = r4;
    if (r5 !== '') ws.getCell(row, 6).value = r5;
  });
  [18, 6, 30, 14, 12, 12].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  await wb.xlsx.writeFile(join(dir, 'sabc-r5.xlsx'));
}
