export * from './task-queues';
export * from './failures';
export * from './prices';
export * from './search-attributes';
export * from './row-counts';
export * from './runs';
export * from './activity-options';
