/** A tiny hyperscript helper: enough DOM building for a thin client, no framework. */
export type Child = Node | string | number | null | undefined | false;
type Handlers = { [K in keyof HTMLElementEventMap]?: (ev: HTMLElementEventMap[K]) => void };

export interface Props {
  class?: string;
  /** Rendered as `data-testid`: stable selectors for the browser tests. */
  testid?: string;
  /** Other attributes; `true` sets an empty attribute, `false`/`null`/`undefined` omit it. */
  attrs?: Readonly<Record<string, string | number | boolean | null | undefined>>;
  /** Set as DOM properties after the children are in (so a select's value matches an option). */
  value?: string;
  checked?: boolean;
  on?: Handlers;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K, props: Props = {}, ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.testid) el.dataset['testid'] = props.testid;
  for (const [name, v] of Object.entries(props.attrs ?? {})) {
    if (v === true) el.setAttribute(name, '');
    else if (v !== false && v !== null && v !== undefined) el.setAttribute(name, String(v));
  }
  append(el, children);
  if (props.value !== undefined && 'value' in el) (el as HTMLInputElement).value = props.value;
  if (props.checked !== undefined && el instanceof HTMLInputElement) el.checked = props.checked;
  for (const [type, handler] of Object.entries(props.on ?? {})) {
    if (handler) el.addEventListener(type, handler as EventListener);
  }
  return el;
}

export function append(el: Node, children: readonly Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

export function replaceChildren(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}
