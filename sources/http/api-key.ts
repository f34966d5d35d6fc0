import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES } from '../../contracts';

/**
 * The provider's API key, or a permanent failure naming the variable that should hold it: retrying cannot set it,
 * and a request without it would only spend the provider's quota on a refusal.
 */
export function requireApiKey(apiKey: string | undefined, variable: string, provider: string): string {
  if (apiKey) return apiKey;
  throw ApplicationFailure.nonRetryable(
    `${variable} is not set: this etl worker cannot fetch prices from ${provider}`,
    FAILURE_TYPES.providerNotConfigured,
    { variable },
  );
}
