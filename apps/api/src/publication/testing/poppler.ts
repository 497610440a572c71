import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Reads PDFs back with poppler-utils (pdftotext, pdfinfo), the way a reader or a screen reader
 * would see them, so tests assert on what came out rather than on how it was drawn.
 */
export function popplerAvailable(): boolean {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function withFile<T>(pdf: Buffer, fn: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'laget-pdf-'));
  const path = join(dir, 'document.pdf');
  writeFileSync(path, pdf);
  try {
    return fn(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const run = (command: string, args: string[]) =>
  execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** The page text in reading order; `page` limits it to one page (1-based). */
export function pdfText(pdf: Buffer, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return withFile(pdf, (path) => run('pdftotext', [...range, '-enc', 'UTF-8', path, '-']));
}

/** `pdfinfo` as key → value ("Tagged" → "yes", "Pages" → "2"). */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  const out = withFile(pdf, (path) => run('pdfinfo', [path]));
  return Object.fromEntries(
    out
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1] ?? '', (m[2] ?? '').trim()]),
  );
}

/** The XMP metadata stream. */
export function pdfMetadata(pdf: Buffer): string {
  return withFile(pdf, (path) => run('pdfinfo', ['-meta', path]));
}

export interface StructNode {
  tag: string;
  attributes: Record<string, string>;
  /** The text directly inside this element. */
  ownText: string[];
  children: StructNode[];
}

/** The structure tree as `pdfinfo -struct-text` prints it. */
export function pdfStructure(pdf: Buffer): StructNode {
  const out = withFile(pdf, (path) => run('pdfinfo', ['-struct-text', path]));
  const root: StructNode = { tag: '#root', attributes: {}, ownText: [], children: [] };
  const stack: Array<{ indent: number; node: StructNode }> = [{ indent: -1, node: root }];
  for (const line of out.split('\n')) {
    if (line.trim() === '') continue;
    const indent = line.length - line.trimStart().length;
    const content = line.trim();
    while ((stack.at(-1)?.indent ?? -1) >= indent) stack.pop();
    const parent = stack.at(-1)?.node ?? root;
    if (content.startsWith('"')) {
      parent.ownText.push(content.slice(1, -1));
    } else if (content.startsWith('/')) {
      const [key = '', ...value] = content.slice(1).split(' ');
      parent.attributes[key] = value.join(' ');
    } else {
      const node: StructNode = {
        tag: content.split(/[\s:]/)[0] ?? '',
        attributes: {},
        ownText: [],
        children: [],
      };
      parent.children.push(node);
      stack.push({ indent, node });
    }
  }
  return root;
}

/** All text under a node, as a screen reader would read it. */
export function structText(node: StructNode): string {
  return [...node.ownText, ...node.children.map(structText)].join(' ');
}

export function findAll(node: StructNode, tag: string): StructNode[] {
  return [...(node.tag === tag ? [node] : []), ...node.children.flatMap((child) => findAll(child, tag))];
}

/** Collapses runs of whitespace, so wrapped lines compare equal to the source text. */
export const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
