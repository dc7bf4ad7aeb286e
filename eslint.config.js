// Lint keeps the architecture: imports flow lib → api → (demo | queries) → features → main, never back,
// with no cycles and no barrel files.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layer = (target, from, message) => ({
  target: `./src/${target}`,
  from: from.map((f) => `./src/${f}`),
  message,
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public/mockServiceWorker.js'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })] },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'import-x/no-cycle': 'error',
      'import-x/avoid-barrel-files': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            layer(
              'lib',
              ['api', 'config', 'demo', 'queries', 'features', 'main.tsx'],
              'lib holds pure helpers only',
            ),
            layer(
              'api',
              ['config', 'demo', 'queries', 'features', 'main.tsx'],
              'the API layer knows nothing above it',
            ),
            layer(
              'config',
              ['api', 'demo', 'queries', 'features', 'main.tsx'],
              'config is read before anything else',
            ),
            layer(
              'demo',
              ['config', 'queries', 'features', 'main.tsx'],
              'the demo backend only serves the API',
            ),
            layer(
              'queries',
              ['config', 'demo', 'features', 'main.tsx'],
              'hooks know nothing of layout or the demo',
            ),
            layer('features', ['demo', 'main.tsx'], 'components never reach into the demo backend'),
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'No barrels: import from the module that defines it.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The API layer and the demo backend run without React (and in Node for tests).
    files: ['src/api/**', 'src/demo/**', 'src/lib/**', 'src/config/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-*', '@tanstack/*'], message: 'No React below the hooks layer.' },
          ],
        },
      ],
    },
  },
);
