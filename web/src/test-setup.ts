// Testing Library unmounts after each test only when it finds a global afterEach; Vitest's are imported.
import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';

afterEach(cleanup);
