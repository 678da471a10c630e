export { DEMO_RETENTION_MONTHS, seedDemo, type DemoOptions, type DemoSummary } from './seed';
