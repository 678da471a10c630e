import { Center, Loader } from '@mantine/core';
import { useEffect, useState } from 'react';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import type { StaffRole } from '@contract';
import { ErrorAlert } from '../components/ErrorAlert';
import { AuditLogPage } from '../features/audit/AuditLogPage';
import { calibrationRoutes } from '../features/calibration/routes';
import { MyMonthPage } from '../features/coaching/MyMonthPage';
import { PlanPage } from '../features/coaching/PlanPage';
import { TeamPage } from '../features/coaching/TeamPage';
import { DisputesPage } from '../features/disputes/DisputesPage';
import { EvaluationPage } from '../features/evaluations/EvaluationPage';
import { FeedbackSessionPage } from '../features/feedback/FeedbackSessionPage';
import { FeedbackSessionView } from '../features/feedback/FeedbackSessionView';
import { onboardingRoutes } from '../features/onboarding/routes';
import { RecordingPage } from '../features/recordings/RecordingPage';
import { RecordingsPage } from '../features/recordings/RecordingsPage';
import { DashboardPage } from '../features/reports/DashboardPage';
import { ReportPage } from '../features/reports/ReportPage';
import { TrendPage } from '../features/reports/TrendPage';
import { RubricEditorPage } from '../features/rubrics/RubricEditorPage';
import { RubricsPage } from '../features/rubrics/RubricsPage';
import { SamplingPage } from '../features/sampling/SamplingPage';
import { ProfilePicker } from '../features/session/ProfilePicker';
import { SignInPage } from '../features/session/SignInPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { LibraryPage } from '../features/sources/LibraryPage';
import { SourcesPage } from '../features/sources/SourcesPage';
import { AdvisorPage } from '../features/staff/AdvisorPage';
import { StaffPage } from '../features/staff/StaffPage';
import { Layout } from './Layout';
import { useSession } from './session-store';

/** Where each role starts its day: coaches with their month, managers with the month's numbers, trainers with the new hires. */
const homes: Record<StaffRole, string> = { manager: '/dashboard', coach: '/my-month', trainer: '/onboarding', advisor: '/recordings' };
const homeFor = (role: StaffRole) => homes[role];

export function App() {
  const { session, load } = useSession();
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    load().catch((e: unknown) => setError(e instanceof Error ? e : new Error(String(e))));
  }, [load]);

  if (error) return <ErrorAlert error={error} />;
  if (!session) {
    return (
      <Center h="100vh">
        <Loader aria-label="Laden" />
      </Center>
    );
  }
  if (!session.profile) return session.signInRequired ? <SignInPage /> : <ProfilePicker />;

  // Hash routes work for file:// in Electron and for the web server alike, and deep-link both ways.
  return (
    <HashRouter>
      <Routes>
        {/* The printed report stands outside the app's frame: no menu or header on paper. */}
        <Route path="report/:period" element={<ReportPage />} />
        <Route element={<Layout />}>
          <Route index element={<Navigate to={homeFor(session.profile.role)} replace />} />
          <Route path="dashboard" element={<DashboardPage />} />
          <Route path="my-month" element={<MyMonthPage />} />
          <Route path="team" element={<TeamPage />} />
          <Route path="plan" element={<PlanPage />} />
          <Route path="recordings" element={<RecordingsPage />} />
          <Route path="recordings/:id" element={<RecordingPage />} />
          <Route path="samples" element={<SamplingPage />} />
          <Route path="staff" element={<StaffPage />} />
          <Route path="staff/:id" element={<AdvisorPage />} />
          <Route path="staff/:id/trend" element={<TrendPage />} />
          <Route path="staff/:id/feedback/new" element={<FeedbackSessionPage />} />
          <Route path="feedback/:id" element={<FeedbackSessionView />} />
          <Route path="evaluations/:id" element={<EvaluationPage />} />
          <Route path="disputes" element={<DisputesPage />} />
          <Route path="rubrics" element={<RubricsPage />} />
          <Route path="rubrics/versions/:id" element={<RubricEditorPage />} />
          <Route path="library" element={<LibraryPage />} />
          <Route path="sources" element={<SourcesPage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="audit" element={<AuditLogPage />} />
          {calibrationRoutes.map((r) => (
            <Route key={r.path} path={r.path} element={r.element} />
          ))}
          {onboardingRoutes.map((r) => (
            <Route key={r.path} path={r.path} element={r.element} />
          ))}
          <Route path="*" element={<Navigate to={homeFor(session.profile.role)} replace />} />
        </Route>
      </Routes>
    </HashRouter>
  );
}
