// Who was mentioned in which conversation: the record that lets a mentioned operator open it.

export interface MentionRepository {
  /** Records the mention; the first message that mentioned the operator there is kept. */
  record(conversationId: string, operatorId: string, messageId: string): Promise<void>;
  isMentioned(conversationId: string, operatorId: string): Promise<boolean>;
}
