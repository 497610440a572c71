/** The municipality's reporting settings (deadline, meeting weekday, crime categories). */
export const REPORTING_SETTINGS = Symbol('REPORTING_SETTINGS');
