import type { ReactNode } from 'react';
import { OnboardingDashboardPage } from './OnboardingDashboardPage';
import { OnboardingPage } from './OnboardingPage';
import { ProgramEditorPage } from './ProgramEditorPage';
import { ProgramsPage } from './ProgramsPage';
import { StartOnboardingPage } from './StartOnboardingPage';

/**
 * The onboarding screens, relative to the layout route (mount each as `<Route path element />`).
 * Static segments win over `:id` in react-router, so `programs` and `new` never read as a track id.
 */
export const onboardingRoutes: { path: string; element: ReactNode }[] = [
  { path: 'onboarding', element: <OnboardingDashboardPage /> },
  { path: 'onboarding/new', element: <StartOnboardingPage /> },
  { path: 'onboarding/programs', element: <ProgramsPage /> },
  { path: 'onboarding/programs/:id', element: <ProgramEditorPage /> },
  { path: 'onboarding/:id', element: <OnboardingPage /> },
];
