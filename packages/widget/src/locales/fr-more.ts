// The widget's words in French for the parts few visitors open (the menu, the rating, the forms, the limit notice), loaded with the first of them.

import type { MoreStrings } from '../i18n.ts';

const more: MoreStrings = {
  endConversation: 'Mettre fin à la conversation',
  endConfirm: 'Mettre fin à cette conversation ?',
  yes: 'Oui',
  no: 'Non',
  rateAsk: 'Comment s’est passée cette conversation ?',
  rateGood: 'Bien',
  rateOkay: 'Moyen',
  rateBad: 'Mal',
  rateComment: 'Un commentaire (facultatif)',
  rateSend: 'Envoyer',
  rateThanks: 'Merci pour votre avis !',
  prechatAsk: 'Avant de commencer, dites-nous qui vous êtes.',
  nameLabel: 'Votre nom',
  emailField: 'Votre e-mail',
  optional: '(facultatif)',
  required: 'Veuillez remplir ce champ.',
  start: 'Commencer la discussion',
  transcript: 'Recevoir la transcription par e-mail',
  transcriptLabel: 'Envoyer la transcription à',
  transcriptSent: 'La transcription part à {email}.',
  cancel: 'Annuler',
  crowded: 'Trop d’onglets de chat sont ouverts. Fermez-en un, ou celui-ci réessaiera dans une minute.',
  rateLimited: 'Vous envoyez des messages trop vite ; nouvel envoi dans {n} s',
  dismiss: 'Ignorer',
  linkExpired: 'Ce lien a expiré. Vous pouvez toujours nous écrire ici.',
  notSent: 'Non envoyé :',
  retry: 'Réessayer',
  delete: 'Supprimer',
  newConversation: 'Nouvelle conversation',
};

export default more;
