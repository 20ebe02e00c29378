/** The audit stream of one task force: its creation, membership and linked requests. */
export const taskForceStream = (taskForceId: string) => `task-force:${taskForceId}`;
