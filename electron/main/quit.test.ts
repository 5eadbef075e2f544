import { describe, expect, it, vi } from 'vitest';
import { stopCoreBeforeQuit } from './quit';

function fakeApp() {
  const listeners: Array<(event: { preventDefault: () => void }) => void> = [];
  const app = {
    on: vi.fn((_name: string, listener: (event: { preventDefault: () => void }) => void) => {
      listeners.push(listener);
      return app;
    }),
    quit: vi.fn(),
  };
  const willQuit = () => {
    const event = { preventDefault: vi.fn() };
    for (const listener of listeners) listener(event);
    return event;
  };
  return { app, willQuit };
}

describe('stopCoreBeforeQuit', () => {
  it('holds the first quit until the core has stopped, then quits for real', async () => {
    const { app, willQuit } = fakeApp();
    let finishStopping!: () => void;
    const close = vi.fn(() => new Promise<void>((resolve) => (finishStopping = resolve)));
    stopCoreBeforeQuit(app as unknown as Electron.App, close);
    expect(willQuit().preventDefault).toHaveBeenCalled();
    expect(close).toHaveBeenCalledTimes(1);
    expect(app.quit).not.toHaveBeenCalled();
    willQuit(); // a second Cmd+Q while stopping does not stop twice
    expect(close).toHaveBeenCalledTimes(1);
    finishStopping();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    expect(willQuit().preventDefault).not.toHaveBeenCalled();
  });

  it('quits at once when no core was started', async () => {
    const { app, willQuit } = fakeApp();
    stopCoreBeforeQuit(app as unknown as Electron.App, () => undefined);
    willQuit();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
  });

  it('quits anyway when the core fails to stop or hangs', async () => {
    const failing = fakeApp();
    stopCoreBeforeQuit(failing.app as unknown as Electron.App, () => Promise.reject(new Error('worker gone')));
    failing.willQuit();
    await vi.waitFor(() => expect(failing.app.quit).toHaveBeenCalled());

    const hanging = fakeApp();
    stopCoreBeforeQuit(hanging.app as unknown as Electron.App, () => new Promise<void>(() => undefined), 20);
    hanging.willQuit();
    await vi.waitFor(() => expect(hanging.app.quit).toHaveBeenCalled());
  });
});
