// The npm module's entry: `import { createChat } from '@livechat/widget'`. Importing it changes nothing on the page.

export type {
  AttributeValue,
  Chat,
  ChatErrorInfo,
  ChatEventName,
  ChatEvents,
  ChatListener,
  ChatMessage,
  ChatOptions,
  ChatPosition,
  ChatSettings,
  ChatUser,
  PageViewOptions,
} from './api.ts';
export { CHAT_EVENTS, CHAT_METHODS } from './api.ts';
export { ChatError } from './errors.ts';
export { createChat } from './create-chat.ts';
