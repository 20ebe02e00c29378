export { APP_NODE_FLAGS } from './app-node-flags';
export {
  CONFIG_AREAS,
  CONFIG_SCHEMA,
  type ConfigArea,
  type ConfigProcess,
  type NodeEnvironment,
  type VariableName,
} from './config/config.schema';
export {
  CONFIGURATION_REFERENCE_COMMAND,
  CONFIGURATION_REFERENCE_PATH,
  renderConfigurationReference,
} from './config/config-reference';
export {
  assertValidEnvironment,
  checkEnvironment,
  ConfigError,
  exitOnInvalidEnvironment,
  isSet,
  readSettings,
  VARIABLE_NAMES,
  withDefaults,
  type ConfigProblem,
  type Env,
} from './config/read-config';
export { ed25519PublicKeyOf } from './config/value-types';
export { LIAISON_CONFIG, LiaisonConfigModule } from './config.module';
export { parsePrivateKey, parsePublicKey } from './crypto/ed25519-key';
export { gcmOpen, gcmPack, gcmSeal, gcmUnpack, type GcmSealed } from './crypto/aes-gcm';
export { masterKeyId, toMasterKey, type MasterKey } from './crypto/master-key';
export { MasterKeyring, UnknownMasterKeyError } from './crypto/master-keyring';
export { MASTER_KEYRING_PROVIDER } from './crypto/master-keyring.provider';
export { assertCurrentVersion, checkIfMatch, etagOf, parseIfMatch, type StaleVersionDetail } from './http/if-match';
export { conflict, forbidden, PLATFORM_PROBLEMS, preconditionFailed, unavailable } from './http/platform-problems';
export { ProblemException } from './http/problem.exception';
export { Caller, callerContextOf, ClientRequestId } from './http/caller.decorator';
export { cursorPageView, toCursorPage, type CursorPage } from './http/cursor-page';
export {
  cursorParts,
  keysetCursor,
  type CursorPart,
  type KeysetCursorCodec,
  type KeysetCursorFormat,
} from './http/keyset-cursor';
export { IdPageQuery, KeysetCursorParam, PAGE_LIMIT, PageLimit, PageQuery } from './http/page.query';
export { fieldError, type FieldError } from './http/field-error';
export { InvalidInputException } from './http/invalid-input.exception';
export { LiaisonValidationPipe, parseUuid, validateBody } from './http/validation';
export { DEVELOPMENT_JWT_SECRET, DEVELOPMENT_SECRET_PREFIX, loadConfig, type LiaisonConfig } from './liaison-config';
export { MetricsServer } from './metrics-server';
export { REDIS_CLIENT, RedisClientModule } from './redis-client.module';
export { pinoOptions } from './logging';
export { sha256Hex } from './sha256';
