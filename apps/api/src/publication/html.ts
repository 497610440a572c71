import { xmlWritable } from './writable-text.js';

/**
 * Server-side HTML by tagged template: every interpolated value is escaped unless it is already
 * `SafeHtml`, so text from a lägesbild can never become markup on the public site.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escaped, and without the characters a page cannot hold (NUL, lone surrogates: writable-text.ts). */
export function escapeHtml(text: string): string {
  return xmlWritable(text).replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

type Interpolation = SafeHtml | string | number | null | undefined | false | Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  return new SafeHtml(
    strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]) : ''), ''),
  );
}

/** Text with single line breaks kept as `<br>`, escaped. */
export function textWithBreaks(text: string): SafeHtml {
  return new SafeHtml(text.split('\n').map(escapeHtml).join('<br>\n'));
}
