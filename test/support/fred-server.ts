import http from 'node:http';
import { listenLocally } from './listen-locally';

/**
 * A local stand-in for FRED's `GET /fred/series/observations?series_id&api_key&file_type=json[&realtime_start]
 * [&realtime_end][&observation_start][&observation_end]`, so adapter and workflow tests never reach the internet.
 * It answers as FRED documents: the envelope (realtime_start … limit) around `observations`, each vintage clipped to
 * the real-time period asked for (today when not given), "." for a missing value, and HTTP 400 with
 * `{"error_code":400,"error_message":…}` for an unknown series or a bad API key.
 */

/** One vintage of one observation as FRED holds it (unclipped); `value` as FRED writes it, "." for missing. */
export interface FredVintage {
  date: string;
  value: string;
  realtimeStart: string;
  /** 9999-12-31 while current. */
  realtimeEnd: string;
}

/** A list is played once, one answer per request, then the data is served. */
export type FredFault = { status: number; retryAfter?: string; body?: string };

export interface FredRequest {
  seriesId: string;
  params: Record<string, string>;
}

export interface FredServer {
  /** Scheme, host and port only, as `FRED_URL` holds it. */
  url: string;
  requests: FredRequest[];
  /** The series served, by id: tests replace a series' vintages to publish a revision. */
  series: Record<string, FredVintage[]>;
  close(): Promise<void>;
}

const OBSERVATIONS_PATH = '/fred/series/observations';
const OPEN_END = '9999-12-31';

export async function startFredServer(options: {
  apiKey: string;
  series: Record<string, FredVintage[]>;
  faults?: Record<string, FredFault[]>;
}): Promise<FredServer> {
  const requests: FredRequest[] = [];
  const series = { ...options.series };
  const remaining = new Map(Object.entries(options.faults ?? {}).map(([id, steps]) => [id, [...steps]]));

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const params = Object.fromEntries(url.searchParams);
    const seriesId = params.series_id ?? '';
    requests.push({ seriesId, params });
    if (req.method !== 'GET' || url.pathname !== OBSERVATIONS_PATH) return send(res, 404, error(404, 'Not Found.'));
    if (params.api_key !== options.apiKey) {
      return send(
        res,
        400,
        error(
          400,
          'Bad Request.  The value for variable api_key is not registered.  Read https://fred.stlouisfed.org/docs/api/api_key.html for more information.',
        ),
      );
    }
    const fault = remaining.get(seriesId)?.shift();
    if (fault) {
      if (fault.retryAfter !== undefined) res.setHeader('Retry-After', fault.retryAfter);
      return send(res, fault.status, fault.body ?? error(fault.status, http.STATUS_CODES[fault.status] ?? 'Error'));
    }
    if (params.file_type !== 'json') return send(res, 400, error(400, 'Bad Request.  Variable file_type is not json.'));
    const vintages = series[seriesId];
    if (!vintages) return send(res, 400, error(400, 'Bad Request.  The series does not exist.'));
    const today = new Date().toISOString().slice(0, 10);
    const realtimeStart = params.realtime_start ?? today;
    const realtimeEnd = params.realtime_end ?? today;
    const observationStart = params.observation_start ?? '1776-07-04';
    const observationEnd = params.observation_end ?? OPEN_END;
    const observations = vintages
      .filter((v) => v.realtimeStart <= realtimeEnd && v.realtimeEnd >= realtimeStart)
      .filter((v) => v.date >= observationStart && v.date <= observationEnd)
      .sort((a, b) => (a.date + a.realtimeStart < b.date + b.realtimeStart ? -1 : 1))
      // FRED clips each vintage to the period asked for.
      .map((v) => ({
        realtime_start: v.realtimeStart > realtimeStart ? v.realtimeStart : realtimeStart,
        realtime_end: v.realtimeEnd < realtimeEnd ? v.realtimeEnd : realtimeEnd,
        date: v.date,
        value: v.value,
      }));
    return send(
      res,
      200,
      JSON.stringify({
        realtime_start: realtimeStart,
        realtime_end: realtimeEnd,
        observation_start: observationStart,
        observation_end: observationEnd,
        units: params.units ?? 'lin',
        output_type: 1,
        file_type: 'json',
        order_by: 'observation_date',
        sort_order: 'asc',
        count: observations.length,
        offset: 0,
        limit: 100000,
        observations,
      }),
    );
  });

  const local = await listenLocally(server);
  return {
    url: local.url,
    requests,
    series,
    close: local.close,
  };
}

const error = (code: number, message: string): string => JSON.stringify({ error_code: code, error_message: message });

function send(res: http.ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=UTF-8' });
  res.end(body);
}
