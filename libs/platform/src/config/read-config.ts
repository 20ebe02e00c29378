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

/**
 * The variables of `areas` (and NODE_ENV, which decides the development shortcuts), typed; throws a ConfigError
 * naming every wrong one. An empty or blank value counts as unset.
 */
export function readSettings<const A extends ConfigArea>(areas: readonly A[], env: Env = process.env): Settings<A> {
  const names = VARIABLE_NAMES.filter((name) => name === 'NODE_ENV' || areas.includes(CONFIG_SCHEMA[name].area as A));
  const { values, problems } = settleAll(names, env, () => false);
  if (problems.length) throw new ConfigError(problems);
  return values as Settings<A>;
}

/**
 * The start check: every variable of the schema, since deployments give the apps and their scripts one environment,
 * and in production what this process may not run without.
 */
export function checkEnvironment(configProcess: ConfigProcess, env: Env = process.env): ConfigProblem[] {
  const app = configProcess === 'api' || configProcess === 'worker';
  const readBy = (name: VariableName) => (CONFIG_SCHEMA[name] as Variable<unknown>).processes.includes(configProcess);
  return settleAll(VARIABLE_NAMES, env, (name) => app && readBy(name)).problems;
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
  const production = env['NODE_ENV'] === 'production';
  const values: Record<string, unknown> = {};
  const problems: ConfigProblem[] = [];
  for (const name of names) {
    const spec = CONFIG_SCHEMA[name] as Variable<unknown>;
    const outcome = settle(name, spec, env[name], production, requiredByApps(name));
    if ('problem' in outcome) problems.push({ variable: name, message: outcome.problem });
    else values[name] = outcome.value;
  }
  return { values, problems };
}

function settle(
  name: VariableName,
  spec: Variable<unknown>,
  raw: string | undefined,
  production: boolean,
  requiredByApps: boolean,
): { value: unknown } | { problem: string } {
  const rule = production ? spec.production : undefined;
  if (raw === undefined || raw.trim() === '') {
    if (rule && (rule.required === 'always' || requiredByApps)) return { problem: requiredMessage(name, spec) };
    return { value: !production && spec.developmentDefault !== undefined ? spec.developmentDefault : spec.default };
  }
  const value = spec.type.parse(raw);
  if (value === undefined) {
    const got = spec.secret ? '; the value is not shown (secret)' : `, got "${raw}"`;
    return { problem: `${name} must be ${spec.type.expected}${got}` };
  }
  if (rule?.minLength !== undefined && raw.length < rule.minLength) return { problem: requiredMessage(name, spec) };
  return { value };
}

function requiredMessage(name: VariableName, spec: Variable<unknown>): string {
  const minLength = spec.production?.minLength;
  return minLength === undefined
    ? `${name} must be set in production: ${spec.type.expected}`
    : `${name} must be set to at least ${minLength} characters in production`;
}
