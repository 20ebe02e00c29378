/** What an access token says. Roles are not in it: they are read fresh on each request. */
export interface AccessTokenClaims {
  sub: string;
  agency: string;
}
