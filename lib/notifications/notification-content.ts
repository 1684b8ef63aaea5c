// What one notice says in one language: the in-app title and body, and the email made from the
// same facts.
export type NotificationText = { title: string; body: string };

export type NotificationContent = NotificationText & {
  email: { subject: string; text: string; html: string };
};
