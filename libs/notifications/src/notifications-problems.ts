import { conflict, unavailable } from '@liaison/platform';

/** 409: a paused endpoint replays nothing. */
export const endpointPaused = () => conflict('The endpoint is paused: activate it first.');

/** 503: the replay could not be queued. */
export const deliveryQueueUnavailable = () => unavailable('The delivery queue is unavailable; try the replay again.');
