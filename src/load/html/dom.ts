// The few shapes of the parsed tree we rely on (htmlparser2's domhandler nodes, reached
// through cheerio/slim), and iterative helpers over them: pages may nest 20,000 deep,
// so nothing here recurses.

export interface DomNode {
  type: string;
  parent: DomNode | null;
}

export interface DomElement extends DomNode {
  name: string;
  attribs: Record<string, string>;
  children: DomNode[];
}

export interface DomText extends DomNode {
  data: string;
}

/** domhandler gives <script> and <style> their own node types; all three are elements. */
export const isElement = (node: DomNode): node is DomElement =>
  node.type === 'tag' || node.type === 'script' || node.type === 'style';

export const isText = (node: DomNode): node is DomText => node.type === 'text';

export const hasChildren = (node: DomNode): node is DomNode & { children: DomNode[] } =>
  Array.isArray((node as { children?: unknown }).children);

export const attr = (el: DomElement, name: string): string => el.attribs[name] ?? '';

/**
 * Visit every node below `root` in document order. `enter` may return false to skip a
 * node's subtree; `leave` (optional) runs after an element's subtree.
 */
export function walk(
  root: DomNode,
  enter: (node: DomNode) => boolean | void,
  leave?: (el: DomElement) => void,
): void {
  const stack: Array<{ node: DomNode; leaving: boolean }> = [];
  const pushChildren = (node: DomNode) => {
    if (!hasChildren(node)) return;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, leaving: false });
  };
  pushChildren(root);
  while (stack.length > 0) {
    const { node, leaving } = stack.pop()!;
    if (leaving) {
      leave!(node as DomElement);
      continue;
    }
    if (enter(node) === false) continue;
    if (leave && isElement(node)) stack.push({ node, leaving: true });
    pushChildren(node);
  }
}

/** All elements below `root` (document order) named one of `names`. */
export function findAll(root: DomNode, names: ReadonlySet<string>): DomElement[] {
  const found: DomElement[] = [];
  walk(root, (n) => {
    if (isElement(n) && names.has(n.name)) found.push(n);
  });
  return found;
}

/** The text of a subtree, with no block separation (for metadata and hint checks). */
export function textContent(root: DomNode): string {
  if (isText(root)) return root.data;
  const parts: string[] = [];
  walk(root, (n) => {
    if (isText(n)) parts.push(n.data);
    else if (isElement(n) && (n.type === 'script' || n.type === 'style')) return false;
  });
  return parts.join('');
}

/** Whitespace runs (any Unicode space) → one plain space, trimmed. */
export const squash = (s: string): string => s.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();

/** Ancestors of `node`, nearest first. */
export function* ancestors(node: DomNode): Generator<DomNode> {
  for (let p = node.parent; p; p = p.parent) yield p;
}
