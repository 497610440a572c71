import { SaxesParser } from 'saxes';

/**
 * What keeps a text from being well-formed XML 1.0, by a conforming parser (saxes). The parser
 * reads code units, so lone surrogates are looked for here. An empty list: well-formed.
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(xml)) {
    problems.push('lone surrogate');
  }
  const parser = new SaxesParser();
  parser.on('error', (error) => problems.push(error.message));
  try {
    parser.write(xml).close();
  } catch (error) {
    problems.push(String(error));
  }
  return problems;
}
