// Shared jest settings: @swc/jest compiles TypeScript (legacy decorators + metadata, CommonJS) and the
// ESM-only packages below (NestJS 12, MikroORM 7, ...), which jest cannot load as ES modules.
const esmOnly = [
  '@nestjs',
  '@mikro-orm',
  'kysely',
  'file-type',
  'uid',
  'load-esm',
  '@tokenizer',
  'token-types',
  'strtok3',
  'uuidv7',
  'canonicalize',
  'openid-client',
  'oauth4webapi',
  'jose',
];

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2023',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper: {
    '^@liaison/(api|worker)/(.*)$': '<rootDir>/apps/$1/src/$2',
    '^@liaison/(.*)$': '<rootDir>/libs/$1/src/index.ts',
  },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
};
