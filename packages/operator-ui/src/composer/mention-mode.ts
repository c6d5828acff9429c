// The composer's note switch and what a mention does to it: turns a reply into a note, unless switched back on purpose.

import { useState } from 'preact/hooks';
import { hasMention, mentionMakesNote } from './intent.ts';

export interface MentionMode {
  internal: boolean;
  /** The composer turned itself into a note because of a mention, and says so. */
  mentionNote: boolean;
  /** The operator switched back to a public reply despite a mention: no one is notified. */
  publicChosen: boolean;
  /** After the text changed; returns whether the message is a note now. */
  onText(text: string): boolean;
  /** The operator flipped the switch. */
  choose(internal: boolean, text: string): void;
}

export function useMentionMode(): MentionMode {
  const [internal, setInternal] = useState(false);
  const [mentionNote, setMentionNote] = useState(false);
  const [publicChosen, setPublicChosen] = useState(false);
  return {
    internal,
    mentionNote,
    publicChosen,
    onText(text) {
      if (mentionMakesNote(text, internal, publicChosen)) {
        setInternal(true);
        setMentionNote(true);
        return true;
      }
      if (text !== '') return internal;
      // A sent or cleared message ends the mention's switch; the next reply starts public again.
      setMentionNote(false);
      setPublicChosen(false);
      if (!mentionNote) return internal;
      setInternal(false);
      return false;
    },
    choose(value, text) {
      setInternal(value);
      // Switching a mention's note back to a reply is deliberate; it sticks for this message.
      setPublicChosen(!value && hasMention(text));
      setMentionNote(false);
    },
  };
}
