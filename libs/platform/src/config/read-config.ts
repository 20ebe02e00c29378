import {
  CONFIG_SCHEMA,
  type ConfigArea,
  type ConfigProcess,
  type Settings,
  type Variable,
  type VariableName,
} from './config.schema';

/** An environment: `process.env` unless a caller (a test, the launcher for its children) passes its own. */
export type Env = Readonly<Record<string, string | undefined>>;

export interface ConfigProblem {
  readonly variable: VariableName;
  readonly message: string;
}

/** Every wrong variable at once, each named with what it must be. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      [
        `invalid configuration (${problems.length === 1 ? '1 variable' : `${problems.length} variables`}; see docs/configuration.md):`,
        ...problems.map((problem) => `  - ${problem.message}`),
      ].join('\n'),
    );
    this.name = 'ConfigError';
  }
}

export const VARIABLE_NAMES = Object.keys(CONFIG_SCHEMA) as VariableName[];

/** Read by every loader: they decide the development shortcuts. */
const ALWAYS_READ: readonly VariableName[] = ['NODE_ENV', 'LIAISON_DEVELOPMENT'];

/**
 * The variables of `areas` (and NODE_ENV and LIAISON_DEVELOPMENT, which decide the development shortcuts), typed;
 * throws a ConfigError naming every wrong one. An empty or blank value counts as unset.
 */
export function readSettings<const A extends ConfigArea>(areas: readonly A[], env: Env = process.env): Settings<A> {
  const names = VARIABLE_NAMES.filter(
    (name) => ALWAYS_READ.includes(name) || areas.includes(CONFIG_SCHEMA[name].area as A),
  );
  const { values, problems } = settleAll(names, env, () => false);
  if (problems.length) throw new ConfigError(problems);
  return values as Settings<A>;
}

/**
 * The start check: every variable of the schema, since deployments give the apps and their scripts one environment,
 * and, outside development, the secrets this process may not run without.
 */
export function checkEnvironment(configProcess: ConfigProcess, env: Env = process.env): ConfigProblem[] {
  const app = configProcess === 'api' || configProcess === 'worker';
  const readBy = (name: VariableName) => (CONFIG_SCHEMA[name] as Variable<unknown>).processes.includes(configProcess);
  const { problems } = settleAll(VARIABLE_NAMES, env, (name) => app && readBy(name));
  return [...problems, ...refusedInProduction(env, readBy)];
}

export function assertValidEnvironment(configProcess: ConfigProcess, env: Env = process.env): void {
  const problems = checkEnvironment(configProcess, env);
  if (problems.length) throw new ConfigError(problems);
}

/** For a process's entry point: a wrong environment ends it with the list, before anything else starts. */
export function exitOnInvalidEnvironment(configProcess: ConfigProcess, env: Env = process.env): void {
  try {
    assertValidEnvironment(configProcess, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`liaison ${configProcess}: ${error.message}`);
    process.exit(1);
  }
}

export function isSet(env: Env, name: VariableName): boolean {
  return (env[name] ?? '').trim() !== '';
}

/** The environment with `defaults` for the variables it leaves unset: what the launcher gives its children. */
export function withDefaults(
  env: Env,
  defaults: Partial<Record<VariableName, string>>,
): Record<string, string | undefined> {
  const filled: Record<string, string | undefined> = { ...env };
  for (const [name, value] of Object.entries(defaults) as [VariableName, string][]) {
    if (!isSet(env, name)) filled[name] = value;
  }
  return filled;
}

function settleAll(names: readonly VariableName[], env: Env, requiredByApps: (name: VariableName) => boolean) {
  const development = env['LIAISON_DEVELOPMENT']?.trim() === '1';
  const where = env['NODE_ENV'] === 'production' ? 'in production' : 'outside development (LIAISON_DEVELOPMENT=1)';
  const values: Record<string, unknown> = {};
  const problems: ConfigProblem[] = [];
  if (development && env['NODE_ENV'] === 'production') problems.push(DEVELOPMENT_IN_PRODUCTION);
  for (const name of names) {
    const spec = CONFIG_SCHEMA[name] as Variable<unknown>;
    const outcome = settle(name, spec, env[name], development ? null : where, requiredByApps(name));
    if ('problem' in outcome) problems.push({ variable: name, message: outcome.problem });
    else values[name] = outcome.value;
  }
  return { values, problems };
}

/** The settings that would weaken a deployment, set in production, for the processes that read them. */
function refusedInProduction(env: Env, readBy: (name: VariableName) => boolean): ConfigProblem[] {
  if (env['NODE_ENV'] !== 'production') return [];
  return VARIABLE_NAMES.filter(
    (name) =>
      (CONFIG_SCHEMA[name] as Variable<unknown>).refusedInProduction && readBy(name) && env[name]?.trim() === '1',
  ).map((name) => ({ variable: name, message: `${name}=1 is refused together with NODE_ENV=production` }));
}

const DEVELOPMENT_IN_PRODUCTION: ConfigProblem = {
  variable: 'LIAISON_DEVELOPMENT',
  message: 'LIAISON_DEVELOPMENT=1 (development shortcuts) is refused together with NODE_ENV=production',
};

/**
 * `outside`: null under the development setting, else how the errors word where the process runs. Outside
 * development, whatever NODE_ENV says, a secret has no fallback and no known development value.
 */
function settle(
  name: VariableName,
  spec: Variable<unknown>,
  raw: string | undefined,
  outside: string | null,
  requiredByApps: boolean,
): { value: unknown } | { problem: string } {
  const development = outside === null;
  const rule = development ? undefined : spec.outsideDevelopment;
  if (raw === undefined || raw.trim() === '') {
    if (rule && (rule.required === 'always' || requiredByApps))
      return { problem: requiredMessage(name, spec, outside) };
    return { value: development && spec.developmentDefault !== undefined ? spec.developmentDefault : spec.default };
  }
  const value = spec.type.parse(raw);
  if (value === undefined) {
    const got = spec.secret ? '; the value is not shown (secret)' : `, got "${raw}"`;
    return { problem: `${name} must be ${spec.type.expected}${got}` };
  }
  if (rule?.minLength !== undefined && raw.length < rule.minLength) {
    return { problem: requiredMessage(name, spec, outside) };
  }
  if (!development && spec.isDevelopmentValue?.(value)) {
    return { problem: `${name} is a known development value, refused ${outside}: set one of this deployment's own` };
  }
  return { value };
}

function requiredMessage(name: VariableName, spec: Variable<unknown>, outside: string | null): string {
  const minLength = spec.outsideDevelopment?.minLength;
  return minLength === undefined
    ? `${name} must be set ${outside}: ${spec.type.expected}`
    : `${name} must be set to at least ${minLength} characters ${outside}`;
}
