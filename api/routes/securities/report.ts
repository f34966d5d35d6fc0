import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { readArtifact } from '../../../application/report';
import { notFound } from '../../errors';
import { ErrorBody } from '../../schemas/common';
import { artifactReader } from './artifact-reader';
import { ArtifactQuery, rawBody } from './artifact-schemas';
import { SymbolParams } from './schemas';

/** A symbol's tearsheet: one self-contained HTML page, streamed from the object store (rendered on first request when the analysis
 * deferred it). */
const report: FastifyPluginCallbackTypebox = (fastify, _options, done) => {
  fastify.get(
    '/securities/:symbol/report',
    {
      schema: {
        operationId: 'getSecurityReport',
        summary: "The tearsheet (HTML) of a symbol's latest analysis, or the latest as of a date",
        tags: ['securities'],
        params: SymbolParams,
        querystring: ArtifactQuery,
        response: { 200: rawBody('text/html', 'The tearsheet'), 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const symbol = request.params.symbol.toUpperCase();
      const read = await readArtifact(artifactReader(fastify), symbol, 'report', request.query.asOf);
      if (!read.found) throw notFound(read.message);
      return reply.type(read.contentType).header('x-analysis-as-of', read.asOf).send(read.body);
    },
  );
  done();
};

export default report;
