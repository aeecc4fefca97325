// Loaded before the widget manager: tell RequireJS that the module "anywidget" is the
// copy this site serves beside this file, so no widget code is ever fetched from a CDN.
require.config({
  paths: { anywidget: new URL("anywidget", document.currentScript.src).href },
});
