/** The role the apps connect as; the migrations create it (without LOGIN) and grant it what the apps need. */
export const APP_DATABASE_ROLE = 'liaison_app';
/** The role the worker connects as: the application role plus adding audit checkpoints (the api may not). */
export const WORKER_DATABASE_ROLE = 'liaison_worker';
