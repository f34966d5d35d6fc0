import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { listSecurityActions } from '../../../application/corporate-actions';
import { notFound } from '../../errors';
import { ErrorBody } from '../../schemas/common';
import { CorporateActionsBody, type CorporateActionsBody as Body } from './actions-schemas';
import { SymbolParams } from './schemas';

/** `GET /securities/:symbol/actions`: recorded splits and dividends, and what the detector suspects. */
export function actionsRoute(fastify: FastifyInstance): void {
  fastify.withTypeProvider<TypeBoxTypeProvider>().get(
    '/securities/:symbol/actions',
    {
      schema: {
        summary: 'Corporate actions of one symbol: recorded, and suspected from its bars (status "suspected")',
        tags: ['securities'],
        params: SymbolParams,
        response: { 200: CorporateActionsBody, 404: ErrorBody },
      },
    },
    async (request): Promise<Body> => {
      const symbol = request.params.symbol.toUpperCase();
      const actions = await listSecurityActions(fastify.db, symbol);
      if (!actions) throw notFound(`no security with symbol ${symbol}`);
      return { symbol, actions };
    },
  );
}
