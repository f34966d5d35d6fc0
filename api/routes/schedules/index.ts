import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import type { preValidationHookHandler } from 'fastify';
import { Type } from 'typebox';
import { createScheduleService } from '../../../application/schedules';
import { API_KEY_SECURITY } from '../../plugins/swagger';
import { ErrorBody } from '../../schemas/common';
import { answering } from './errors';
import {
  BackfillAcceptedBody,
  BackfillBody,
  ChangedSchedulesBody,
  CreateDefaultBody,
  CreateScheduleBody,
  NoteBody,
  ScheduleBody,
  ScheduleIdParams,
  ScheduleListBody,
  TriggerBody,
  TriggeredBody,
  UpdateScheduleBody,
} from './schemas';

const common = { tags: ['schedules'], security: API_KEY_SECURITY };

/** These bodies are optional: no body reads as `{}`, so a bare `POST …/pause` is valid. */
const emptyBodyIsObject: preValidationHookHandler = (request, _reply, done) => {
  request.body ??= {};
  done();
};
const errors = { 401: ErrorBody, 503: ErrorBody };

/** `/schedules`: Temporal Schedules of runs. Every route, reads included, needs the API key (hook below). */
const schedules: FastifyPluginCallbackTypebox = (fastify, _options, done) => {
  const service = createScheduleService({
    client: fastify.temporal,
    context: { importRoots: fastify.config.api.importRoots },
  });
  // Registered for the whole plugin, so a schedule route added later cannot be forgotten open.
  fastify.addHook('onRequest', fastify.requireApiKey);

  fastify.post(
    '/schedules',
    {
      schema: {
        ...common,
        summary: 'Create a schedule of runs (calendar or cron, in a time zone)',
        body: CreateScheduleBody,
        response: { 201: ScheduleBody, 400: ErrorBody, 409: ErrorBody, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await answering(() => service.create(request.body))),
  );

  fastify.post(
    '/schedules/default',
    {
      preValidation: emptyBodyIsObject,
      schema: {
        ...common,
        summary: 'Create the default schedule: the daily pipeline on weekdays at 18:30 America/New_York',
        body: CreateDefaultBody,
        response: { 201: ScheduleBody, 400: ErrorBody, 409: ErrorBody, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await answering(() => service.createDefault(request.body))),
  );

  fastify.get(
    '/schedules',
    { schema: { ...common, summary: 'Every schedule', response: { 200: ScheduleListBody, ...errors } } },
    async () => ({ schedules: await service.list() }),
  );

  fastify.get(
    '/schedules/:id',
    {
      schema: {
        ...common,
        summary: 'A schedule: spec, action, next times, recent runs with their status',
        params: ScheduleIdParams,
        response: { 200: ScheduleBody, 404: ErrorBody, ...errors },
      },
    },
    async (request) => answering(() => service.describe(request.params.id), request.params.id),
  );

  fastify.patch(
    '/schedules/:id',
    {
      schema: {
        ...common,
        summary: 'Change a schedule (only the fields given)',
        params: ScheduleIdParams,
        body: UpdateScheduleBody,
        response: { 200: ScheduleBody, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, ...errors },
      },
    },
    async (request) => answering(() => service.update(request.params.id, request.body), request.params.id),
  );

  fastify.delete(
    '/schedules/:id',
    {
      schema: {
        ...common,
        summary: 'Delete a schedule (its runs are kept)',
        params: ScheduleIdParams,
        response: { 204: Type.Null({ description: 'Deleted' }), 404: ErrorBody, ...errors },
      },
    },
    async (request, reply) => {
      await answering(() => service.delete(request.params.id), request.params.id);
      return reply.code(204).send(null);
    },
  );

  for (const [action, summary] of [
    ['pause', 'Pause a schedule'],
    ['unpause', 'Unpause a schedule'],
  ] as const) {
    fastify.post(
      `/schedules/:id/${action}`,
      {
        preValidation: emptyBodyIsObject,
        schema: {
          ...common,
          summary,
          params: ScheduleIdParams,
          body: NoteBody,
          response: { 200: ScheduleBody, 400: ErrorBody, 404: ErrorBody, ...errors },
        },
      },
      async (request) => answering(() => service[action](request.params.id, request.body.note), request.params.id),
    );
  }

  fastify.post(
    '/schedules/:id/trigger',
    {
      preValidation: emptyBodyIsObject,
      schema: {
        ...common,
        summary: 'Run the schedule action now (business date: today)',
        params: ScheduleIdParams,
        body: TriggerBody,
        response: { 202: TriggeredBody, 400: ErrorBody, 404: ErrorBody, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await answering(() => service.trigger(id, request.body.overlap), id);
      return reply.code(202).send({ id, triggered: true as const });
    },
  );

  fastify.post(
    '/schedules/:id/backfill',
    {
      schema: {
        ...common,
        summary: 'Take every action the schedule would have taken in a past range, each with its own business date',
        params: ScheduleIdParams,
        body: BackfillBody,
        response: { 202: BackfillAcceptedBody, 400: ErrorBody, 404: ErrorBody, ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const range = await answering(() => service.backfill(id, request.body), id);
      return reply.code(202).send({ id, ...range });
    },
  );

  for (const [path, pause] of [
    ['/schedules/pause-all', true],
    ['/schedules/unpause-all', false],
  ] as const) {
    fastify.post(
      path,
      {
        preValidation: emptyBodyIsObject,
        schema: {
          ...common,
          summary: pause ? 'Pause every running schedule' : 'Unpause every paused schedule',
          body: NoteBody,
          response: { 200: ChangedSchedulesBody, 400: ErrorBody, ...errors },
        },
      },
      async (request) => ({
        schedules: await (pause ? service.pauseAll(request.body.note) : service.unpauseAll(request.body.note)),
      }),
    );
  }
  done();
};

export default schedules;
