import { BadRequestException } from '@nestjs/common';
import { fieldError, type FieldError, type InputLocation } from './field-error';

/** 400 with the list of wrong fields; rendered as problem+json by the API's exception filter. */
export class InvalidInputException extends BadRequestException {
  constructor(readonly fieldErrors: FieldError[]) {
    super(fieldErrors.map((error) => `${error.field}: ${error.detail}`).join('; '));
  }

  /** The same errors, said of the query string or path instead of the body. */
  at(location: InputLocation): InvalidInputException {
    if (location === 'body') return this;
    return new InvalidInputException(
      this.fieldErrors.map((error) => fieldError(error.field.split('.'), error.detail, location)),
    );
  }
}
