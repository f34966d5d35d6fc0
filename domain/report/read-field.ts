/** One key of a JSON-like object whose shape is only known by its documentation. */
export function field(source: object | null | undefined, key: string): unknown {
  return source !== null && source !== undefined && Object.hasOwn(source, key)
    ? (source as Record<string, unknown>)[key]
    : undefined;
}
