// The short text of a message previewed beside the closed launcher.

/** A preview says enough to be worth opening the chat for, not the whole message. */
export const PREVIEW_LENGTH = 90;

export const shorten = (text: string, max = PREVIEW_LENGTH): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= max
    ? flat
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
};
