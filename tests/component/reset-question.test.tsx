// The daily reset question (first run and options): a local time and a time zone, the browser's zone
// preselected, a live preview of the next reset that follows daylight saving, and Save returning the reset.
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ResetQuestion } from '../../components/ResetQuestion';
import { localDayTime, localTime } from '../../lib/format/local-time';

/** Wednesday 15 November 2023, 12:30 UTC: 13:30 in Berlin, 07:30 in New York. */
const WED = Date.UTC(2023, 10, 15, 12, 30);
const preview = (next: number) => `next reset: ${localDayTime(next)} your time · ${localTime(next, { timeZone: 'UTC' })} UTC`;
const zoneSelect = () => screen.getByRole('combobox', { name: 'Time zone' }) as HTMLSelectElement;
const timeInput = () => screen.getByLabelText('Reset time') as HTMLInputElement;
const previewLine = () => screen.getByText(/^next reset:|^Not a reset yet/).textContent;

describe('the daily reset question', () => {
  it('preselects the browser’s zone and offers UTC and every zone the browser knows, by name', () => {
    render(<ResetQuestion now={WED} onSave={() => {}} browserZone="Europe/Berlin" />);
    expect(zoneSelect().value).toBe('Europe/Berlin');
    const options = [...zoneSelect().options];
    expect(options[0]!.value).toBe('UTC');
    for (const zone of Intl.supportedValuesOf('timeZone')) expect(options.some((o) => o.value === zone), zone).toBe(true);
    expect(options.find((o) => o.value === 'America/New_York')!.textContent).toBe('America/New York');
    expect(new Set(options.map((o) => o.value)).size).toBe(options.length);
  });

  it('previews the next reset and follows the time and the zone as they change', () => {
    render(<ResetQuestion now={WED} onSave={() => {}} browserZone="Europe/Berlin" initial={{ time: '13:00', zone: 'Europe/Berlin' }} />);
    // 13:00 Berlin today has passed (13:30 now): tomorrow, Thursday, 12:00 UTC.
    expect(previewLine()).toBe(preview(Date.UTC(2023, 10, 16, 12)));
    fireEvent.input(timeInput(), { target: { value: '14:00' } });
    expect(previewLine()).toBe(preview(Date.UTC(2023, 10, 15, 13)));
    fireEvent.change(zoneSelect(), { target: { value: 'America/New_York' } });
    expect(previewLine()).toBe(preview(Date.UTC(2023, 10, 15, 19)));
    fireEvent.change(zoneSelect(), { target: { value: 'UTC' } });
    expect(previewLine()).toBe(preview(Date.UTC(2023, 10, 15, 14)));
  });

  it('keeps the wall-clock hour across a DST change in the preview', () => {
    // Saturday 30 March 2024, 12:30 UTC: Berlin's 13:00 reset (12:00 UTC today) has passed; tomorrow is summer time.
    render(<ResetQuestion now={Date.UTC(2024, 2, 30, 12, 30)} onSave={() => {}} browserZone="Europe/Berlin" initial={{ time: '13:00', zone: 'Europe/Berlin' }} />);
    expect(previewLine()).toBe(preview(Date.UTC(2024, 2, 31, 11)));
    expect(previewLine()).toContain(`· ${localTime(Date.UTC(2024, 2, 31, 11), { timeZone: 'UTC' })} UTC`);
  });

  it('returns the chosen reset on Save', () => {
    const onSave = vi.fn();
    render(<ResetQuestion now={WED} onSave={onSave} browserZone="Europe/Berlin" />);
    fireEvent.input(timeInput(), { target: { value: '07:00' } });
    fireEvent.change(zoneSelect(), { target: { value: 'America/New_York' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledExactlyOnceWith({ time: '07:00', zone: 'America/New_York' });
  });

  it('says what is missing and saves nothing while the time is empty', () => {
    const onSave = vi.fn();
    render(<ResetQuestion now={WED} onSave={onSave} browserZone="UTC" />);
    fireEvent.input(timeInput(), { target: { value: '' } });
    expect(previewLine()).toBe('Not a reset yet: “” is not a time of day like 13:00.');
    const save = screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.submit(save.closest('form')!);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('starts from the browser’s zone when the given one is unknown here', () => {
    render(<ResetQuestion now={WED} onSave={() => {}} browserZone="Asia/Kolkata" initial={{ time: '05:00', zone: 'Mars/Olympus_Mons' }} />);
    expect(zoneSelect().value).toBe('Asia/Kolkata');
    expect(timeInput().value).toBe('05:00');
  });
});
