import type { ReactNode } from 'react';
import { CalibrationPage } from './CalibrationPage';
import { SessionPage } from './SessionPage';

/** The calibration screens, relative to the layout route; the static `history` wins over `:id`. */
export const calibrationRoutes: { path: string; element: ReactNode }[] = [
  { path: 'calibration', element: <CalibrationPage tab="sessions" /> },
  { path: 'calibration/history', element: <CalibrationPage tab="history" /> },
  { path: 'calibration/:id', element: <SessionPage /> },
];
