/** The header must be text: a NUL or an undecodable byte there means binary or UTF-16, not a CSV file. */
export class NotCsvTextError extends Error {
  constructor() {
    super('the file is not UTF-8 CSV text (binary, or UTF-16): its first line holds NUL or undecodable bytes');
    this.name = 'NotCsvTextError';
  }
}

/** Throws NotCsvTextError when `header` holds NUL or U+FFFD (what the UTF-8 decoder makes of invalid bytes). */
export function assertCsvText(header: string): void {
  if (header.includes('\u0000') || header.includes('\uFFFD')) throw new NotCsvTextError();
}
