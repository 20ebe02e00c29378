/** What an access token says. Roles are not in it: they are read fresh on each request. */
export interface AccessTokenClaims {
  sub: string;
  agency: string;
  /** The session: a revoked one's tokens are refused at once (the revocation list). */
  sid: string;
}
