export const coachingText = {
  nl: {
    title: 'Mijn maand',
  },
  en: {
    title: 'My month',
  },
};
