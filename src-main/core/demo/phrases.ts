/**
 * What coaches, trainers and buddies write in the demo, in Dutch, keyed by the criterion keys of
 * the shipped rubric (resources/rubrics/kcc-standaard.json) and of its second version. The seed
 * picks from these lists with its own random stream, so the same seed gives the same words.
 */
export interface CriterionPhrases {
  /** Praise for the tops field. */
  tops: readonly string[];
  /** Advice for the tips field. */
  tips: readonly string[];
  /** The coach's note at an answer below full marks. */
  notes: readonly string[];
  /** An action point on this criterion, as agreed in a feedback session. */
  action: string;
}

export const criterionPhrases: Readonly<Record<string, CriterionPhrases>> = {
  begroeting: {
    tops: ['Vriendelijke, rustige begroeting met naam en gemeente.', 'Prettige opening: je noemt je naam en klinkt meteen behulpzaam.'],
    tips: [
      'Noem bij de begroeting ook je eigen naam, zodat de inwoner weet met wie hij spreekt.',
      'Begin iets rustiger; de begroeting klonk gehaast.',
    ],
    notes: ['Begroeting zonder eigen naam.', 'Opening klonk gehaast.'],
    action: 'Noem bij elke begroeting de gemeente en je eigen naam',
  },
  'opname-melding': {
    tops: ['Je meldt netjes dat het gesprek kan worden opgenomen.'],
    tips: ['Vergeet niet te melden dat het gesprek kan worden opgenomen.'],
    notes: ['Geen melding van de opname gehoord.'],
    action: 'Meld aan het begin van elk gesprek dat het kan worden opgenomen',
  },
  identiteit: {
    tops: [
      'Goede identiteitscontrole: geboortedatum en adres gevraagd voordat je iets over het dossier vertelde.',
      'Je controleert de identiteit zorgvuldig, ook toen de inwoner haast had.',
    ],
    tips: [
      'Controleer altijd geboortedatum en adres voordat je persoonsgegevens bespreekt.',
      'Doe de identiteitscontrole aan het begin van het gesprek, niet halverwege.',
    ],
    notes: [
      'Besprak de aanslag voordat geboortedatum en adres waren gecontroleerd.',
      'Identiteit niet gecontroleerd; de inwoner belde namens haar moeder zonder machtiging.',
    ],
    action: 'Controleer geboortedatum en adres voordat je persoonsgegevens bespreekt',
  },
  derden: {
    tops: ['Je deelt terecht niets over de buren en legt uit waarom.'],
    tips: ['Deel geen gegevens over anderen, ook niet als de inwoner zegt dat hij familie is.'],
    notes: ['Noemde de stand van de aanvraag van de partner zonder machtiging.'],
    action: 'Deel nooit informatie over derden en verwijs naar de machtigingsprocedure',
  },
  'open-vragen': {
    tops: [
      'Sterke vraagverheldering met open vragen: je had de echte vraag snel helder.',
      "Goed doorgevraagd ('wat bedoelt u precies met…'), daardoor kwam de echte vraag boven.",
    ],
    tips: [
      'Stel eerst een open vraag voordat je een oplossing geeft; je zat snel in gesloten vragen.',
      'Vraag door naar de achterliggende vraag; nu bleef het bij de eerste vraag.',
    ],
    notes: ['Vooral gesloten vragen; de echte vraag kwam pas laat.', 'Ging direct naar een oplossing zonder door te vragen.'],
    action: 'Begin elke vraagverheldering met minstens twee open vragen',
  },
  samenvatten: {
    tops: [
      'Mooie samenvatting van de vraag voordat je antwoord gaf.',
      "Je checkt of je de vraag goed begreep ('dus als ik het goed begrijp…').",
    ],
    tips: [
      'Vat de vraag samen voordat je antwoord geeft, zodat je zeker weet dat je de goede vraag beantwoordt.',
      'Check even of je de vraag goed hebt begrepen; dat voorkomt een tweede telefoontje.',
    ],
    notes: ['Geen samenvatting van de vraag.', 'Samenvatting pas aan het eind van het gesprek.'],
    action: 'Vat in elk gesprek de vraag samen en check of je die goed begrepen hebt',
  },
  juist: {
    tops: [
      'Juist antwoord volgens de kennisbank, helder uitgelegd.',
      'Je zocht het even na in de kennisbank in plaats van te gokken: goed.',
    ],
    tips: ['Zoek bij twijfel het antwoord op in de kennisbank voordat je het geeft.'],
    notes: [
      'Gaf een verkeerde termijn voor de kwijtschelding (acht in plaats van vier weken).',
      'Verwees naar de balie zonder afspraak; een paspoort aanvragen kan alleen op afspraak.',
      'Noemde het tarief van vorig jaar voor het ophalen van grofvuil.',
    ],
    action: 'Controleer termijnen en tarieven in de kennisbank voordat je ze noemt',
  },
  volledig: {
    tops: ['Volledig antwoord: ook wat de inwoner moet meenemen en hoe lang het duurt.'],
    tips: [
      'Vertel ook wat de inwoner daarna moet doen en hoe lang het duurt; het antwoord was nu half.',
      'Noem ook de kosten en wat de inwoner moet meenemen.',
    ],
    notes: ['Kosten en wat mee te nemen niet genoemd.', 'Doorlooptijd niet genoemd.'],
    action: 'Sluit elk antwoord af met wat de inwoner nu moet doen en hoe lang het duurt',
  },
  'warm-doorverbinden': {
    tops: ['Netjes warm doorverbonden: je vatte de vraag kort samen voor de collega.'],
    tips: ['Kondig het doorverbinden aan en vertel de collega kort waar het over gaat.'],
    notes: ['Koud doorverbonden, zonder aankondiging.'],
    action: 'Verbind alleen warm door: aankondigen en de vraag kort overdragen',
  },
  terugbelnotitie: {
    tops: ['Duidelijke terugbelnotitie met een realistische belofte (binnen twee werkdagen).'],
    tips: ["Beloof geen terugbeltijd die de backoffice niet kan waarmaken; zeg 'binnen twee werkdagen'."],
    notes: ["Beloofde 'vanmiddag nog' terug te bellen; geen notitie in het zaaksysteem.", 'Geen terugbelnotitie aangemaakt.'],
    action: 'Maak bij elke terugbelafspraak een notitie met een realistische termijn',
  },
  'alles-beantwoord': {
    tops: ['Je checkt aan het eind of alle vragen beantwoord zijn.'],
    tips: ['Vraag aan het eind of er nog iets is waarmee je kunt helpen.'],
    notes: ['Niet gevraagd of er nog andere vragen waren.'],
    action: 'Vraag aan het eind van elk gesprek of er nog andere vragen zijn',
  },
  afspraken: {
    tops: ['Heldere afsluiting: je vatte samen wat er nu gaat gebeuren.'],
    tips: ['Vat aan het eind de afspraken samen: wie doet wat, en wanneer.'],
    notes: ['Afspraken niet samengevat.'],
    action: 'Vat aan het eind van elk gesprek de afspraken samen',
  },
  afscheid: {
    tops: ['Vriendelijk en persoonlijk afscheid.'],
    tips: ['Sluit het gesprek vriendelijk af, ook als het lastig was.'],
    notes: ['Afscheid wat kortaf.'],
    action: 'Sluit elk gesprek vriendelijk af, ook na een lastig gesprek',
  },
  empathie: {
    tops: ['Veel empathie: je benoemde dat het een vervelende situatie is.', 'Rustig en begripvol toen de inwoner emotioneel werd.'],
    tips: ["Benoem het gevoel van de inwoner ('ik hoor dat u ervan geschrokken bent') voordat je de procedure uitlegt."],
    notes: ['Weinig ruimte voor de zorgen van de inwoner.', 'Ging meteen over op de regels.'],
    action: 'Benoem het gevoel van de inwoner voordat je de procedure uitlegt',
  },
  helderheid: {
    tops: ['Helder taalgebruik zonder ambtelijke termen.', "Je legt 'kwijtschelding' uit in gewone woorden: precies B1."],
    tips: [
      "Vermijd ambtelijke woorden als 'beschikking' en 'bezwaartermijn', of leg ze uit.",
      'Praat iets langzamer bij het uitleggen van de stappen.',
    ],
    notes: ['Veel ambtelijke termen (beschikking, WOZ-waarde).', 'Sprak snel bij de uitleg van de stappen.'],
    action: 'Leg vaktermen uit in gewone woorden (taalniveau B1)',
  },
  weerstand: {
    tops: ['Bleef rustig en professioneel toen de inwoner boos werd.', 'Goede omgang met weerstand: je liet de inwoner eerst uitpraten.'],
    tips: [
      'Laat de inwoner uitpraten voordat je reageert; je onderbrak een paar keer.',
      'Blijf bij weerstand rustig en benoem wat je wél kunt doen.',
    ],
    notes: ['Onderbrak de inwoner meerdere keren.', 'Ging in discussie over de regel.'],
    action: 'Laat een boze inwoner eerst uitpraten en benoem wat je wél kunt doen',
  },
  eigenaarschap: {
    tops: ['Echt eigenaarschap: je zocht het zelf uit in plaats van door te verwijzen.'],
    tips: ['Neem de vraag zelf op je als het kan, in plaats van de inwoner naar de website te sturen.'],
    notes: ['Verwees snel door naar de website.', 'Liet de inwoner zelf terugbellen.'],
    action: 'Los eerstelijnsvragen zelf op in plaats van door te verwijzen',
  },
  zaaksysteem: {
    tops: ['Contact goed geregistreerd, met het juiste onderwerp.'],
    tips: ['Registreer het contact met het juiste onderwerp; dat telt mee in de rapportages.'],
    notes: ["Contact onder 'overig' geregistreerd in plaats van onder het juiste onderwerp.", 'Contact niet geregistreerd.'],
    action: 'Registreer elk contact in het zaaksysteem met het juiste onderwerp',
  },
  kanaalsturing: {
    tops: ['Je wees de inwoner op MijnGemeente, zodat ze het de volgende keer zelf kan regelen.'],
    tips: ['Wijs de inwoner erop dat dit ook via MijnGemeente kan.'],
    notes: ['Niet gewezen op de online aanvraag.'],
    action: 'Wijs waar het kan op de online mogelijkheid in MijnGemeente',
  },
};

