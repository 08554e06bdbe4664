// The side panel: every finding in Chinese with its line (click to jump),
// and the menu of fixes the server offers.

const $ = (id) => document.getElementById(id);

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
}

export function showFindings(list, view, fixesFor) {
  const box = $("findings");
  box.replaceChildren();
  const errors = list.filter((x) => x.d.severity === 1).length;
  $("summary").textContent = list.length
    ? `共 ${list.length} 处问题（错误 ${errors}，警告 ${list.length - errors}）`
    : view.state.doc.length
      ? "未发现问题"
      : "检查结果";
  if (!list.length && !view.state.doc.length) {
    box.append(el("li", "empty", "在左侧粘贴或输入报告正文，或点「打开文件」（.txt、.md、.docx、.html，也可拖到页面上）。空文档可点「快速修复」插入报告模板。"));
    return;
  }
  for (const { d, from } of list) {
    const li = el("li", "finding" + (d.severity === 1 ? " error" : ""));
    const line = view.state.doc.lineAt(Math.min(from, view.state.doc.length)).number;
    const head = el("div");
    head.append(el("span", "where", `第 ${line} 行`));
    if (typeof d.code === "string") head.append(el("span", "rule", d.code));
    li.append(head, el("div", "msg", d.message));
    li.dataset.line = String(line);
    li.onclick = () => {
      view.dispatch({ selection: { anchor: from }, scrollIntoView: true });
      view.focus();
    };
    // every finding has actions: its own fixes, a table rebuild, "disable on this line"
    {
      const b = el("button", "fix", d.data && d.data.fixes > 0 ? "修复…" : "操作…");
      b.onclick = (e) => {
        e.stopPropagation();
        fixesFor(d);
      };
      li.append(b);
    }
    box.append(li);
  }
}

export function showMenu(heading, items) {
  const menu = $("menu");
  menu.replaceChildren(el("div", "title", heading));
  if (!items.length) menu.append(el("div", "empty", "此处没有可用的修复"));
  for (const it of items) {
    const b = el("button", "action", it.title);
    b.onclick = () => {
      hideMenu();
      it.run();
    };
    menu.append(b);
  }
  const close = el("button", "close", "关闭");
  close.onclick = hideMenu;
  menu.append(close);
  menu.hidden = false;
  menu.scrollIntoView({ block: "nearest" });
}

export function hideMenu() {
  const menu = $("menu");
  menu.hidden = true;
  menu.replaceChildren();
}
