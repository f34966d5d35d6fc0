// Type-aware lint. The workflow sandbox rule is the important one: workflow code is replayed
// deterministically, so it must never reach Node built-ins or I/O clients.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ioModules = [
  'pg',
  'pg-copy-streams',
  'ioredis',
  'minio',
  'fastify',
  'undici',
  'csv-parse',
  'prom-client',
  'dotenv',
];
const nodeBuiltins = ['fs', 'path', 'crypto', 'child_process', 'http', 'https', 'net', 'os', 'stream', 'zlib', 'url'];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.tools/**',
      '.data/**',
      'coverage/**',
      'bin/**',
      'eslint.config.mjs',
      'jest.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ioModules.map((name) => ({ name, message: 'I/O belongs in activities, not in workflows.' })),
          patterns: [
            { group: ['node:*', ...nodeBuiltins], message: 'Node built-ins are not deterministic; use activities.' },
            {
              group: ['../activities/*', '../infra/*', '../config/*'],
              allowTypeImports: true,
              message: 'Workflows import activity types only.',
            },
          ],
        },
      ],
    },
  },
  {
    // Command-line entry points and orchestration scripts talk to a terminal on purpose.
    files: ['scripts/**/*.ts', 'cli/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
