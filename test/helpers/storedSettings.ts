/** The add-in's settings stored in a package the way Excel stores them (task pane → web extension part). */
import type JSZip from 'jszip';

function xmlAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** Adds the web-extension parts, their relationships and content types; `settings` is stored as Office does (JSON of a JSON string). */
export async function addStoredSettings(zip: JSZip, settings: unknown): Promise<void> {
  const value = xmlAttr(JSON.stringify(JSON.stringify(settings)));
  zip.file(
    'xl/webextensions/webextension1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{7D0B6C1E-3F4A-4C52-9E1B-52A8D6F0C2A4}"><we:reference id="wa000000" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/><we:properties><we:property name="reformProgress.settings" value="${value}"/></we:properties><we:bindings/><we:snapshot/></we:webextension>`,
  );
  zip.file(
    'xl/webextensions/taskpanes.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"><wetp:taskpane dockstate="right" visibility="0" width="350" row="4"><wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`,
  );
  zip.file(
    'xl/webextensions/_rels/taskpanes.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/></Relationships>`,
  );
  const rels = await zip.file('_rels/.rels')!.async('string');
  zip.file(
    '_rels/.rels',
    rels.replace(
      '</Relationships>',
      '<Relationship Id="rIdWe" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"/></Relationships>',
    ),
  );
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      '<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/><Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/></Types>',
    ),
  );
}
