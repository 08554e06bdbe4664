// Editor-independent helpers (no `vscode` import): year detection and cutting
// one standard table out of `nianbao skeleton` output. The Neovim plugin
// (editors/nvim/lua/nianbao/skeleton.lua) and nianbao.el implement the same
// two functions; keep them in step.

export const NUMERALS = ['一', '二', '三', '四', '五', '六'] as const;

/** '二' | '三' | '四' | 2 | 3 | 4 | '表三' | '3' → 2..4, else undefined. */
export function tableNumber(arg: unknown): 2 | 3 | 4 | undefined {
  if (typeof arg === 'number') return arg === 2 || arg === 3 || arg === 4 ? arg : undefined;
  if (typeof arg !== 'string') return undefined;
  const s = arg.trim().replace(/^表/, '');
  const n = /^[234]$/.test(s) ? Number(s) : NUMERALS.indexOf(s as (typeof NUMERALS)[number]) + 1;
  return n === 2 || n === 3 || n === 4 ? n : undefined;
}

/** The report year from a draft's title ("…2025 年政府信息公开工作年度报告"). */
export function detectYear(text: string): number | undefined {
  const head = text.split(/\r?\n/, 20).join('\n');
  const m = /((?:19|20)\d\d)\s*年度?\s*(?:政府)?信息公开工作年度报告/.exec(head);
  return m ? Number(m[1]) : undefined;
}

/** A section heading line of the skeleton ("三、…" or "## 三、…"), never a table row. */
const HEADING = /^(?:#{1,6}\s*)?([一二三四五六])、[^\t|]*$/;

/** The body of section `n` (its table for 2..4) out of a full skeleton. */
export function sectionBody(skeleton: string, n: number): string | undefined {
  const lines = skeleton.split(/\r?\n/);
  const start = lines.findIndex((l) => HEADING.exec(l)?.[1] === NUMERALS[n - 1]);
  if (start < 0) return undefined;
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    if (HEADING.test(lines[i])) {
      end = i;
      break;
    }
  }
  const body = lines.slice(start + 1, end);
  while (body.length && body[0].trim() === '') body.shift();
  while (body.length && body[body.length - 1].trim() === '') body.pop();
  return body.length ? body.join('\n') + '\n' : undefined;
}
