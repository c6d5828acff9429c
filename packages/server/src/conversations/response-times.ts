// How long visitors wait for an operator's first reply, measured over a site's recent conversations.

export interface ResponseTimes {
  /**
   * The median, in whole seconds, over the site's conversations created since `since`, of the time
   * from the visitor's first message to the first public operator message after it; null without any.
   */
  medianFirstResponseSeconds(siteId: string, since: string): Promise<number | null>;
}
