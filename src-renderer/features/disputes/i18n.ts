export const disputesText = {
  nl: {
    title: 'Bezwaren en second opinions',
  },
  en: {
    title: 'Disputes and second opinions',
  },
};
