import type { NotificationItem, Role } from '@app/contracts';

/** Where a notification takes its reader: the report or submission it is about, else the period's board (or the officer's home). */
export function notificationTarget(n: Pick<NotificationItem, 'kind' | 'submissionId' | 'periodId' | 'link'>, role: Role): string | null {
  if (n.kind.startsWith('report.') && role !== 'officer') {
    // the message's link is the report page's address (…/reports/<id>)
    const report = /\/reports\/([0-9a-f-]{36})\/?$/i.exec(n.link ?? '')?.[1];
    if (report) return `/reports/${report}`;
    return n.periodId ? `/reports?periodId=${n.periodId}` : '/reports';
  }
  if (n.submissionId) return role === 'officer' ? `/unit/submissions/${n.submissionId}` : `/review/${n.submissionId}`;
  if (n.periodId) return role === 'officer' ? '/unit' : `/board/${n.periodId}`;
  return null;
}

/** Listeners of "the inbox changed" (a message read here): the header's bell reloads its count. */
const EVENT = 'tonghop:inbox-changed';

export function announceInboxChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function onInboxChanged(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
