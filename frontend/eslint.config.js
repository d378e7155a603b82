// ESLint: typescript-eslint, react-hooks, jsx-a11y, and the feature boundary
// (bulletproof-react's `import/no-restricted-paths` zones): features never import
// each other; imports point one way, app -> features -> shared (components/, lib/).
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const boundaryZones = [
  // A feature imports no other feature (shared pieces move to components/ or lib/).
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: 'Features never import each other: move what both need to src/components or src/lib.',
  })),
  // Features and shared code never reach up into the app's wiring.
  {
    target: ['./src/features', './src/components', './src/lib'],
    from: './src/app',
    message: 'Only src/app wires features together.',
  },
  // Shared code knows no feature.
  {
    target: ['./src/components', './src/lib'],
    from: './src/features',
    message: 'Shared code (components/, lib/) imports no feature.',
  },
  // The playground is its own page: it uses shared lib/ only, and nothing imports it.
  {
    target: './src/playground',
    from: ['./src/app', './src/features', './src/components'],
    message: 'The playground is its own entry; it may use src/lib only.',
  },
  {
    target: ['./src/app', './src/features', './src/components', './src/lib'],
    from: './src/playground',
    message: 'The playground is its own entry; the app never imports it.',
  },
];

export default tseslint.config(
  { ignores: ['dist', 'src/gql', 'test-results', 'playwright-report', 'node_modules'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser } },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [jsxA11y.flatConfigs.recommended],
    plugins: { import: importPlugin, 'react-hooks': reactHooks },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.app.json' }, node: true },
    },
    rules: {
      'import/no-restricted-paths': ['error', { zones: boundaryZones }],
      // The rules of hooks only. react-hooks 7's other rules check code for the React Compiler,
      // which this app does not use: they flag about 35 places that are valid React (a ref read
      // while rendering, a state set in an effect that follows a query's answer), so turning
      // them on means rewriting those first, for no gain without the compiler.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['e2e/**/*.{ts,mjs}', 'bench/**/*.mjs', '*.{ts,js}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
