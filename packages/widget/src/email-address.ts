// Whether an email address is plausible, checked in the widget before anything is sent (the server has the last word).

/** A plausible address: one @, no spaces, a dot in the domain. The server has the last word. */
export const isEmail = (text: string): boolean => text.length <= 254 && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(text);
