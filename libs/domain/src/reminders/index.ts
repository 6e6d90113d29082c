export * from './policy';
export * from './due-reminders';
export * from './completeness';
export * from './messages';
