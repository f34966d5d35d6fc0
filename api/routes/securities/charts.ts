import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { readArtifact } from '../../../application/report';
import { notFound } from '../../errors';
import { ErrorBody } from '../../schemas/common';
import { artifactReader } from './artifact-reader';
import { ArtifactQuery, ChartParams, rawBody } from './artifact-schemas';

/** A chart of a symbol's analysis, streamed from the object store (rendered on first request when the analysis
 * deferred it). */
const charts: FastifyPluginCallbackTypebox = (fastify, _options, done) => {
  fastify.get(
    '/securities/:symbol/charts/:name.svg',
    {
      schema: {
        operationId: 'getSecurityChart',
        summary: "One chart (SVG) of a symbol's latest analysis, or the latest as of a date",
        tags: ['securities'],
        params: ChartParams,
        querystring: ArtifactQuery,
        response: { 200: rawBody('image/svg+xml', 'The chart'), 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const symbol = request.params.symbol.toUpperCase();
      const read = await readArtifact(
        artifactReader(fastify),
        symbol,
        { chart: request.params.name },
        request.query.asOf,
      );
      if (!read.found) throw notFound(read.message);
      return reply.type(read.contentType).header('x-analysis-as-of', read.asOf).send(read.body);
    },
  );
  done();
};

export default charts;
