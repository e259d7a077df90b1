// Small helpers to build elements without innerHTML: text from the API never becomes markup.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'text') element.textContent = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** Replaces the main content and moves the focus to its heading, so screen readers follow. */
export function show(...children) {
  const main = document.getElementById('main');
  main.replaceChildren(...children.flat(Infinity).filter(c => c !== null && c !== undefined && c !== false));
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}

export function link(href, text, cls) {
  return h('a', { href, class: cls, 'data-nav': '' }, text);
}

/** A live message: announced when it changes. */
export function liveRegion(id) {
  return h('div', { id, role: 'status', 'aria-live': 'polite' });
}

export function say(region, text, cls = 'notice') {
  region.replaceChildren(text ? h('p', { class: cls }, text) : '');
}