export const generalTops: readonly string[] = [
  'Prettig gesprek; de inwoner werd goed geholpen.',
  'Rustig tempo en een duidelijk antwoord.',
  'Klantvriendelijk en to the point.',
];

export const generalTips: readonly string[] = [
  'Weinig op aan te merken; let op een rustige afsluiting.',
  'Blijf zo doorgaan. Let bij drukte op je tempo.',
  'Geen grote aandachtspunten dit gesprek.',
];

export const sessionReactions: readonly string[] = [
  'Herkent zich in de feedback.',
  'Vond het fijn om de fragmenten samen terug te luisteren en gaat ermee aan de slag.',
  'Geeft aan dat het bij drukte erbij inschiet en let er bewust op.',
  'Is blij met de scores; wil graag een keer meeluisteren bij een collega.',
  'Had dit zelf ook al gemerkt en heeft een spiekbriefje bij de telefoon gelegd.',
  'Geen opmerkingen; akkoord met de beoordelingen.',
];

export const sessionTopIntro = 'Sterk deze maand: ';
export const sessionTipIntro = 'Aandachtspunt: ';

export const doneNotes: readonly string[] = [
  'Gaat nu goed: zichtbaar in alle beoordelingen van deze maand.',
  'Afgerond; doet het inmiddels standaard.',
  'Behaald: in de laatste gesprekken steeds goed gedaan.',
];

