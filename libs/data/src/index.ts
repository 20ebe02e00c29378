export * from './entities';
export { MIGRATIONS_PATH, ormConfig } from './orm-config';
export { ensureDatabase, migrateDatabase, quoteIdentifier } from './database-admin';
export { DatabaseModule } from './database.module';
