/** The placeholder rules live in shared/: the admin's template editor checks and previews with the same code. */
export * from '../../../shared/placeholders';
