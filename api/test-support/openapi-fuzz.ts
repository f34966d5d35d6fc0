import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { arbitraryFor, type JsonSchema } from './schema-arbitrary';

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}
interface Response {
  content?: Record<string, { schema?: JsonSchema }>;
}
interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses: Record<string, Response>;
  security?: unknown[];
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface FuzzedOperation {
  method: string;
  path: string;
  operation: Operation;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

export function operationsOf(doc: OpenApiDocument): FuzzedOperation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
  );
}

/** Either a value the schema allows or anything at all, so the validation paths are exercised too. */
const validOrNot = (valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });

const asText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** Requests for one operation: documented parameters and body, valid or not, with a good, bad or missing key. */
/** A request as the fuzzer builds it: always a string URL, so a failure message can print it. */
export type FuzzRequest = InjectOptions & { url: string };

export function requestsFor(doc: OpenApiDocument, op: FuzzedOperation, apiKey: string): fc.Arbitrary<FuzzRequest> {
  const resolve = (ref: string): JsonSchema => doc.components?.schemas?.[ref.split('/').pop() ?? ''] ?? {};
  const params = op.operation.parameters ?? [];
  const valueOf = (p: Parameter) => validOrNot(arbitraryFor(p.schema ?? {}, resolve));
  const optional = (p: Parameter) => (p.required ? valueOf(p) : fc.option(valueOf(p), { nil: undefined }));
  const byLocation = (where: Parameter['in']) =>
    fc.record(Object.fromEntries(params.filter((p) => p.in === where).map((p) => [p.name, optional(p)])));
  const bodySchema = op.operation.requestBody?.content?.['application/json']?.schema;
  const body = bodySchema
    ? fc.oneof(
        { weight: 4, arbitrary: validOrNot(arbitraryFor(bodySchema, resolve)).map((b) => JSON.stringify(b)) },
        { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }, // not JSON at all
      )
    : fc.constant(undefined);
  const key = fc.constantFrom<string | undefined>(apiKey, apiKey, apiKey, 'wrong-key', undefined);

  return fc
    .record({ path: byLocation('path'), query: byLocation('query'), headers: byLocation('header'), body, key })
    .map(({ path, query, headers, body: payload, key: presented }) => {
      const url = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => pathSegment(path[name]));
      const search = new URLSearchParams(
        Object.entries(query)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]): [string, string] => [k, asText(v)]),
      ).toString();
      const sent: Record<string, string> = {};
      for (const [k, v] of Object.entries(headers))
        if (v !== undefined) sent[k] = asText(v).replace(/[^\x20-\x7e]/g, '');
      if (presented) sent['x-api-key'] = presented;
      if (payload !== undefined) sent['content-type'] = 'application/json';
      return {
        method: op.method,
        url: search ? `${url}?${search}` : url,
        headers: sent,
        payload,
      };
    });
}

/**
 * One path parameter as a URL segment. A client cannot send an empty value, `.` or `..` as a segment: URL
 * parsing removes dot segments (RFC 3986 §5.2.4, even when written %2E), so `/v1/runs/./cancel` reaches the
 * server as `/v1/runs/cancel`. Those values are sent as `x`, still not a known id.
 */
function pathSegment(value: unknown): string {
  const text = asText(value ?? 'x');
  return text === '' || text === '.' || text === '..' ? 'x' : encodeURIComponent(text);
}

/** What is wrong with a response, judged by the document alone; undefined when nothing is. */
export function createResponseChecker(doc: OpenApiDocument) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    ajv.addSchema(schema, `#/components/schemas/${name}`);
  }
  const compiled = new Map<JsonSchema, ValidateFunction>();
  const validatorFor = (schema: JsonSchema) => {
    let validate = compiled.get(schema);
    if (!validate) compiled.set(schema, (validate = ajv.compile(schema)));
    return validate;
  };

  return (op: FuzzedOperation, status: number, contentType: string | undefined, body: string): string | undefined => {
    if (status >= 500) return `server error ${status}: ${body.slice(0, 300)}`;
    const documented = op.operation.responses[String(status)] ?? op.operation.responses.default;
    if (!documented) return `undocumented status ${status}: ${body.slice(0, 300)}`;
    const schema = documented.content?.['application/json']?.schema;
    if (!schema || op.method === 'HEAD') return undefined;
    if (!contentType?.startsWith('application/json')) return `status ${status} is not JSON (${contentType})`;
    const validate = validatorFor(schema);
    return validate(JSON.parse(body))
      ? undefined
      : `status ${status} body ${body.slice(0, 300)} breaks its schema: ${ajv.errorsText(validate.errors)}`;
  };
}

/** Throws with every operation's failures when any response is a 5xx, undocumented, or off its schema. */
export async function fuzzApi(
  app: FastifyInstance,
  doc: OpenApiDocument,
  { apiKey, seed, runsPerOperation }: { apiKey: string; seed: number; runsPerOperation: number },
): Promise<Map<string, number[]>> {
  const check = createResponseChecker(doc);
  const seen = new Map<string, number[]>();
  for (const op of operationsOf(doc)) {
    const id = op.operation.operationId ?? `${op.method} ${op.path}`;
    const statuses: number[] = [];
    await fc.assert(
      fc.asyncProperty(requestsFor(doc, op, apiKey), async (request) => {
        const res = await app.inject(request);
        statuses.push(res.statusCode);
        const problem = check(op, res.statusCode, res.headers['content-type'] as string | undefined, res.body);
        if (problem) throw new Error(`${id} ${request.method} ${request.url}: ${problem}`);
      }),
      { seed, numRuns: runsPerOperation, endOnFailure: true },
    );
    seen.set(id, statuses);
  }
  return seen;
}
