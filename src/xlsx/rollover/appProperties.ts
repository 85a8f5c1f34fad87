/**
 * docProps/app.xml after sheets are added to a user's package: the new sheets' names listed after the
 * worksheets in TitlesOfParts, the worksheets' count in HeadingPairs and the vector sizes raised to
 * match; nothing else in the part changes. The worksheets' group is recognised by its titles (all of
 * them names of the workbook's sheets), not by its label, which is in the language of the Excel that
 * saved it (Worksheets, ワークシート…). A part we cannot read that way is left as it was: Excel
 * rewrites it on the next save and does not read it when opening. No Node imports.
 */
import { decodeXml, escapeXmlText } from '../package/xml';
import { attr, parseStartTag, withAttr, writeStartTag, xmlTags } from './xml';

interface Span {
  readonly start: number;
  readonly end: number;
}

interface Element extends Span {
  /** The text between the start and the end tag. */
  readonly text: string;
  readonly textSpan: Span;
  readonly qname: string;
}

/** The vectors of HeadingPairs and TitlesOfParts: their start tags and their simple child elements. */
function vectors(
  xml: string,
): { heading: Element[]; titles: Element[]; headingVector: Span; titlesVector: Span } | null {
  let section: 'heading' | 'titles' | null = null;
  const found: Record<'heading' | 'titles', { vector: Span | null; items: Element[] }> = {
    heading: { vector: null, items: [] },
    titles: { vector: null, items: [] },
  };
  let open: { start: number; end: number; qname: string } | null = null;
  for (const tag of xmlTags(xml)) {
    if (tag.kind === 'other') continue;
    if (tag.local === 'HeadingPairs' || tag.local === 'TitlesOfParts') {
      section = tag.kind === 'open' ? (tag.local === 'HeadingPairs' ? 'heading' : 'titles') : null;
      continue;
    }
    if (section === null) continue;
    if (tag.local === 'vector' && tag.kind === 'open') {
      if (found[section].vector) return null;
      found[section].vector = { start: tag.start, end: tag.end };
    } else if ((tag.local === 'lpstr' || tag.local === 'i4') && tag.kind === 'open')
      open = { start: tag.start, end: tag.end, qname: parseStartTag(xml.slice(tag.start, tag.end)).name };
    else if ((tag.local === 'lpstr' || tag.local === 'i4') && tag.kind === 'close' && open) {
      found[section].items.push({
        start: open.start,
        end: tag.end,
        qname: open.qname,
        text: decodeXml(xml.slice(open.end, tag.start)),
        textSpan: { start: open.end, end: tag.start },
      });
      open = null;
    } else if (tag.local === 'lpstr' && tag.kind === 'empty') {
      const qname = parseStartTag(xml.slice(tag.start, tag.end)).name;
      found[section].items.push({
        start: tag.start,
        end: tag.end,
        qname,
        text: '',
        textSpan: { start: tag.end, end: tag.end },
      });
    }
  }
  if (!found.heading.vector || !found.titles.vector) return null;
  return {
    heading: found.heading.items,
    titles: found.titles.items,
    headingVector: found.heading.vector,
    titlesVector: found.titles.vector,
  };
}

/**
 * The app properties with `added` listed among the worksheets. `sheetNames`: every sheet of the
 * workbook before the change. Returns null when the part is left as it was.
 */
export function withSheetsListed(
  xml: string,
  sheetNames: readonly string[],
  added: readonly string[],
): string | null {
  if (added.length === 0) return null;
  let parsed: ReturnType<typeof vectors>;
  try {
    parsed = vectors(xml);
  } catch {
    return null;
  }
  if (!parsed) return null;
  // HeadingPairs alternates a label (lpstr) and a count (i4).
  const groups: { count: Element; from: number; size: number }[] = [];
  let offset = 0;
  for (let i = 0; i + 1 < parsed.heading.length; i += 2) {
    const count = parsed.heading[i + 1]!;
    const size = Number(count.text);
    if (!Number.isInteger(size) || size < 0) return null;
    groups.push({ count, from: offset, size });
    offset += size;
  }
  if (offset !== parsed.titles.length) return null;
  const known = new Set(sheetNames.map((n) => n.toLowerCase()));
  const sheets = groups.find(
    (g) =>
      g.size > 0 &&
      parsed.titles.slice(g.from, g.from + g.size).every((t) => known.has(t.text.toLowerCase())),
  );
  if (!sheets) return null;
  const last = parsed.titles[sheets.from + sheets.size - 1]!;
  const edits: { start: number; end: number; text: string }[] = [
    {
      start: sheets.count.textSpan.start,
      end: sheets.count.textSpan.end,
      text: String(sheets.size + added.length),
    },
    {
      start: last.end,
      end: last.end,
      text: added.map((n) => `<${last.qname}>${escapeXmlText(n)}</${last.qname}>`).join(''),
    },
  ];
  const titlesTag = parseStartTag(xml.slice(parsed.titlesVector.start, parsed.titlesVector.end));
  const size = Number(attr(titlesTag, 'size'));
  if (Number.isInteger(size))
    edits.push({
      start: parsed.titlesVector.start,
      end: parsed.titlesVector.end,
      text: writeStartTag(withAttr(titlesTag, 'size', String(size + added.length))),
    });
  edits.sort((a, b) => b.start - a.start);
  let out = xml;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
