// Markdown of a plan comment -> an HTML page that looks like a GitHub comment (GFM via marked, GitHub's markdown CSS,
// a comment box in an 880 px window). A script marks the page for build/render-comment.sh: data-wide-tables (tables
// that need a horizontal scroll bar, as GitHub shows a table wider than the comment) and data-height (for the full
// screenshot).
// Usage: node build/render-comment.mjs <folder with node_modules> <in.md> <out.html>
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const [tools, input, output] = process.argv.slice(2);
const require = createRequire(join(tools, "node_modules", "x.js"));
const { marked } = require("marked");
const css = readFileSync(require.resolve("github-markdown-css/github-markdown-light.css"), "utf8");

const body = marked.parse(readFileSync(input, "utf8"), { gfm: true });
writeFileSync(output, `<!doctype html>
<html><head><meta charset="utf-8"><style>
${css}
body { margin: 0; background: #fff; font-family: -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
.comment { margin: 16px; border: 1px solid #d0d7de; border-radius: 6px; }
.comment header { background: #f6f8fa; border-bottom: 1px solid #d0d7de; padding: 8px 16px; font-size: 14px; color: #59636e; border-radius: 6px 6px 0 0; }
.comment header b { color: #1f2328; }
.markdown-body { padding: 16px; font-size: 14px; }
</style></head><body>
<div class="comment"><header><b>github-actions</b> bot commented</header>
<article class="markdown-body">
${body}
</article></div>
<script>
  const wide = [...document.querySelectorAll("article table")].filter(t => t.scrollWidth > t.clientWidth + 1).length;
  document.body.dataset.wideTables = String(wide);
  document.body.dataset.height = String(Math.ceil(document.documentElement.scrollHeight));
</script>
</body></html>
`);
