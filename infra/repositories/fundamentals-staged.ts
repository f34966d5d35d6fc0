import type { Fact } from '../../domain/finance/fundamentals';

/** The staged CSV's columns, in order: what the transform writes and the load COPYs. */
export const STAGED_FACT_COLUMNS = [
  'cik',
  'taxonomy',
  'concept',
  'unit',
  'period_start',
  'period_end',
  'value',
  'accn',
  'fy',
  'fp',
  'form',
  'filed',
  'frame',
  'raw_sha256',
] as const;

/**
 * One fact as a COPY-ready CSV line. An unquoted empty field is NULL and `""` is an empty string, so strings are
 * always quoted; `String(value)` is the shortest text that reads back as the same double.
 */
export function toStagedFactLine(cik: number, fact: Fact, rawSha256: string): string {
  const fields = [
    String(cik),
    quote(fact.taxonomy),
    quote(fact.concept),
    quote(fact.unit),
    fact.start ?? '',
    fact.end,
    String(fact.value),
    quote(fact.accn),
    fact.fy === null ? '' : String(fact.fy),
    fact.fp === null ? '' : quote(fact.fp),
    quote(fact.form),
    fact.filed,
    fact.frame === null ? '' : quote(fact.frame),
    rawSha256,
  ];
  return `${fields.join(',')}\n`;
}

const quote = (text: string): string => `"${text.replaceAll('"', '""')}"`;
