export { LIAISON_CONFIG, LiaisonConfigModule } from './config.module';
export { CursorPageQuery, toCursorPage, type CursorPage } from './http/cursor-page';
export { fieldError, toFieldErrors, type FieldError, type InputLocation } from './http/field-error';
export { InvalidInputException } from './http/invalid-input.exception';
export { LiaisonValidationPipe, parseUuid, validateBody } from './http/validation';
export { DEVELOPMENT_JWT_SECRET, loadConfig, type LiaisonConfig } from './liaison-config';
export { REDIS_CLIENT, RedisClientModule } from './redis-client.module';
export { pinoOptions } from './logging';
