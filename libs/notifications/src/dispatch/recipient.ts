/** A user a notice goes to, with what the channels need. */
export interface RecipientUser {
  id: string;
  email: string;
  language: string;
}
