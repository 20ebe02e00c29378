/** Queue names, job names and each job's payload: one place, shared by producers and processors. */
export const NOTIFICATIONS_QUEUE = 'notifications';

export const NotificationJob = {
  /** A new user's first in-app notice. */
  Welcome: 'welcome',
} as const;
export type NotificationJobName = (typeof NotificationJob)[keyof typeof NotificationJob];

export interface WelcomeJobData {
  userId: string;
}

export interface NotificationJobData {
  [NotificationJob.Welcome]: WelcomeJobData;
}
