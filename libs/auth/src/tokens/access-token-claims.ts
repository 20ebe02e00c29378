/** What an access token says. Roles are not in it: they are read fresh on each request. */
export interface AccessTokenClaims {
  sub: string;
  agency: string;
  /** The session (refresh token family) it belongs to: what a password change keeps. */
  sid?: string;
}
