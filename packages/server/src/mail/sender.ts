// Who emails to visitors come from: the site's name with the address of MAIL_FROM.

/** The address of a `Name <address>` sender, or the whole text when it is a bare address. */
export function senderAddress(mailFrom: string): string {
  const match = /<([^<>\s]+)>\s*$/.exec(mailFrom);
  return match?.[1] ?? mailFrom.trim();
}
