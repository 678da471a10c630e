import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { common } from './common';
import { auditText } from '../features/audit/i18n';
import { backupsText } from '../features/backups/i18n';
import { demoText } from '../features/demo/i18n';
import { calibrationText } from '../features/calibration/i18n';
import { chartsText } from '../components/charts/i18n';
import { coachingText } from '../features/coaching/i18n';
import { disputesText } from '../features/disputes/i18n';
import { evaluationsText } from '../features/evaluations/i18n';
import { feedbackText } from '../features/feedback/i18n';
import { onboardingText } from '../features/onboarding/i18n';
import { playerText } from '../features/player/i18n';
import { privacyText } from '../features/privacy/i18n';
import { recordingsText } from '../features/recordings/i18n';
import { reportsText } from '../features/reports/i18n';
import { rubricsText } from '../features/rubrics/i18n';
import { samplingText } from '../features/sampling/i18n';
import { sessionText } from '../features/session/i18n';
import { settingsText } from '../features/settings/i18n';
import { sourcesText } from '../features/sources/i18n';
import { staffText } from '../features/staff/i18n';
import { teamText } from '../features/team/i18n';

/** Each feature owns its texts (nl and en side by side); they meet here as namespaces. */
const bundles = {
  common,
  session: sessionText,
  staff: staffText,
  recordings: recordingsText,
  player: playerText,
  evaluations: evaluationsText,
  settings: settingsText,
  sampling: samplingText,
  sources: sourcesText,
  coaching: coachingText,
  feedback: feedbackText,
  disputes: disputesText,
  calibration: calibrationText,
  rubrics: rubricsText,
  charts: chartsText,
  reports: reportsText,
  onboarding: onboardingText,
  privacy: privacyText,
  audit: auditText,
  backups: backupsText,
  demo: demoText,
  team: teamText,
};

export const namespaces = Object.keys(bundles) as Array<keyof typeof bundles>;

void i18next.use(initReactI18next).init({
  lng: 'nl',
  fallbackLng: 'nl',
  defaultNS: 'common',
  ns: namespaces,
  resources: {
    nl: Object.fromEntries(Object.entries(bundles).map(([ns, b]) => [ns, b.nl])),
    en: Object.fromEntries(Object.entries(bundles).map(([ns, b]) => [ns, b.en])),
  },
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18next;
