/** The tests use the demo's mail sink: a real SMTP server on loopback (smtp-server + mailparser). */
export { SmtpSink, type ReceivedMail } from '../../apps/cli/src/mail-sink';
