// A small typed event emitter; `ready` is sticky, so a listener added after it fired still hears it.

import type { ChatEventName, ChatEvents, ChatListener } from './api.ts';

export interface Emitter {
  on<E extends ChatEventName>(event: E, listener: ChatListener<E>): () => void;
  off<E extends ChatEventName>(event: E, listener: ChatListener<E>): void;
  emit<E extends ChatEventName>(event: E, payload: ChatEvents[E]): void;
  clear(): void;
}

const STICKY: ReadonlySet<ChatEventName> = new Set(['ready']);

export function createEmitter(): Emitter {
  const listeners = new Map<ChatEventName, Set<(payload: never) => void>>();
  const fired = new Map<ChatEventName, unknown>();

  const call = <E extends ChatEventName>(listener: ChatListener<E>, payload: ChatEvents[E]) => {
    try {
      listener(payload);
    } catch (error) {
      // One page handler failing must not stop the others nor the widget.
      console.error('[livechat] listener failed', error);
    }
  };

  const emitter: Emitter = {
    on(event, listener) {
      if (typeof listener !== 'function') return () => undefined;
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (payload: never) => void);
      if (fired.has(event)) call(listener, fired.get(event) as ChatEvents[typeof event]);
      return () => emitter.off(event, listener);
    },
    off(event, listener) {
      listeners.get(event)?.delete(listener as (payload: never) => void);
    },
    emit(event, payload) {
      if (STICKY.has(event)) fired.set(event, payload);
      for (const listener of [...(listeners.get(event) ?? [])]) call(listener as ChatListener<typeof event>, payload);
    },
    clear() {
      listeners.clear();
      fired.clear();
    },
  };
  return emitter;
}
