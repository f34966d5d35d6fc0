import type { FastifySchemaValidationError, SchemaErrorDataVar } from 'fastify/types/schema';

/**
 * Ajv's messages with the location of the bad field in front (`body/from must match format "date"`), and the
 * name of an unexpected property, which Ajv leaves out of its message.
 */
export function formatSchemaErrors(errors: FastifySchemaValidationError[], dataVar: SchemaErrorDataVar): Error {
  const message = errors
    .map((error) => {
      const extra = error.params.additionalProperty;
      const detail = error.keyword === 'additionalProperties' && typeof extra === 'string' ? ` '${extra}'` : '';
      return `${dataVar}${error.instancePath} ${error.message ?? 'is invalid'}${detail}`;
    })
    .join('; ');
  return new Error(message);
}
