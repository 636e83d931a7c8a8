import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const CAPABILITIES = [
  'inkoop',
  'tarieven',
  'reference',
  'openbaar',
  'budget',
  'realisatie',
  'clientstroom',
  'kwaliteit',
  'iwlz',
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', '.zorginkoop/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        Blob: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        document: 'readonly',
        window: 'readonly',
        fetch: 'readonly',
        performance: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        localStorage: 'readonly',
        navigator: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Money is exact: parseFloat on euro amounts is a bug; use Decimal (src/domain/money.ts).
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='parseFloat']",
          message: 'Geen parseFloat: gebruik Decimal (src/domain/money.ts) voor bedragen en percentages.',
        },
      ],
    },
  },
  ...[
    // Arrows point down (ARCHITECTURE.md): the domain is pure and imports only the domain.
    { files: ['src/domain/*.ts'], up: '^\\.\\./' },
    { files: ['src/domain/*/*.ts'], up: '^\\.\\./\\.\\./' },
  ].map(({ files, up }) => ({
    files,
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: up, message: 'src/domain importeert alleen src/domain (zuivere regels, geen I/O).' },
            {
              group: ['fastify', 'pg', '@electric-sql/*', 'node:fs', 'node:child_process', 'node:net'],
              message: 'src/domain doet geen I/O.',
            },
          ],
        },
      ],
    },
  })),
  // A capability imports another capability only through its door (index.ts).
  ...CAPABILITIES.map((cap) => ({
    files: [`src/${cap}/**/*.ts`],
    ignores: [`src/${cap}/**/*.test.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./)+(${CAPABILITIES.filter((c) => c !== cap).join('|')})/(?!index\\.ts$)`,
              message: 'Een capability importeert een andere capability alleen via diens index.ts.',
            },
          ],
        },
      ],
    },
  })),
  {
    // The platform never imports a capability; the composition root (src/capabilities.ts) hands them over.
    files: ['src/platform/**/*.ts'],
    ignores: ['src/platform/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                '^(\\.\\./)+((capabilities|setup|testing|server|cli)\\.ts$|(inkoop|tarieven|reference|openbaar|demo|budget|realisatie|clientstroom|kwaliteit|iwlz)/)',
              message: 'src/platform importeert geen capability (alleen src/platform en src/domain).',
            },
          ],
        },
      ],
    },
  },
);
