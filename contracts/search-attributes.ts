import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes, registered on the dev server at start and in temporal-config/ for clusters,
 * so runs can be found in the Temporal UI (`IbyRunKind = "prices" AND IbySource = "csv"`).
 */
export const SEARCH_ATTRIBUTES = {
  runKind: defineSearchAttributeKey('IbyRunKind', SearchAttributeType.KEYWORD),
  source: defineSearchAttributeKey('IbySource', SearchAttributeType.KEYWORD),
  symbolCount: defineSearchAttributeKey('IbySymbolCount', SearchAttributeType.INT),
} as const;
