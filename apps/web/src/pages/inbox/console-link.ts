/** An inbox link names the API resource (`/v1/requests/<id>`); the console shows it at `/requests/<id>`. */
export function consoleLinkOf(link: string | null): string | null {
  if (!link) return null;
  const match = /^\/v1\/requests\/([0-9a-f-]{36})/i.exec(link);
  return match ? `/requests/${match[1]}` : null;
}
