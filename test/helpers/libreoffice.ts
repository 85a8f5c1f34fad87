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
