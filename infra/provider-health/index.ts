export { createProviderHealthStore } from './redis-store';
export type { ProviderHealthRecorder, ProviderHealthReader, ProviderHealthSnapshot } from './types';
