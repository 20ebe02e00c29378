import { AgencySchema } from './agency.entity';
import { InboxItemSchema } from './inbox-item.entity';
import { RefreshTokenSchema } from './refresh-token.entity';
import { UserSchema } from './user.entity';

export { AgencySchema, type Agency } from './agency.entity';
export { InboxItemSchema, type InboxItem } from './inbox-item.entity';
export { RefreshTokenSchema, type RefreshToken } from './refresh-token.entity';
export { UserSchema, type User } from './user.entity';

export const ENTITIES = [AgencySchema, UserSchema, RefreshTokenSchema, InboxItemSchema];
