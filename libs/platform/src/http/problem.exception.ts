import { HttpException } from '@nestjs/common';

/** An error answered as problem+json with its own type slug and extension members (RFC 9457 §3.2). */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly slug: string,
    detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail, status);
  }
}
