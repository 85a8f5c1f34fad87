/**
 * The add-in's settings as Excel stores them in the file (context.workbook.settings and document
 * settings live in the web-extension part), so the CLI uses the same settings as the pane without
 * being told. Returned raw: the caller parses them with zod.
 */
import type JSZip from 'jszip';

const KEY = 'reformProgress.settings';

function unescapeXml(text: string): string {
  return text.replace(
    /&(lt|gt|amp|quot|apos|#(\d+)|#x([0-9a-f]+));/gi,
    (whole, name: string, dec?: string, hex?: string) => {
      if (dec) return String.fromCodePoint(Number(dec));
      if (hex) return String.fromCodePoint(parseInt(hex, 16));
      return (
        ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[
          name.toLowerCase()
        ] ?? whole
      );
    },
  );
}

/** The stored value, JSON-decoded as many times as Office encoded it; null when there is none. */
export async function storedSettings(zip: JSZip): Promise<unknown> {
  const parts = Object.keys(zip.files).filter((f) => /^xl\/webextensions\/webextension\d*\.xml$/.test(f));
  for (const part of parts) {
    const xml = await zip.file(part)!.async('string');
    for (const m of xml.matchAll(/<we:property\b[^>]*>/g)) {
      const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
      const value = /\bvalue="([^"]*)"/.exec(m[0])?.[1];
      if (name === undefined || value === undefined || unescapeXml(name) !== KEY) continue;
      let decoded: unknown = unescapeXml(value);
      for (let i = 0; i < 3 && typeof decoded === 'string'; i += 1) {
        try {
          decoded = JSON.parse(decoded) as unknown;
        } catch {
          break;
        }
      }
      return decoded;
    }
  }
  return null;
}
