import { Type } from 'typebox';

const Check = Type.Object({
  ok: Type.Boolean(),
  latencyMs: Type.Integer({ minimum: 0 }),
  error: Type.Optional(Type.String()),
});

export const HealthBody = Type.Object({ status: Type.Literal('ok') });

export const ReadinessBody = Type.Object({
  status: Type.Enum(['ready', 'degraded', 'unavailable']),
  checks: Type.Object({ temporal: Check, postgres: Check, redis: Check, s3: Check }),
});