export const stillOpenNotes: readonly string[] = [
  'Nog niet stabiel; blijft staan tot het volgende gesprek.',
  'Nog niet zichtbaar in de gesprekken van deze maand; blijft staan.',
];

/** Action points that are not about one criterion. */
export const generalActions: readonly string[] = [
  "E-learning 'Omgaan met agressie aan de telefoon' afronden",
  'Kennisbankartikelen over verhuizen en uittreksels doorlezen',
  'Twee gesprekken van een collega terugluisteren en bespreken',
];

export const droppedAction = {
  description: 'Een dagdeel meeluisteren bij de backoffice Belastingen',
  note: 'Vervallen: de backoffice Belastingen heeft dit kwartaal geen ruimte voor meeluisteren. In plaats daarvan volgt de e-learning kwijtschelding.',
};

export const decliningStory = {
  reaction:
    'Geeft aan dat het thuis onrustig is en dat de concentratie minder is. Afgesproken om over vier weken samen te kijken hoe het gaat.',
  action: 'Elke week tien minuten met de coach een eigen gesprek terugluisteren',
};

export const disagreement = {
  reaction: 'Herkent het punt over samenvatten maar vindt het gesprek over de parkeervergunning te streng beoordeeld.',
  comment: 'De inwoner hing halverwege op, waardoor samenvatten en afspraken maken niet konden.',
};

