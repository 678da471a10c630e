export const demoText = {
  nl: {
    badge: 'Demo',
    banner: 'Verzonnen KCC, los van je echte gegevens',
    reset: 'Opnieuw beginnen',
    leave: 'Demo verlaten',
    open: 'Demo-omgeving openen',
    openIntro:
      'Eerst rondkijken? De demo is een verzonnen KCC met een team, een jaar coaching en gesprekken die je kunt afspelen. Je echte gegevens blijven apart.',
    opening: 'De demo wordt klaargezet…',
  },
  en: {
    badge: 'Demo',
    banner: 'A made-up KCC, apart from your real data',
    reset: 'Start over',
    leave: 'Leave demo',
    open: 'Open demo environment',
    openIntro:
      'Look around first? The demo is a made-up KCC with a team, a year of coaching and calls you can play. Your real data stays apart.',
    opening: 'Preparing the demo…',
  },
};
