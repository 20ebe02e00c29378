import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'liaison:public';

/** Opens a route to callers without an access token; every other route requires one. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
