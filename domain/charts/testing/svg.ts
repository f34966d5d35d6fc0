/** Reading rendered SVG and HTML in tests: well-formedness and the elements a chart is made of. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

type Ordered = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  unpairedTags: ['meta'],
  processEntities: true,
  htmlEntities: true,
});

function toElements(nodes: Ordered[]): XmlElement[] {
  const out: XmlElement[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((key) => key !== ':@');
    if (name === undefined || name === '#text' || name.startsWith('?') || name === '!DOCTYPE') continue;
    const children = (node[name] as Ordered[]) ?? [];
    const text = children
      .filter((c) => '#text' in c)
      .map((c) => String(c['#text']))
      .join('');
    out.push({ name, attributes: (node[':@'] as Record<string, string>) ?? {}, children: toElements(children), text });
  }
  return out;
}

/** Throws with the parser's message when `xml` is not well-formed; returns the root elements otherwise. */
export function parseXml(xml: string): XmlElement[] {
  const valid = XMLValidator.validate(xml, { unpairedTags: ['meta'] });
  if (valid !== true) throw new Error(`not well-formed: ${valid.err.msg} at line ${valid.err.line}`);
  return toElements(parser.parse(xml) as Ordered[]);
}

export function findAll(roots: readonly XmlElement[], test: (e: XmlElement) => boolean): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    if (test(e)) found.push(e);
    e.children.forEach(walk);
  };
  roots.forEach(walk);
  return found;
}

/** Every text of an element and its descendants, in document order. */
export function textsOf(roots: readonly XmlElement[]): string[] {
  return findAll(roots, () => true)
    .map((e) => e.text)
    .filter((t) => t !== '');
}

/** Points of a polyline path: the number of move/line commands in its `d`. */
export function pathPoints(d: string): number {
  return (d.match(/[ML]/g) ?? []).length;
}
