import type { Client } from '@temporalio/client';
import type Redis from 'ioredis';
import type { Pool } from 'pg';
import type { ObjectStore } from '../infra/s3';

/** The backing services the API talks to. Tests pass their own; the rest are created from config. */
export interface ApiClients {
  db: Pool;
  redis: Redis;
  s3: ObjectStore;
  temporal: Client;
}
