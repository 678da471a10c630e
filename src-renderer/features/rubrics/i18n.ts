export const rubricsText = {
  nl: {
    title: 'Beoordelingsformulieren',
  },
  en: {
    title: 'Rubrics',
  },
};
