// Every locale's words, whole (as the widget has them once every part has loaded), for tests.

import { en as enCore, type Strings } from './i18n.ts';
import arCore from './locales/ar.ts';
import arMore from './locales/ar-more.ts';
import enMore from './locales/en-more.ts';
import frCore from './locales/fr.ts';
import frMore from './locales/fr-more.ts';

export const fr: Strings = { ...frCore, ...frMore };
export const ar: Strings = { ...arCore, ...arMore };
export const en: Strings = { ...enCore, ...enMore };
