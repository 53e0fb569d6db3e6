import {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';

/** The notification service's stand-in: keeps what it is asked to send. */
export class RecordingNotifications implements NotificationService {
  readonly sent: NotificationSendOptions[] = [];
  /** How many of the next sends fail, as when its backend is down. */
  failures = 0;

  async send(options: NotificationSendOptions): Promise<void> {
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('connect ECONNREFUSED notifications backend');
    }
    this.sent.push(options);
  }
}
