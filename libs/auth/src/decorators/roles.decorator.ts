import { SetMetadata } from '@nestjs/common';
import type { Role } from '@liaison/domain';

export const REQUIRED_ROLES = 'liaison:roles';

/** The caller needs at least one of these roles (within their own agency). */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);
