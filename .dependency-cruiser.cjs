// The architecture rules that imports can show (docs/ARCHITECTURE.md, "The rules, and what checks
// them"). Run by `npm run lint`. What imports can't show (where SQL and author keys may be written)
// is checked by test/architecture/architecture.spec.ts.

/** Folders every feature may use: shared infrastructure, not features. */
const SHARED = '^apps/api/src/(common|config|database|realtime)/';

/**
 * What one feature may import from another: the providers its module exports (services and
 * repositories; Nest refuses at boot to inject one the module does not export), its module (to
 * import it), its DTOs and mappers, and these few files of types and request helpers.
 */
const PUBLIC_SURFACE = [
  '\\.(service|repository|module|mappers)\\.ts$',
  '/dto/[^/]+\\.ts$',
  '^apps/api/src/forum/forum-rows\\.ts$',
  '^apps/api/src/authorship/(scope|viewer)\\.ts$',
  '^apps/api/src/identity/socket-auth\\.ts$',
  '^apps/api/src/page-cache/cached-page\\.decorator\\.ts$',
  '^apps/api/src/auth/(policy\\.guard|session-user|session-cookie|password-hasher)\\.ts$',
  '^apps/api/src/users/user\\.entity\\.ts$',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles, in the API or the libraries (type-only imports included).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'feature-public-surface',
      comment:
        'A feature uses another only through what that feature offers: its exported services and repositories, ' +
        'its module, DTOs, mappers and row types. Never its controllers, gateways, broadcasters, state or helpers.',
      severity: 'error',
      from: { path: '^apps/api/src/([^/]+)/' },
      to: {
        path: '^apps/api/src/[^/]+/',
        pathNot: ['^apps/api/src/$1/', SHARED, ...PUBLIC_SURFACE],
      },
    },
    {
      name: 'authorship-internals',
      comment:
        'Author keys are computed and compared, and anon_salt read, only inside apps/api/src/authorship: ' +
        'its key function and its repository are not for anyone else.',
      severity: 'error',
      from: { pathNot: '^apps/api/src/authorship/' },
      to: { path: '^apps/api/src/authorship/(author-key|authorship\\.repository)\\.ts$' },
    },
    {
      name: 'thin-edges',
      comment: 'Controllers and gateways call services; the data layer is reached through them.',
      severity: 'error',
      from: { path: '\\.(controller|gateway)\\.ts$' },
      to: { path: '\\.repository\\.ts$' },
    },
    {
      name: 'data-layer-at-the-bottom',
      comment: 'A repository runs queries and returns rows: it calls no service, controller, gateway or module.',
      severity: 'error',
      from: { path: '\\.repository\\.ts$' },
      to: { path: '\\.(service|controller|gateway|module)\\.ts$' },
    },
    {
      name: 'libs-stand-alone',
      comment: 'libs/ hold framework-free domain code shared by the apps: they never import an app.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.spec\\.ts$' },
    tsPreCompilationDeps: true,
    // TypeScript 7 has no compiler API for the tool to use; swc (already here for Jest) parses the sources.
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.js'],
      // `#libs/*` resolves to the sources (package.json "imports", condition "source"), as tsc does.
      conditionNames: ['source', 'import', 'default'],
    },
  },
};
