// Hovers are Markdown the server renders from the draft's own words: the
// HTML made from them keeps only formatting, never scripts, frames or
// attributes (links only to http(s)).

const KEEP = new Set(["P", "BR", "HR", "EM", "STRONG", "B", "I", "CODE", "PRE", "UL", "OL", "LI", "A", "H1", "H2", "H3", "H4", "BLOCKQUOTE", "TABLE", "THEAD", "TBODY", "TR", "TH", "TD", "SPAN", "DIV", "DEL"]);

function clean(node) {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) continue;
    if (child.nodeType !== Node.ELEMENT_NODE || !KEEP.has(child.tagName)) {
      // an unknown element keeps its text; a script or style keeps nothing
      if (child.nodeType === Node.ELEMENT_NODE && !["SCRIPT", "STYLE", "IFRAME", "OBJECT", "TEMPLATE"].includes(child.tagName)) {
        node.replaceChild(document.createTextNode(child.textContent), child);
      } else {
        child.remove();
      }
      continue;
    }
    const href = child.tagName === "A" ? child.getAttribute("href") : null;
    for (const attr of Array.from(child.attributes)) child.removeAttribute(attr.name);
    if (href && /^https?:\/\//i.test(href)) {
      child.setAttribute("href", href);
      child.setAttribute("target", "_blank");
      child.setAttribute("rel", "noopener noreferrer");
    }
    clean(child);
  }
}

export function sanitize(html) {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
  clean(doc.body);
  return doc.body.innerHTML;
}
