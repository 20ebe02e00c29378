import { p } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';

/** Every table's id (UUIDv7: time-ordered, so inserts stay index-friendly) and UTC timestamps. */
export const identified = () => ({
  id: p
    .uuid()
    .primary()
    .onCreate(() => uuidv7()),
  createdAt: p.datetime().onCreate(() => new Date()),
  updatedAt: p
    .datetime()
    .onCreate(() => new Date())
    .onUpdate(() => new Date()),
});
