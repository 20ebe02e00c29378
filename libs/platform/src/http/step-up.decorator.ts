import { SetMetadata } from '@nestjs/common';

export const STEP_UP = 'liaison:step-up';

export interface StepUpOptions {
  /** Only when the JSON body carries this field (a PATCH that grants roles, not one that renames). */
  whenBodyHas?: string;
}

/**
 * The route needs the caller's second factor checked within the last five minutes (POST /v1/auth/step-up). Here, not
 * in auth, so that the libraries auth depends on (audit) can mark their routes too; auth's guard enforces it.
 */
export const StepUp = (options: StepUpOptions = {}) => SetMetadata(STEP_UP, options);
