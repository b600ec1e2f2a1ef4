/** The corrections and trust screens, one lazily loaded chunk (see App.tsx). */
export { ErrorReportQueue, ErrorReportScreen } from './ErrorReports.tsx';
