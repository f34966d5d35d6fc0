/** Query parameters that may carry a credential; they never leave the process as lineage. */
const SECRET_PARAMS = ['apikey', 'api_key', 'key', 'token'];

/** The URL as recorded for lineage: the same request, minus anything that looks like a credential. */
export function redactUrl(url: URL): string {
  const copy = new URL(url);
  for (const name of [...copy.searchParams.keys()]) {
    if (SECRET_PARAMS.includes(name.toLowerCase())) copy.searchParams.delete(name);
  }
  return copy.toString();
}
