export {
  createFredSource,
  fredArchivePrefix,
  type FredContext,
  type FredSource,
  type FredSourceOptions,
} from './adapter';
export type { FredQuery } from './url';
