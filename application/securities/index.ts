export * from './list-securities';
