/** The HTML shell of a browser page built from src/ui: its stylesheet, a root element, and its script. */
export function pageHtml(title: string, assetBase: string, entry: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="${assetBase}/${entry}.css">
<style>html,body{margin:0;background:#f0f4f7}</style>
</head>
<body>
<div id="root"></div>
<script type="module" src="${assetBase}/${entry}.js"></script>
</body>
</html>`;
}
