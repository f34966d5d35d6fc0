export * from './detect-suspected';
export * from './list-actions';
