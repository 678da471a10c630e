/**
 * The demo KCC's people: names as varied as a Dutch municipal contact centre's (Dutch, Moroccan,
 * Turkish, Surinamese, Antillean, Indonesian, Polish, Eritrean, Syrian roots). Invented names;
 * any likeness to a real person is chance. `voice` sets the pitch of their side of a call.
 */
export type Voice = 'low' | 'high';

export interface DemoName {
  name: string;
  voice: Voice;
}

export const TEAMS = ['KCC Noord', 'KCC Zuid'] as const;
export type DemoTeam = (typeof TEAMS)[number];

export const advisorNames: readonly DemoName[] = [
  { name: 'Sanne de Vries', voice: 'high' },
  { name: 'Mohammed El Idrissi', voice: 'low' },
  { name: 'Daan Bakker', voice: 'low' },
  { name: 'Fatima Yilmaz', voice: 'high' },
  { name: 'Priya Ramdin', voice: 'high' },
  { name: 'Kevin Jansen', voice: 'low' },
  { name: 'Noor Amrani', voice: 'high' },
  { name: 'Lars Visser', voice: 'low' },
  { name: 'Esra Demir', voice: 'high' },
  { name: 'Thijs van Dijk', voice: 'low' },
  { name: 'Samira Bouzid', voice: 'high' },
  { name: 'Jeroen Smit', voice: 'low' },
  { name: 'Anouk Meijer', voice: 'high' },
  { name: 'Rachid Benali', voice: 'low' },
  { name: 'Lotte Mulder', voice: 'high' },
  { name: 'Dewi Soeprapto', voice: 'high' },
  { name: 'Stefan Kowalski', voice: 'low' },
  { name: 'Shirley Kromosoeto', voice: 'high' },
  { name: 'Iris de Boer', voice: 'high' },
  { name: 'Youssef Haddou', voice: 'low' },
  { name: 'Ilse Hendriks', voice: 'high' },
  { name: 'Burak Aydın', voice: 'low' },
  { name: 'Femke Kuipers', voice: 'high' },
  { name: 'Romano Wijngaarde', voice: 'low' },
  { name: 'Naima Azzouzi', voice: 'high' },
  { name: 'Bas van der Linden', voice: 'low' },
  { name: 'Zeynep Kaya', voice: 'high' },
  { name: 'Ruud Dekker', voice: 'low' },
  { name: 'Chantal Martina', voice: 'high' },
  { name: 'Tim de Graaf', voice: 'low' },
  { name: 'Aylin Şahin', voice: 'high' },
  { name: 'Jasper Vos', voice: 'low' },
  { name: 'Agnieszka Nowak', voice: 'high' },
  { name: 'Sven Brouwer', voice: 'low' },
  { name: 'Yasmina Ouali', voice: 'high' },
  { name: 'Marloes Peters', voice: 'high' },
  { name: 'Dennis Sedney', voice: 'low' },
  { name: 'Hanna Tesfay', voice: 'high' },
  { name: 'Wouter Koster', voice: 'low' },
  { name: 'Layla Haddad', voice: 'high' },
];

export interface StaffPlan {
  name: string;
  team: DemoTeam;
}

/** Two coaches per team. */
export const coachPlans: readonly StaffPlan[] = [
  { name: 'Marieke Hoekstra', team: 'KCC Noord' },
  { name: 'Hamza Bouali', team: 'KCC Noord' },
  { name: 'Linda Groen', team: 'KCC Zuid' },
  { name: 'Ricardo Tjon', team: 'KCC Zuid' },
];

export const trainerPlans: readonly StaffPlan[] = [
  { name: 'Petra van Leeuwen', team: 'KCC Noord' },
  { name: 'Kemal Öztürk', team: 'KCC Zuid' },
];

/** The team manager leads both teams; the staff record needs one. */
export const managerPlan: StaffPlan = { name: 'Annemiek Willems', team: 'KCC Noord' };

export const firstName = (name: string): string => name.split(' ')[0] ?? name;
