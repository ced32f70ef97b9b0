import { useEffect, useState } from 'preact/hooks';
import { MAX_MINUTES_BEFORE_END } from '@/lib/notifications/plan';
import { askFor, giveBack, holds, NOTIFICATIONS } from '@/lib/permissions/permission-adapter';
import { recordSettings } from '@/lib/storage/writes';
import { Switch } from '@/components/Switch';
import type { NotificationSettings } from '@/lib/commander/settings';

interface Props {
  settings: NotificationSettings;
  reload: () => Promise<void>;
}

/**
 * Notifications are off by default. Turning them on asks for the optional `notifications` permission
 * (inside the click, as browsers require); turning them off gives it back.
 */
export function OptionsNotifications({ settings, reload }: Props) {
  const [message, setMessage] = useState('');
  const [permitted, setPermitted] = useState<boolean | undefined>();
  const [minutes, setMinutes] = useState(String(settings.minutesBeforeEnd));
  const minutesValid = /^\d{1,4}$/.test(minutes.trim()) && Number(minutes) <= MAX_MINUTES_BEFORE_END;

  useEffect(() => {
    void holds(NOTIFICATIONS).then(setPermitted);
  }, [settings.enabled]);
  useEffect(() => setMinutes(String(settings.minutesBeforeEnd)), [settings.minutesBeforeEnd]);

  const save = async (change: Partial<NotificationSettings>) => {
    await recordSettings((s) => ({ ...s, notifications: { ...s.notifications, ...change } }));
    await reload();
  };

  const toggle = (on: boolean, box: HTMLInputElement) => {
    setMessage('');
    if (!on) {
      void save({ enabled: false }).then(() => giveBack(NOTIFICATIONS));
      return;
    }
    // The permission request must be the first thing the click does.
    const asking = askFor(NOTIFICATIONS);
    box.checked = settings.enabled;
    void asking.then(async (granted) => {
      if (!granted) {
        setMessage('The browser did not allow notifications, so they stay off.');
        return;
      }
      await save({ enabled: true });
      setPermitted(true);
    });
  };

  return (
    <section id="notifications" class="options-section" aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">Notifications</h2>
      <p class="muted">
        Reminders for the milestones of the tracks you follow. They come from the extension’s background at the right moment, once
        each; clicking one opens the tracker.
      </p>
      <Switch checked={settings.enabled} onChange={toggle}>
        Show notifications
      </Switch>
      {settings.enabled && permitted === false && (
        <p role="alert" class="alert">
          Notifications are on here, but the browser’s permission is missing (it was withdrawn, or a restored backup turned them on).
          Turn them off and on again to grant it.
        </p>
      )}
      <p role="status" class="status">
        {message}
      </p>
      <div class="field inline">
        <label for="notify-minutes">Minutes before a live milestone ends, while it is not completed</label>
        <input
          id="notify-minutes"
          type="number"
          min={0}
          max={MAX_MINUTES_BEFORE_END}
          step={1}
          inputMode="numeric"
          value={minutes}
          aria-invalid={!minutesValid}
          aria-describedby="notify-minutes-hint"
          onInput={(event) => setMinutes(event.currentTarget.value)}
          onChange={(event) => {
            const value = event.currentTarget.value.trim();
            if (/^\d{1,4}$/.test(value) && Number(value) <= MAX_MINUTES_BEFORE_END) void save({ minutesBeforeEnd: Number(value) });
          }}
        />
        <span id="notify-minutes-hint" class={minutesValid ? 'muted small' : 'field-problem small'}>
          {minutesValid ? '0 for no reminder; at most 1440 (one day).' : 'A whole number of minutes from 0 to 1440.'}
        </span>
      </div>
      <Switch checked={settings.onStart} onChange={(on) => void save({ onStart: on })}>
        Notify when a milestone starts
      </Switch>
    </section>
  );
}
