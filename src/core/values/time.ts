/**
 * Times as people in a Japanese city hall read them: Japan time (UTC+9, no daylight saving), with the
 * offset in ISO form (`2026-12-01T08:01+09:00`) and in words (`2026年12月1日 8時01分`). Pure: the shell
 * passes the instant in; the core reads no clock.
 */
import type { Lang } from '../messages/format';

const JAPAN_OFFSET_MS = 9 * 60 * 60 * 1000;

export interface JapanTime {
  /** `2026-12-01T08:01+09:00` */
  readonly iso: string;
  /** `2026年12月1日 8時01分` (ja) or `1 December 2026, 08:01 JST` (en). */
  readonly text: string;
  /** `2026年12月1日` (ja) or `1 December 2026` (en). */
  readonly date: string;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant (ISO 8601 with any offset, or a Date) in Japan time; null when it is not a time. */
export function japanTime(instant: string | Date, lang: Lang = 'ja'): JapanTime | null {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) return null;
  const d = new Date(ms + JAPAN_OFFSET_MS);
  const [y, mo, day, h, mi] = [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
  ];
  const iso = `${y}-${pad(mo)}-${pad(day)}T${pad(h)}:${pad(mi)}+09:00`;
  if (lang === 'en') {
    const date = `${day} ${MONTHS[mo - 1]} ${y}`;
    return { iso, date, text: `${date}, ${pad(h)}:${pad(mi)} JST` };
  }
  const date = `${y}年${mo}月${day}日`;
  return { iso, date, text: `${date} ${h}時${pad(mi)}分` };
}

/** The ISO form in Japan time, or the input unchanged when it is not a time. */
export function japanIso(instant: string | Date): string {
  return japanTime(instant)?.iso ?? String(instant);
}
