export const feedbackText = {
  nl: {
    title: 'Feedbackgesprek',
  },
  en: {
    title: 'Feedback session',
  },
};
