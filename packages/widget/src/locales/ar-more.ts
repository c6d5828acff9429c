// The widget's words in Arabic for the parts few visitors open (the menu, the rating, the forms, the limit notice), loaded with the first of them.

import type { MoreStrings } from '../i18n.ts';

const more: MoreStrings = {
  endConversation: 'إنهاء المحادثة',
  endConfirm: 'هل تريد إنهاء هذه المحادثة؟',
  yes: 'نعم',
  no: 'لا',
  rateAsk: 'كيف كانت هذه المحادثة؟',
  rateGood: 'جيدة',
  rateOkay: 'مقبولة',
  rateBad: 'سيئة',
  rateComment: 'تعليق (اختياري)',
  rateSend: 'إرسال',
  rateThanks: 'شكرًا على تقييمك!',
  prechatAsk: 'قبل أن نبدأ، عرّفنا بنفسك.',
  nameLabel: 'اسمك',
  emailField: 'بريدك الإلكتروني',
  optional: '(اختياري)',
  required: 'يُرجى ملء هذا الحقل.',
  start: 'ابدأ المحادثة',
  transcript: 'أرسل لي نص المحادثة بالبريد',
  transcriptLabel: 'أرسل نص المحادثة إلى',
  transcriptSent: 'نص المحادثة في طريقه إلى {email}.',
  cancel: 'إلغاء',
  crowded: 'علامات تبويب الدردشة المفتوحة كثيرة جدًا. أغلق إحداها، أو ستعيد هذه المحاولة بعد دقيقة.',
  rateLimited: 'أنت ترسل الرسائل بسرعة كبيرة؛ ستُرسل مجددًا خلال {n} ث',
  dismiss: 'تجاهل',
  linkExpired: 'انتهت صلاحية هذا الرابط. يمكنك مراسلتنا هنا.',
  notSent: 'لم تُرسل:',
  retry: 'إعادة المحاولة',
  delete: 'حذف',
  newConversation: 'محادثة جديدة',
};

export default more;
