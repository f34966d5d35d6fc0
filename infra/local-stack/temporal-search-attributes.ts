import type { Connection } from '@temporalio/client';
import type { SearchAttributeType } from '@temporalio/common';
import { SEARCH_ATTRIBUTES } from '../../contracts';

/**
 * Each type's name for the CLI (`--search-attribute IbyRunKind=Keyword`) and its number in the gRPC API
 * (temporal.api.enums.v1.IndexedValueType, which the SDK does not export from its public entry points).
 */
const TYPES: Record<SearchAttributeType, { cli: string; indexedValueType: number }> = {
  TEXT: { cli: 'Text', indexedValueType: 1 },
  KEYWORD: { cli: 'Keyword', indexedValueType: 2 },
  INT: { cli: 'Int', indexedValueType: 3 },
  DOUBLE: { cli: 'Double', indexedValueType: 4 },
  BOOL: { cli: 'Bool', indexedValueType: 5 },
  DATETIME: { cli: 'Datetime', indexedValueType: 6 },
  KEYWORD_LIST: { cli: 'KeywordList', indexedValueType: 7 },
};

/** `NAME=Type` pairs for every attribute in contracts/, so adding one there registers it everywhere. */
export function searchAttributeFlags(): string[] {
  return Object.values(SEARCH_ATTRIBUTES).map((key) => `${key.name}=${TYPES[key.type].cli}`);
}

/** Registers the attributes a reused server lacks (one started by hand, or by an older checkout). */
export async function ensureSearchAttributes(connection: Connection, namespace: string): Promise<string[]> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const known = new Set([
    ...Object.keys(existing.customAttributes ?? {}),
    ...Object.keys(existing.systemAttributes ?? {}),
  ]);
  const missing = Object.values(SEARCH_ATTRIBUTES).filter((key) => !known.has(key.name));
  if (missing.length) {
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(missing.map((key) => [key.name, TYPES[key.type].indexedValueType])),
    });
  }
  return missing.map((key) => key.name);
}
