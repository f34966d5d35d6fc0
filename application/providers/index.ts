export * from './provider-statuses';
