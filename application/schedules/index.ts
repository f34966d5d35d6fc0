export * from './errors';
export * from './schedule-service';
export * from './scheduled-workflow';
export * from './scheduled-workflows';
export { buildScheduleOptions, type ScheduledWorkflows } from './schedule-options';
