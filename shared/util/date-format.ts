/**
 * The one way GroupDesk writes a date or a time for a person to read, on screen and on printed
 * forms: in the reader's locale (United States when none is known), a plan date as numbers
 * (`12/07/2026`), an instant as its local time with the day unless it is today's (`Today 18:52`,
 * `Dec 6, 18:52`, `Dec 6, 2025, 18:52`). Plan dates are calendar days, not instants, so they are
 * formatted in UTC: no time zone moves a birthday.
 */
export interface DateFormatter {
  readonly locale: string;
  /** `2026-12-07` → `12/07/2026` (en-US); anything that is not a plan date comes back as it was. */
  date(iso: string | null): string;
  /** An ISO instant as the reader's local time, with the day unless it falls on `now`'s day. */
  instant(iso: string, now?: Date): string;
  /** An instant with its full date, for paper that is read on another day: `12/06/2026 19:01`. */
  dateTime(iso: string): string;
  /**
   * Every plan date (`2026-05-31`) and instant (`2026-12-07T14:05Z`) in a sentence from the core or
   * the plan, in this format: an instant as `instant` writes it, its "Today" in lower case inside
   * the sentence ("try again after today 09:05").
   */
  datesIn(text: string, now?: Date): string;
}

export const DEFAULT_LOCALE = 'en-US';

/**
 * A plan date standing alone (not part of a longer number or an identifier such as `TX-2026-12-07`),
 * or an ISO instant in UTC to the minute or finer.
 */
const dateInText = /(?<![\w-])(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z)?(?![\w-])/g;

/** The locale to use from the reader's preferences (`navigator.languages`); United States when none is usable. */
export function pickLocale(preferred: readonly string[] | undefined): string {
  for (const candidate of preferred ?? []) {
    try {
      const [supported] = Intl.DateTimeFormat.supportedLocalesOf(candidate);
      if (supported !== undefined) return supported;
    } catch {
      // A malformed tag (RangeError) is skipped, as a browser would.
    }
  }
  return DEFAULT_LOCALE;
}

export function createDateFormatter(locale: string = DEFAULT_LOCALE, timeZone?: string): DateFormatter {
  const zone = timeZone === undefined ? {} : { timeZone };
  const day = new Intl.DateTimeFormat(locale, { month: '2-digit', day: '2-digit', year: 'numeric', timeZone: 'UTC' });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...zone });
  const dayTime = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...zone });
  const yearDayTime = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...zone });
  const numericDay = new Intl.DateTimeFormat(locale, { month: '2-digit', day: '2-digit', year: 'numeric', ...zone });
  const calendarDay = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...zone });
  const today = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const todayInSentence = today.format(0, 'day');
  const todayWord = capitalise(todayInSentence, locale);

  const planDate = (y: number, m: number, d: number): string | null => {
    const at = new Date(Date.UTC(y, m - 1, d));
    // 2026-02-30 is not a date; leave the text as it was rather than show March 2.
    if (at.getUTCFullYear() !== y || at.getUTCMonth() !== m - 1 || at.getUTCDate() !== d) return null;
    return day.format(at);
  };

  const instant = (iso: string, now: Date = new Date()): string => {
    const at = new Date(iso);
    if (Number.isNaN(at.getTime())) return iso;
    if (calendarDay.format(at) === calendarDay.format(now)) return `${todayWord} ${time.format(at)}`;
    const sameYear = calendarDay.format(at).slice(0, 4) === calendarDay.format(now).slice(0, 4);
    return (sameYear ? dayTime : yearDayTime).format(at);
  };

  return {
    locale,
    date(iso) {
      if (iso === null || iso === '') return '—';
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
      if (match === null) return iso;
      return planDate(Number(match[1]), Number(match[2]), Number(match[3])) ?? iso;
    },
    instant,
    dateTime(iso) {
      const at = new Date(iso);
      return Number.isNaN(at.getTime()) ? iso : `${numericDay.format(at)} ${time.format(at)}`;
    },
    datesIn(text, now = new Date()) {
      return text.replace(dateInText, (whole, y: string, m: string, d: string, clock: string | undefined, offset: number) => {
        if (clock === undefined) return planDate(Number(y), Number(m), Number(d)) ?? whole;
        const shown = instant(whole, now);
        return offset > 0 && shown.startsWith(todayWord) ? `${todayInSentence}${shown.slice(todayWord.length)}` : shown;
      });
    },
  };
}

const capitalise = (word: string, locale: string): string => word.charAt(0).toLocaleUpperCase(locale) + word.slice(1);

/**
 * The plan service's paper and mail (invoices, receipts, e-mails): the screens' United States
 * format, with instants in UTC and said to be, as the service cannot know where its reader is.
 */
export const planDates = createDateFormatter(DEFAULT_LOCALE, 'UTC');

/** An instant as the plan service prints it: `12/06/2026 19:01 UTC`. */
export const planInstant = (iso: string): string => `${planDates.dateTime(iso)} UTC`;
