// What one notice says: the in-app title and body, and the email made from the same facts.
export type NotificationContent = {
  title: string;
  body: string;
  email: { subject: string; text: string; html: string };
};
