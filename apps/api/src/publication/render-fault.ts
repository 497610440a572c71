import type { DocumentSection, LagesbildDocument } from '@laget/contracts';

/**
 * Which part of a document a rendering step fails on. A publication used to fail five times with
 * nothing but the renderer's own words; the coordinator could not tell which incident to look at.
 */
export interface RenderFault {
  /** e.g. `section 3 "Skolan" (org-skolan), /items/1 (inc-2)`. */
  where: string;
  /** JSON Pointers into the section with characters out of the ordinary, and which (U+XXXX). */
  unusual: string[];
}

/**
 * Renders each section alone, and then each item of the first failing section alone, to find the
 * smallest part that fails by itself. Null when no part fails alone (the failure is not about the
 * content, e.g. memory or a lost connection: worth retrying).
 */
export async function locateRenderFault(
  document: LagesbildDocument,
  render: (document: LagesbildDocument) => Promise<unknown>,
): Promise<RenderFault | null> {
  const fails = async (sections: DocumentSection[]) => {
    try {
      await render({ ...document, sections });
      return false;
    } catch {
      return true;
    }
  };
  for (const [index, section] of document.sections.entries()) {
    if (!(await fails([section]))) continue;
    const name = `section ${index + 1} "${section.title}" (${section.id})`;
    for (const [itemIndex, item] of (section.items ?? []).entries()) {
      if (await fails([{ ...section, text: '', items: [item] }])) {
        const pointer = `/items/${itemIndex}`;
        return { where: `${name}, ${pointer} (${item.id})`, unusual: unusualTexts(item, pointer) };
      }
    }
    const pointer = section.text !== undefined ? '/text' : '';
    return { where: `${name}${pointer ? `, ${pointer}` : ''}`, unusual: unusualTexts(section, '') };
  }
  return null;
}

/** Controls (but tab and newline), lone surrogates and noncharacters: what renderers and stores trip on. */
const unusual =
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Every string under `value` holding unusual characters, as `pointer: U+XXXX, …`. */
export function unusualTexts(value: unknown, pointer = ''): string[] {
  if (typeof value === 'string') {
    const found = [...new Set(value.match(unusual) ?? [])];
    if (found.length === 0) return [];
    const codes = found.map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
    return [`${pointer || '/'}: ${codes.join(', ')}`];
  }
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    unusualTexts(item, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`),
  );
}

/** The sentence a job's error carries: where, which characters, and the renderer's own words. */
export function describeRenderFault(step: string, fault: RenderFault, error: unknown): string {
  const cause = error instanceof Error ? error.message : String(error);
  const chars = fault.unusual.length > 0 ? `; unusual characters at ${fault.unusual.join('; ')}` : '';
  return `${step} failed at ${fault.where}${chars}: ${cause}`;
}
