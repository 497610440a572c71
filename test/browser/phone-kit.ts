import type { Locator, Page } from 'playwright-core';

/**
 * What the reporter's phone journey measures: every tap and every field typed into, kept apart,
 * so the journey can say how many steps the panel adds beyond the form's own fields.
 */
export class ActionCounter {
  /** Taps and clicks that are not an answer to a field: open, add, save, submit. */
  readonly taps: string[] = [];
  /** Fields answered: text typed into, or a choice made (severity, Berör). */
  readonly fields: string[] = [];

  async tap(target: Locator, what: string): Promise<void> {
    this.taps.push(what);
    await target.tap();
  }

  async type(target: Locator, text: string, what: string): Promise<void> {
    this.fields.push(what);
    // A tap into the field and the typing are one field: the count is of fields, not keystrokes.
    await target.tap();
    await target.fill(text);
  }

  async choose(target: Locator, what: string): Promise<void> {
    this.fields.push(what);
    await target.tap();
  }

  /** A pick from a native select (the incident category): one field, as on the phone's own picker. */
  async select(target: Locator, label: string, what: string): Promise<void> {
    this.fields.push(what);
    await target.selectOption({ label });
  }

  summary(): string {
    return (
      `${this.taps.length} actions beyond the fields (${this.taps.join(', ')}); ` +
      `${this.fields.length} fields; ${this.taps.length + this.fields.length} in all`
    );
  }
}

/** Width the page would scroll sideways by; 0 where nothing sticks out. */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * Controls smaller than 44 × 44 CSS px in the page's main content and any open dialog (WCAG
 * 2.5.5): buttons, links that are buttons, and the label a radio is tapped by.
 */
export function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const roots = [...document.querySelectorAll('#main-content, [role="dialog"]')] as HTMLElement[];
    const small: string[] = [];
    for (const root of roots)
      for (const element of root.querySelectorAll<HTMLElement>(
        'button, a.MuiButton-root, input[type="radio"]',
      )) {
        const target = element.matches('input[type="radio"]')
          ? (element.closest('label') ?? element)
          : element;
        const box = target.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        if (box.height < 44 || box.width < 44)
          small.push(
            `${target.tagName.toLowerCase()} "${(target.textContent || target.getAttribute('aria-label') || '').trim().slice(0, 40)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
          );
      }
    return small;
  });
}

/** The ids of the elements Tab visits from where the focus is now, `steps` times. */
export async function tabOrder(page: Page, steps: number): Promise<string[]> {
  const visited: string[] = [];
  for (let i = 0; i < steps; i += 1) {
    await page.keyboard.press('Tab');
    visited.push(
      await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element) return '';
        const text = (element.textContent ?? '').trim().slice(0, 30);
        return element.id || element.getAttribute('name') || text || element.tagName.toLowerCase();
      }),
    );
  }
  return visited;
}
