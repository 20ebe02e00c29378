import { ParseUUIDPipe, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { fieldError, toFieldErrors, type InputLocation } from './field-error';
import { InvalidInputException } from './invalid-input.exception';
import { unsafeInputError } from './unsafe-input';

const RULES = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true } as const;

/**
 * The global pipe: unknown fields are refused, types are converted only where declared, and every wrong field
 * is reported with where it was sent (body, query or path).
 */
export class LiaisonValidationPipe extends ValidationPipe {
  constructor() {
    super({
      ...RULES,
      transform: true,
      stopAtFirstError: false,
      exceptionFactory: (errors: ValidationError[]) => new InvalidInputException(toFieldErrors(errors, 'body')),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') refuseUnsafeInput(value, toLocation(metadata.type));
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      throw error instanceof InvalidInputException ? error.at(toLocation(metadata.type)) : error;
    }
  }
}

/** `@Param('id', parseUuid('id'))`: a malformed id is a 400 naming the parameter. */
export function parseUuid(name: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => new InvalidInputException([fieldError([name], `${name} must be a UUID`, 'path')]),
  });
}

/** Validates a body outside the pipe (for guards, which run before pipes); same rules, same errors. */
export function validateBody<T extends object>(type: ClassConstructor<T>, body: unknown): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidInputException([fieldError([], 'The request body must be a JSON object')]);
  }
  refuseUnsafeInput(body, 'body');
  const instance = plainToInstance(type, body);
  const errors = validateSync(instance, RULES);
  if (errors.length > 0) throw new InvalidInputException(toFieldErrors(errors, 'body'));
  return instance;
}

function refuseUnsafeInput(value: unknown, location: InputLocation): void {
  const error = unsafeInputError(value, location);
  if (error) throw new InvalidInputException([error]);
}

function toLocation(type: ArgumentMetadata['type']): InputLocation {
  return type === 'query' ? 'query' : type === 'param' ? 'path' : 'body';
}
