/**
 * LibreOffice headless as an independent spreadsheet engine: a workbook recalculated on load (every
 * formula, whatever cached values the file holds) and saved again as .xlsx, whose cached values are
 * then LibreOffice's own results.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tmpDir } from './buildWorkbook';

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A fresh profile per call: helpers running LibreOffice at the same time do not share one. */
export function recalculateWithLibreOffice(path: string): string {
  const profile = tmpDir('rp-lo-');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  const out = join(profile, 'out');
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      out,
      path,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  return join(out, basename(path));
}

const INSERT_COLUMN_MACRO = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub InsertColumn(src As String, dst As String, sheetName As String, col As Long)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  Dim doc As Object
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(src), &quot;_blank&quot;, 0, args())
  doc.Sheets.getByName(sheetName).Columns.insertByIndex(col, 1)
  Dim f(0) As New com.sun.star.beans.PropertyValue
  f(0).Name = &quot;FilterName&quot;
  f(0).Value = &quot;Calc MS Excel 2007 XML&quot;
  doc.storeToURL(ConvertToURL(dst), f())
  doc.close(True)
End Sub
</script:module>
`;

/**
 * LibreOffice's own column insert (Sheet › Insert Columns) on a copy of `path`, driven headless by a
 * Basic macro: a second engine's opinion of what the insert does to formulas and names.
 */
export function insertColumnWithLibreOffice(path: string, sheet: string, column: number): string {
  const profile = tmpDir('rp-lo-');
  const env = `-env:UserInstallation=file://${profile}`;
  // A first start creates the profile and its Standard Basic library; the macro then replaces Module1.
  execFileSync('soffice', [env, '--headless', '--terminate_after_init'], { stdio: 'pipe', timeout: 120_000 });
  writeFileSync(join(profile, 'user', 'basic', 'Standard', 'Module1.xba'), INSERT_COLUMN_MACRO);
  const out = join(profile, 'inserted.xlsx');
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  execFileSync(
    'soffice',
    [
      env,
      '--headless',
      `macro:///Standard.Module1.InsertColumn(${quote(path)},${quote(out)},${quote(sheet)},${column})`,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  return out;
}
