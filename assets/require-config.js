// Loaded before the widget manager: RequireJS is told where each module lives, all of them
// in this folder, so that no widget code is ever fetched from a CDN.
// - "anywidget": the copy this site serves beside this file.
// - The widget manager's two parts that carry its icon fonts: each asks for the fonts in the
//   folder of its own module address, which RequireJS would otherwise put relative to the page
//   (two different folders, book/@jupyter-widgets/ and book/@jupyter-widgets/html-manager/dist/).
//   Here both resolve to this folder, where the fonts are copied.
{
  const here = (name) => new URL(name, document.currentScript.src).href;
  require.config({
    paths: {
      anywidget: here("anywidget"),
      "@jupyter-widgets/html-manager": here("html-manager"),
      "@jupyter-widgets/html-manager/dist/libembed-amd": here("libembed-amd"),
    },
  });
}
