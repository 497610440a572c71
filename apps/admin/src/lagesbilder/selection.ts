/**
 * Where a text selection lies in the internal view: the field it is in (an element carrying
 * `data-section-id` and `data-path`), and its offsets in that field's text in UTF-16 code units.
 * A selection that spans two fields is not a redaction and gives undefined.
 */
export interface FieldSelection {
  sectionId: string;
  path: string;
  start: number;
  end: number;
  text: string;
}

function fieldOf(node: Node | null): HTMLElement | null {
  const element = node instanceof HTMLElement ? node : (node?.parentElement ?? null);
  return element?.closest<HTMLElement>('[data-path][data-section-id]') ?? null;
}

function offsetIn(field: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(field);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The selected offsets inside one element's text, when the whole selection lies inside it. */
export function selectionWithin(
  element: HTMLElement,
  selection: Selection | null,
): { start: number; end: number } | undefined {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  const range = selection.getRangeAt(0);
  if (!element.contains(range.startContainer) || !element.contains(range.endContainer)) return undefined;
  const start = offsetIn(element, range.startContainer, range.startOffset);
  const end = offsetIn(element, range.endContainer, range.endOffset);
  return end > start ? { start, end } : undefined;
}

export function selectionInField(selection: Selection | null): FieldSelection | undefined {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  const range = selection.getRangeAt(0);
  const field = fieldOf(range.startContainer);
  if (!field || field !== fieldOf(range.endContainer)) return undefined;
  const start = offsetIn(field, range.startContainer, range.startOffset);
  const end = offsetIn(field, range.endContainer, range.endOffset);
  if (end <= start) return undefined;
  return {
    sectionId: field.dataset.sectionId ?? '',
    path: field.dataset.path ?? '',
    start,
    end,
    text: (field.textContent ?? '').slice(start, end),
  };
}
