/**
 * The error-report form's strings ("Found a mistake?"), kept beside the main catalogs so the
 * form can grow without touching them. Typed like them: a missing translation is a type error.
 */
import type { Locale } from '../../db/schema.js';

export interface ErrorReportMessages {
  formTitle: string;
  formIntro: string;
  aboutArticle: string;
  whatIsWrongLabel: string;
  whatIsWrongHint: string;
  passageLabel: string;
  passageHint: string;
  replyEmailLabel: string;
  replyEmailHint: string;
  /** The honeypot's label: only a program filling every field reads it. */
  honeypotLabel: string;
  send: string;
  sending: string;
  cancel: string;
  errorSummaryTitle: string;
  errorTitlePrefix: string;
  fieldErrors: { whatIsWrong: string; passage: string; replyEmail: string };
  expired: string;
  tooMany: (minutes: number) => string;
  wrongOrigin: string;
  tooLarge: string;
  failed: string;
  thanksTitle: string;
  thanksText: string;
  backToArticle: string;
}

const en: ErrorReportMessages = {
  formTitle: 'Report a mistake',
  formIntro:
    'Tell us what is wrong. An editor reads every report, and corrections are published on the article and on our corrections page.',
  aboutArticle: 'About:',
  whatIsWrongLabel: 'What is wrong? (required)',
  whatIsWrongHint: 'Up to 4,000 characters. If you know the right fact or a source, add it.',
  passageLabel: 'The passage concerned (optional)',
  passageHint: 'Copy the sentence or paragraph, up to 2,000 characters.',
  replyEmailLabel: 'Your email address, if you would like a reply (optional)',
  replyEmailHint: 'We use it only to answer this report.',
  honeypotLabel: 'Leave this field empty',
  send: 'Send report',
  sending: 'Sending…',
  cancel: 'Cancel',
  errorSummaryTitle: 'Please check the form',
  errorTitlePrefix: 'Error:',
  fieldErrors: {
    whatIsWrong: 'Tell us what is wrong, in up to 4,000 characters.',
    passage: 'The passage can be up to 2,000 characters long.',
    replyEmail: 'Enter a valid email address, or leave the field empty.',
  },
  expired: 'This form had expired. Your text is still here: please send it again.',
  tooMany: (minutes) =>
    `You have sent several reports in a short time. Please wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} and send it again; your text is still here.`,
  wrongOrigin: 'This form can only be sent from our own site.',
  tooLarge: 'The report is too long. Please shorten it.',
  failed: 'The report could not be sent. Please try again.',
  thanksTitle: 'Thank you for your report',
  thanksText:
    'It has reached the newsroom. An editor will read it; if we correct the article, the correction will appear on it and on our corrections page.',
  backToArticle: 'Back to the article',
};

const es: ErrorReportMessages = {
  formTitle: 'Avísanos de un error',
  formIntro:
    'Cuéntanos qué está mal. Una editora o un editor lee cada aviso, y las correcciones se publican en el artículo y en nuestra página de correcciones.',
  aboutArticle: 'Sobre:',
  whatIsWrongLabel: '¿Qué está mal? (obligatorio)',
  whatIsWrongHint: 'Hasta 4.000 caracteres. Si conoces el dato correcto o una fuente, añádelos.',
  passageLabel: 'El pasaje en cuestión (opcional)',
  passageHint: 'Copia la frase o el párrafo, hasta 2.000 caracteres.',
  replyEmailLabel: 'Tu correo electrónico, si quieres una respuesta (opcional)',
  replyEmailHint: 'Solo lo usamos para responder a este aviso.',
  honeypotLabel: 'Deja este campo vacío',
  send: 'Enviar aviso',
  sending: 'Enviando…',
  cancel: 'Cancelar',
  errorSummaryTitle: 'Revisa el formulario',
  errorTitlePrefix: 'Error:',
  fieldErrors: {
    whatIsWrong: 'Cuéntanos qué está mal, en hasta 4.000 caracteres.',
    passage: 'El pasaje puede tener hasta 2.000 caracteres.',
    replyEmail: 'Escribe un correo electrónico válido, o deja el campo vacío.',
  },
  expired: 'Este formulario había caducado. Tu texto sigue aquí: envíalo de nuevo.',
  tooMany: (minutes) =>
    `Has enviado varios avisos en poco tiempo. Espera ${minutes} ${minutes === 1 ? 'minuto' : 'minutos'} y vuelve a enviarlo; tu texto sigue aquí.`,
  wrongOrigin: 'Este formulario solo puede enviarse desde nuestro propio sitio.',
  tooLarge: 'El aviso es demasiado largo. Acórtalo, por favor.',
  failed: 'No se pudo enviar el aviso. Inténtalo de nuevo.',
  thanksTitle: 'Gracias por tu aviso',
  thanksText:
    'Ha llegado a la redacción. Una editora o un editor lo leerá; si corregimos el artículo, la corrección aparecerá en él y en nuestra página de correcciones.',
  backToArticle: 'Volver al artículo',
};

export const errorReportMessages: Record<Locale, ErrorReportMessages> = { en, es };
