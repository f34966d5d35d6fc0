const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MS_PER_DAY = 86_400_000;

/** True for a real calendar date written YYYY-MM-DD (rejects 2023-02-30). */
export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}

/**
 * A fiscal year reported as a duration of 350 to 380 days: wide enough for 52/53-week years (Apple FY2023 ran
 * 2022-09-25..2023-09-30, 371 days), narrow enough to exclude quarters and nine-month year-to-date columns.
 */
export function isAnnualDuration(start: string | null, end: string): boolean {
  if (start === null) return false;
  const days = daysBetween(start, end);
  return days >= 350 && days <= 380;
}
