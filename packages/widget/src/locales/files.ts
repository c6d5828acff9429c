// The words of the attachments' tray and of files in messages, in every language: they come with those chunks only.

import type { Locale } from '../i18n.ts';

export interface FileWords {
  remove: string;
  uploading: string;
  /** {name} and {max} (a size) replaced. */
  tooLarge: string;
  /** {name} replaced. */
  kindRefused: string;
  failed: string;
  file: string;
  download: string;
  openImage: string;
}

export const FILE_WORDS: Record<Locale, FileWords> = {
  en: {
    remove: 'Remove',
    uploading: 'Uploading…',
    tooLarge: '{name} is too large: files up to {max}.',
    kindRefused: '{name}: this kind of file is not accepted.',
    failed: 'Upload failed:',
    file: 'File',
    download: 'Download',
    openImage: 'Open the image full size',
  },
  fr: {
    remove: 'Retirer',
    uploading: 'Envoi du fichier…',
    tooLarge: '{name} est trop volumineux : fichiers jusqu’à {max}.',
    kindRefused: '{name} : ce type de fichier n’est pas accepté.',
    failed: 'Échec de l’envoi :',
    file: 'Fichier',
    download: 'Télécharger',
    openImage: 'Ouvrir l’image en grand',
  },
  ar: {
    remove: 'إزالة',
    uploading: 'جارٍ رفع الملف…',
    tooLarge: '{name} كبير جدًا: الحد الأقصى للملفات {max}.',
    kindRefused: '{name}: هذا النوع من الملفات غير مقبول.',
    failed: 'تعذّر الرفع:',
    file: 'ملف',
    download: 'تنزيل',
    openImage: 'فتح الصورة بالحجم الكامل',
  },
};

/** "2.5 MB" in the visitor's language. */
/** Short units for KB and MB; bytes in words, as the short form has no plural ("2 byte"). */
export function sizeLabel(bytes: number, lang: string): string {
  const [value, unit] =
    bytes >= 1024 * 1024
      ? [bytes / 1024 / 1024, 'megabyte']
      : bytes >= 1024
        ? [bytes / 1024, 'kilobyte']
        : [bytes, 'byte'];
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit,
    unitDisplay: unit === 'byte' ? 'long' : 'short',
    maximumFractionDigits: 1,
  }).format(value);
}
