import nodemailer, { type Transporter } from 'nodemailer';
import { type SqlDatabase, type SqlExecutor, withStartupSchemaLock } from '@laget/event-store';
import type { EmailTransportKind } from './email.decider.js';
import { storable } from '../../storable-text.js';

export interface EmailMessage {
  /** Also the idempotency key of the delivery. */
  emailId: string;
  to: string;
  subject: string;
  text: string;
}

/** Where e-mail goes: an SMTP server when SMTP_URL is set, otherwise the `outbox` table. */
export interface EmailTransport {
  readonly kind: EmailTransportKind;
  send(message: EmailMessage): Promise<{ messageId: string }>;
  close(): Promise<void>;
}

export const defaultSender = 'Läget <noreply@laget.invalid>';

export class SmtpEmailTransport implements EmailTransport {
  readonly kind = 'smtp' as const;
  private readonly transporter: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string = defaultSender,
  ) {
    this.transporter = nodemailer.createTransport(smtpUrl);
  }

  async send(message: EmailMessage): Promise<{ messageId: string }> {
    const info = await this.transporter.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      // The receiving side can tell a redelivery of the same e-mail apart from a new one.
      messageId: `<${message.emailId}@laget>`,
    });
    return { messageId: info.messageId };
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}

/**
 * Development and test delivery without an SMTP server: the message is written to the `outbox`
 * table of the read database, once per e-mail id however often the job runs.
 */
export class OutboxEmailTransport implements EmailTransport {
  readonly kind = 'outbox' as const;

  private constructor(private readonly db: SqlDatabase) {}

  static async open(db: SqlDatabase): Promise<OutboxEmailTransport> {
    await withStartupSchemaLock(db, setupOutboxTable);
    return new OutboxEmailTransport(db);
  }

  async send(message: EmailMessage): Promise<{ messageId: string }> {
    const messageId = `<${message.emailId}@laget>`;
    await this.db.query(
      `INSERT INTO outbox (email_id, message_id, recipient, subject, body) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (email_id) DO NOTHING`,
      storable([message.emailId, messageId, message.to, message.subject, message.text]),
    );
    return { messageId };
  }

  async close(): Promise<void> {}
}

export async function setupOutboxTable(sql: SqlExecutor): Promise<void> {
  await sql.query(`
    CREATE TABLE IF NOT EXISTS outbox (
      email_id text PRIMARY KEY,
      message_id text NOT NULL,
      recipient text NOT NULL,
      subject text NOT NULL,
      body text NOT NULL,
      written_at timestamptz NOT NULL DEFAULT now()
    )`);
}

/** SMTP when a URL is configured, else the outbox table. */
export async function openEmailTransport(options: {
  smtpUrl?: string | undefined;
  from?: string;
  db: SqlDatabase;
}): Promise<EmailTransport> {
  return options.smtpUrl
    ? new SmtpEmailTransport(options.smtpUrl, options.from)
    : OutboxEmailTransport.open(options.db);
}
