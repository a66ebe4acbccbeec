/** Kinds of notification; each names what happened, never who it happened to. */
export const notificationKinds = ['case.break_glass', 'referral.received'] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** A message to one user about an object they are responsible for. */
export interface Notification {
  id: string;
  userId: string;
  organisationId: string;
  kind: NotificationKind;
  targetType: string;
  targetId: string;
  createdAt: string;
  readAt: string | null;
}
