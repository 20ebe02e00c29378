/**
 * The queue board is plain HTML opened by a link, which cannot send a header: the api hands the access token over
 * in this cookie, set by the server (HttpOnly, so no script reads it; SameSite=Strict, so no other site's page
 * makes the browser send it; Secure outside development), scoped to the board's path, for as long as the token
 * lives, and cleared at sign-out. Here, not in notifications, so that auth's logout can clear it.
 */
export const QUEUE_BOARD_COOKIE = 'liaison_queue_board';
export const QUEUE_BOARD_PATH = '/admin/queues';

export function queueBoardCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${QUEUE_BOARD_COOKIE}=${token}`,
    `Path=${QUEUE_BOARD_PATH}`,
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export const clearedQueueBoardCookie = (secure: boolean) => queueBoardCookie('', 0, secure);
