export { APP_NODE_FLAGS } from './app-node-flags';
export {
  CONFIG_SCHEMA,
  DEVELOPMENT_JWT_SECRET,
  DEVELOPMENT_SECRET_PREFIX,
  type NodeEnvironment,
} from './config/config.schema';
export { CONFIGURATION_REFERENCE_PATH, renderConfigurationReference } from './config/config-reference';
export {
  checkEnvironment,
  exitOnInvalidEnvironment,
  isSet,
  readSettings,
  withDefaults,
  type Env,
} from './config/read-config';
export { ed25519PublicKeyOf, type ReminderSchedule } from './config/value-types';
export { LIAISON_CONFIG, LiaisonConfigModule } from './config.module';
export { parsePrivateKey, parsePublicKey } from './crypto/ed25519-key';
export { gcmOpen, gcmPack, gcmSeal, gcmUnpack } from './crypto/aes-gcm';
export { masterKeyId, type MasterKey } from './crypto/master-key';
export { MasterKeyring, UnknownMasterKeyError } from './crypto/master-keyring';
export { MASTER_KEYRING_PROVIDER } from './crypto/master-keyring.provider';
export { assertCurrentVersion, checkIfMatch, etagOf, parseIfMatch, type StaleVersionDetail } from './http/if-match';
export { conflict, forbidden, unavailable } from './http/platform-problems';
export { ProblemException } from './http/problem.exception';
export { Caller, callerContextOf, ClientRequestId } from './http/caller.decorator';
export { STEP_UP, StepUp, type StepUpOptions } from './http/step-up.decorator';
export {
  clearedQueueBoardCookie,
  QUEUE_BOARD_COOKIE,
  QUEUE_BOARD_PATH,
  queueBoardCookie,
} from './http/queue-board-cookie';
export { cursorPageView, toCursorPage, type CursorPage } from './http/cursor-page';
export { cursorParts, keysetCursor } from './http/keyset-cursor';
export { IdPageQuery, KeysetCursorParam, PAGE_LIMIT, PageLimit, PageQuery } from './http/page.query';
export { fieldError, type FieldError } from './http/field-error';
export { InvalidInputException } from './http/invalid-input.exception';
export { LiaisonValidationPipe, parseUuid, validateBody } from './http/validation';
export { loadConfig, type LiaisonConfig, type SessionsConfig } from './liaison-config';
export { MetricsServer } from './metrics-server';
export { REDIS_CLIENT, RedisClientModule } from './redis-client.module';
export { pinoOptions } from './logging';
export { sha256Hex } from './sha256';
