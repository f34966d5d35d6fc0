/** The API paths of a symbol's rendered charts and tearsheet: the document names them, the API serves them. */
const symbolPath = (symbol: string): string => `/v1/securities/${encodeURIComponent(symbol)}`;

export const chartUrl = (symbol: string, name: string): string => `${symbolPath(symbol)}/charts/${name}.svg`;
export const reportUrl = (symbol: string): string => `${symbolPath(symbol)}/report`;