export const dispute = {
  reason: (firstName: string) =>
    `${firstName} geeft aan dat de identiteit wél is gecontroleerd: geboortedatum en adres werden aan het begin gevraagd, voordat de aanslag werd besproken.`,
  markerText: 'Vraagt geboortedatum en adres',
  decision: 'Second opinion bevestigt dat de identiteit aan het begin van het gesprek is gecontroleerd. De second opinion telt.',
};

export const markerTexts = {
  greeting: 'Begroeting: vriendelijk, met naam en gemeente',
  hold: 'Zet de inwoner in de wacht om het na te vragen bij de backoffice',
  afterHold: 'Terug uit de wacht: bedankt voor het wachten',
};

export const onboardingTexts = {
  lateSignOff: 'Ingehaald na een dag ziekte.',
  completion: 'Zelfstandig aan de slag; de buddy blijft aanspreekpunt.',
  checkins: [
    {
      wentWell: 'Neemt zelfstandig gesprekken over afval en parkeren aan, met een rustige toon.',
      toPractise: 'Zoekt nog lang in de kennisbank bij vragen over belastingen.',
    },
    {
      wentWell: 'De identiteitscontrole gaat inmiddels vanzelf.',
      toPractise: 'Terugbelnotities: nog te vaak een te snelle belofte.',
    },
    {
      wentWell: 'Durft door te vragen als de vraag niet duidelijk is.',
      toPractise: 'Warm doorverbinden: de overdracht aan de collega kan korter.',
    },
    {
      wentWell: 'Bleef rustig bij een boze inwoner over een parkeerboete.',
      toPractise: 'Afspraken aan het eind samenvatten.',
    },
  ],
} as const;

/** The change of the rubric's second version: a criterion many KCCs added to steer towards online self-service. */
export const rubricVersionTwo = {
  sectionKey: 'antwoord',
  criterion: {
    key: 'kanaalsturing',
    title: 'Wijst waar passend op de online mogelijkheden (MijnGemeente)',
    description:
      'Bijvoorbeeld een verhuizing doorgeven, een parkeervergunning aanvragen of een grofvuilafspraak maken. N.v.t. als er voor deze vraag geen online mogelijkheid is.',
    type: 'yes_no' as const,
    levels: [],
    weight: 1,
    required: true,
    allowNa: true,
    criticalClass: null,
  },
};

/**
 * The closed calibration session's story: the coaches disagree on whether channel steering applies
 * when a resident says they have no DigiD, and on how much a summary without a check is worth.
 */
export const calibrationTexts = {
  kanaalsturing: {
    notApplicable: 'Inwoner zegt geen DigiD te hebben, dus online was geen optie.',
    missed: 'Niet gewezen op MijnGemeente; DigiD aanvragen had ook genoemd kunnen worden.',
    guidance:
      'N.v.t. alleen als er voor deze vraag geen online mogelijkheid is. Heeft de inwoner geen DigiD, wijs dan op DigiD aanvragen of iemand machtigen: dan telt het criterium gewoon mee.',
  },
  samenvatten: {
    generous: 'Vat de vraag goed samen; een controlevraag hoorde ik niet, maar het was duidelijk.',
    strict: 'Samenvatting pas na het antwoord, en zonder te checken of het klopt.',
    guidance:
      "Niveau 3: de adviseur vat samen maar checkt niet. Niveau 4 en 5 alleen met een controlevraag ('Heb ik het zo goed begrepen?') vóór het antwoord.",
  },
  notes:
    'Afgesproken: kanaalsturing is alleen n.v.t. als de vraag echt niet online kan; geen DigiD is geen reden. Samenvatten zonder controlevraag is niveau 3. De toelichting in het formulier wordt bij de volgende versie aangepast.',
} as const;
