import { Injectable, type OnModuleInit } from '@nestjs/common';
import { passwordRefusal, passwordRefusalText, type PasswordOwner, type PasswordRefusal } from '@liaison/domain';
import { fieldError, InvalidInputException } from '@liaison/platform';
import { commonPasswords } from './common-passwords';

/** The password rules of `libs/domain` with the shipped list of common passwords; a refusal is a 400 naming the field. */
@Injectable()
export class PasswordRules implements OnModuleInit {
  /** Read at start, so that the first password chosen does not wait for the list. */
  async onModuleInit(): Promise<void> {
    await commonPasswords();
  }

  async refusal(password: string, owner: PasswordOwner): Promise<PasswordRefusal | null> {
    const common = await commonPasswords();
    return passwordRefusal(password, owner, (lowerCased) => common.has(lowerCased));
  }

  async assertAcceptable(password: string, owner: PasswordOwner, field = 'password'): Promise<void> {
    const refusal = await this.refusal(password, owner);
    if (refusal) {
      throw new InvalidInputException([fieldError([field], passwordRefusalText(refusal, field))]);
    }
  }
}
