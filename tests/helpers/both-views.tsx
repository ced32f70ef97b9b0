import { render, screen, within } from '@testing-library/preact';
import { PopupApp } from '../../entrypoints/popup/PopupApp';
import { SidePanelApp } from '../../entrypoints/sidepanel/SidePanelApp';

/** The popup and the side panel open at once on the store, as a Commander has them; queries scoped to each. */
export function renderBothViews() {
  render(
    <>
      <div data-testid="popup">
        <PopupApp />
      </div>
      <div data-testid="panel">
        <SidePanelApp />
      </div>
    </>,
  );
  return { popup: within(screen.getByTestId('popup')), panel: within(screen.getByTestId('panel')) };
}
