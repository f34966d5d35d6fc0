/**
 * JSON bodies kept as the bytes they were stored as, so a cached read is served without parsing and re-serialising:
 * each gets a strong ETag (for `304 Not Modified`) and its gzip and brotli forms, each made once, on first demand.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

type Encoding = 'br' | 'gzip';

/** Below this a compressed body saves less than its headers cost. */
const MIN_COMPRESSED_BYTES = 1024;

const COMPRESS: Record<Encoding, (body: Buffer) => Buffer> = {
  // Quality 5: within a few percent of the best ratio at a small fraction of the time, and paid once per version.
  br: (body) =>
    brotliCompressSync(body, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
  gzip: (body) => gzipSync(body, { level: 6 }),
};

/** How a stored body is answered: unchanged (`304`), as it is, or compressed. */
type Variant = 'not-modified' | 'identity' | Encoding;

/**
 * One way of answering with a stored body: its status, its headers (flat name/value pairs, as Node's `writeHead`
 * takes them) and its bytes. `headers` leaves out the length, which Fastify works out itself; `headersWithLength`
 * adds it, for writing the answer straight to a Node response.
 */
export interface StoredAnswer {
  statusCode: 200 | 304;
  headers: readonly string[];
  headersWithLength: readonly string[];
  body?: Buffer;
}

/** `no-cache` lets browsers keep the body but ask each time, which the ETag makes a cheap question. */
const REVALIDATE = ['vary', 'accept-encoding', 'cache-control', 'no-cache'];
const JSON_TYPE = ['content-type', 'application/json; charset=utf-8'];

export class StoredJson {
  readonly body: Buffer;
  readonly etag: string;
  private readonly encoded = new Map<Encoding, Buffer>();
  private readonly answers = new Map<Variant, StoredAnswer>();

  constructor(text: string) {
    this.body = Buffer.from(text, 'utf8');
    this.etag = `"${createHash('sha1').update(this.body).digest('base64url')}"`;
  }

  /** The body in this encoding, compressed on first demand and kept. */
  encodedAs(encoding: Encoding): Buffer {
    let bytes = this.encoded.get(encoding);
    if (!bytes) {
      bytes = COMPRESS[encoding](this.body);
      this.encoded.set(encoding, bytes);
    }
    return bytes;
  }

  /**
   * The answer to a request with these headers: `304` when the client holds this version (If-None-Match), else the
   * bytes, compressed when the client accepts it and it is worth it. Each answer is built once and kept.
   */
  answerTo(ifNoneMatch: string | undefined, acceptEncoding: string | undefined): StoredAnswer {
    let variant: Variant = 'not-modified';
    if (!matchesEtag(ifNoneMatch, this.etag)) {
      variant = (this.body.length >= MIN_COMPRESSED_BYTES && preferredEncoding(acceptEncoding)) || 'identity';
    }
    let answer = this.answers.get(variant);
    if (!answer) {
      answer = this.build(variant);
      this.answers.set(variant, answer);
    }
    return answer;
  }

  /** What it holds in memory, body and compressed forms. */
  get bytes(): number {
    let total = this.body.length;
    for (const bytes of this.encoded.values()) total += bytes.length;
    return total;
  }

  private build(variant: Variant): StoredAnswer {
    const validators = ['etag', this.etag, ...REVALIDATE];
    if (variant === 'not-modified') {
      return { statusCode: 304, headers: validators, headersWithLength: validators };
    }
    const body = variant === 'identity' ? this.body : this.encodedAs(variant);
    const encoding = variant === 'identity' ? [] : ['content-encoding', variant];
    const headers = [...validators, ...JSON_TYPE, ...encoding];
    return { statusCode: 200, headers, headersWithLength: [...headers, 'content-length', String(body.length)], body };
  }
}

export interface StoredJsonMemoOptions {
  /** Memory for bodies and their compressed forms; the least recently used go first. */
  maxBytes: number;
  /**
   * How long an entry is served from memory before Redis is asked again. Versioned keys name the same bytes while
   * their version is current, but a Redis that lost its data starts counting versions again from 0, and a key of
   * the old count could then name new bytes: this bounds how long such a body can be served.
   */
  maxAgeMs: number;
  now?: () => number;
}

/**
 * The most recently used bodies by cache key, up to a byte budget. Only keys that name the same bytes for as long as
 * they are current belong here (versioned keys: new data is a new version, so a new key).
 */
export class StoredJsonMemo {
  private readonly entries = new Map<string, { stored: StoredJson; at: number }>();
  private readonly now: () => number;

  constructor(private readonly options: StoredJsonMemoOptions) {
    this.now = options.now ?? Date.now;
  }

  get(key: string): StoredJson | undefined {
    const found = this.entries.get(key);
    if (!found) return undefined;
    this.entries.delete(key);
    if (this.now() - found.at > this.options.maxAgeMs) return undefined;
    // Most recently used last: Map keeps insertion order, so the first key is the one to evict.
    this.entries.set(key, found);
    return found.stored;
  }

  remember(key: string, text: string): StoredJson {
    const stored = new StoredJson(text);
    this.entries.delete(key);
    this.entries.set(key, { stored, at: this.now() });
    this.evictBeyondBudget();
    return stored;
  }

  get size(): number {
    return this.entries.size;
  }

  private evictBeyondBudget(): void {
    let total = 0;
    for (const { stored } of this.entries.values()) total += stored.bytes;
    for (const [key, { stored }] of this.entries) {
      if (total <= this.options.maxBytes || this.entries.size === 1) break;
      this.entries.delete(key);
      total -= stored.bytes;
    }
  }
}

/** Sends a stored body the way `StoredJson.answerTo` says. */
export function sendStoredJson(request: FastifyRequest, reply: FastifyReply, stored: StoredJson): FastifyReply {
  const answer = stored.answerTo(request.headers['if-none-match'], request.headers['accept-encoding']);
  const { headers } = answer;
  for (let i = 0; i < headers.length; i += 2) void reply.header(headers[i], headers[i + 1]);
  return reply.code(answer.statusCode).send(answer.body);
}

/** `If-None-Match` compares weakly (RFC 9110 §13.1.2): `W/"x"` matches `"x"`, and `*` matches any. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/** Brotli over gzip when both are accepted; an encoding given `q=0` is refused. */
export function preferredEncoding(header: string | undefined): Encoding | undefined {
  if (!header) return undefined;
  const accepted = new Set<string>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const refused = params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p));
    if (!refused) accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return undefined;
}
