// shouce serve: reloads this page after a rebuild and shows build errors over it.
// Served from memory by `shouce serve` only; never part of the built site.
(function () {
  "use strict";
  var me = document.currentScript;
  var generation = me ? me.getAttribute("data-generation") : null;
  var source = null;
  var overlay = null;
  var badge = null;

  function showBuilding(on) {
    if (on && !badge) {
      badge = document.createElement("div");
      badge.setAttribute("role", "status");
      badge.textContent = "正在重新构建… · Rebuilding…";
      badge.style.cssText =
        "position:fixed;right:12px;bottom:12px;z-index:2147483647;padding:6px 10px;border-radius:6px;" +
        "background:#1f2937;color:#fff;font:13px/1.4 system-ui,sans-serif;opacity:.92";
      document.body.appendChild(badge);
    }
    if (badge) badge.style.display = on ? "" : "none";
  }

  function showErrors(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "shouce-build-errors";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText =
        "position:fixed;left:0;right:0;bottom:0;z-index:2147483647;max-height:60vh;overflow:auto;" +
        "margin:0;padding:12px 16px;background:#fff4f4;color:#5c0000;border-top:4px solid #b00020;" +
        "font:14px/1.5 system-ui,sans-serif;box-shadow:0 -2px 12px rgba(0,0,0,.3)";
      var head = document.createElement("div");
      head.style.cssText = "display:flex;justify-content:space-between;gap:1em;font-weight:bold";
      var title = document.createElement("span");
      title.textContent = "构建失败 · Build failed — this page still shows the last good build";
      var close = document.createElement("button");
      close.type = "button";
      close.textContent = "×";
      close.setAttribute("aria-label", "关闭 · Close");
      close.style.cssText = "font:inherit;font-size:20px;line-height:1;background:none;border:0;color:inherit;cursor:pointer";
      close.addEventListener("click", function () {
        overlay.style.display = "none";
      });
      head.appendChild(title);
      head.appendChild(close);
      var pre = document.createElement("pre");
      pre.style.cssText = "margin:8px 0 0;white-space:pre-wrap;font:13px/1.45 ui-monospace,monospace";
      overlay.appendChild(head);
      overlay.appendChild(pre);
      document.body.appendChild(overlay);
    }
    overlay.style.display = "";
    overlay.querySelector("pre").textContent = text;
  }

  function connect() {
    if (source || document.hidden) return;
    source = new EventSource("/__shouce/events");
    // A page served by an older build (a rebuild happened while it was hidden) reloads.
    source.addEventListener("hello", function (e) {
      if (generation !== null && e.data !== generation) location.reload();
    });
    source.addEventListener("reload", function () {
      location.reload();
    });
    source.addEventListener("building", function () {
      showBuilding(true);
    });
    source.addEventListener("build-error", function (e) {
      showBuilding(false);
      showErrors(e.data);
    });
  }

  // Hidden tabs let go of their connection: browsers allow only six per server.
  document.addEventListener("visibilitychange", function () {
    if (document.hidden) {
      if (source) source.close();
      source = null;
    } else {
      connect();
    }
  });
  connect();
})();
