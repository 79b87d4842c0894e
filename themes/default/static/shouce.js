// shouce page behaviour. Plain script, no modules or fetch: the site runs from file://.
(function () {
  "use strict";
  // The folder of this script: the reading tables sit next to it.
  var here = document.currentScript ? document.currentScript.src.replace(/[^/]*$/, "") : "";
  var toggle = document.querySelector(".menu-toggle");
  var sidebar = document.getElementById("sidebar");
  if (toggle && sidebar) {
    toggle.addEventListener("click", function () {
      var open = sidebar.classList.toggle("open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && sidebar.classList.contains("open")) {
        sidebar.classList.remove("open");
        toggle.setAttribute("aria-expanded", "false");
        toggle.focus();
      }
    });
  }
  // Answers are folded on screen but printed in full.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) {
      d.setAttribute("open", "");
      opened.push(d);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.removeAttribute("open"); });
    opened = [];
  });

  // Storage may be disabled (a locked-down desktop): then a choice lasts for this page only.
  function load(key) {
    try { return window.localStorage.getItem(key); } catch { return null; }
  }
  function save(key, value) {
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, value);
    } catch { /* the choice still holds for this page */ }
  }

  // The tools sit in the header on wide screens and in the 目录 drawer on phones: two copies.
  var toolSets = document.querySelectorAll(".reader-tools");
  if (!toolSets.length) return;
  var tools = toolSets[0];
  toolSets.forEach(function (t) { t.hidden = false; });

  // Text size: steps of the root font size (the theme sizes everything in rem).
  var SIZES = [87.5, 100, 112.5, 125, 150, 175];
  var size = SIZES.indexOf(parseFloat(load("shouce-text-size")));
  if (size < 0) size = 1;
  var sizeButtons = document.querySelectorAll(".reader-tools [data-size]");
  function showSize() {
    document.documentElement.style.fontSize = size === 1 ? "" : SIZES[size] + "%";
    sizeButtons.forEach(function (b) {
      var step = parseInt(b.getAttribute("data-size"), 10);
      b.disabled = size + step < 0 || size + step >= SIZES.length;
    });
  }
  sizeButtons.forEach(function (b) {
    b.addEventListener("click", function () {
      size = Math.max(0, Math.min(SIZES.length - 1, size + parseInt(b.getAttribute("data-size"), 10)));
      save("shouce-text-size", size === 1 ? null : String(SIZES[size]));
      showSize();
    });
  });
  showSize();

  // Copy-link buttons beside each heading's anchor.
  var status = document.createElement("p");
  status.className = "copy-status";
  status.setAttribute("role", "status");
  document.body.appendChild(status);
  var statusTimer = 0;
  function say(text) {
    status.textContent = text;
    status.classList.add("shown");
    clearTimeout(statusTimer);
    statusTimer = setTimeout(function () { status.classList.remove("shown"); }, 2500);
  }
  function copyText(text, done) {
    function fallback() {
      // Older browsers and some file:// settings have no asynchronous clipboard.
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch { ok = false; }
      document.body.removeChild(area);
      done(ok);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
    } else {
      fallback();
    }
  }
  var LINK_ICON = '<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">' +
    '<path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"/></svg>';
  document.querySelectorAll("#main .content a.anchor").forEach(function (a) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-link";
    button.setAttribute("aria-label", tools.getAttribute("data-copy"));
    button.title = tools.getAttribute("data-copy");
    button.innerHTML = LINK_ICON;
    button.addEventListener("click", function () {
      var url = location.href.split("#")[0] + a.getAttribute("href");
      copyText(url, function (ok) {
        if (ok) {
          say(tools.getAttribute("data-copied"));
        } else {
          location.hash = a.getAttribute("href");
          say(tools.getAttribute("data-copy-failed"));
        }
      });
    });
    a.parentNode.insertBefore(button, a.nextSibling);
  });

  // 简/繁: converts the page's text with a table made for this handbook at build time,
  // always from the original text (never a conversion of a conversion).
  var switchButtons = document.querySelectorAll(".reader-tools [data-script]");
  if (!switchButtons.length) return;
  var SKIP = { SCRIPT: 1, STYLE: 1, CODE: 1, PRE: 1, KBD: 1, SAMP: 1, TEXTAREA: 1, NOSCRIPT: 1 };
  var ATTRS = ["title", "aria-label", "placeholder", "alt"];
  var originalText = new WeakMap();
  var originalAttrs = new WeakMap();
  var originalTitle = document.title;
  var originalLang = document.documentElement.lang;
  var converters = {};
  var mode = null;

  // Longest key first at each position, stage after stage: what OpenCC does (src/reading).
  function compile(stages) {
    var prepared = stages.map(function (table) {
      var map = new Map();
      var first = new Set();
      var max = 0;
      Object.keys(table).forEach(function (key) {
        map.set(key, table[key]);
        first.add(key.charCodeAt(0));
        if (key.length > max) max = key.length;
      });
      return { map: map, first: first, max: max };
    });
    return function (text) {
      prepared.forEach(function (stage) {
        var out = "";
        var i = 0;
        var n = text.length;
        while (i < n) {
          if (!stage.first.has(text.charCodeAt(i))) {
            out += text[i];
            i += 1;
            continue;
          }
          var len = Math.min(stage.max, n - i);
          for (; len > 0; len--) {
            var value = stage.map.get(text.substr(i, len));
            if (value !== undefined) {
              out += value;
              break;
            }
          }
          if (len > 0) {
            i += len;
          } else {
            out += text[i];
            i += 1;
          }
        }
        text = out;
      });
      return text;
    };
  }

  function convertTree(root) {
    var convert = mode ? converters[mode] : null;
    function text(node) {
      var original = originalText.has(node) ? originalText.get(node) : node.data;
      var wanted = convert ? convert(original) : original;
      if (wanted !== node.data) {
        if (!originalText.has(node)) originalText.set(node, original);
        node.data = wanted;
      }
    }
    function attrs(el) {
      var saved = originalAttrs.get(el);
      ATTRS.forEach(function (name) {
        if (!el.hasAttribute(name)) return;
        var original = saved && name in saved ? saved[name] : el.getAttribute(name);
        var wanted = convert ? convert(original) : original;
        if (wanted !== el.getAttribute(name)) {
          if (!saved) { saved = {}; originalAttrs.set(el, saved); }
          if (!(name in saved)) saved[name] = original;
          el.setAttribute(name, wanted);
        }
      });
    }
    if (root.nodeType === 3) {
      var parent = root.parentElement;
      if (parent && !SKIP[parent.nodeName] && !parent.closest("[data-script-keep]")) text(root);
      return;
    }
    if (root.nodeType !== 1 || SKIP[root.nodeName] || root.closest("[data-script-keep]")) return;
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        if (node.nodeType === 1 && (SKIP[node.nodeName] || node.hasAttribute("data-script-keep"))) {
          return NodeFilter.FILTER_REJECT;
        }
        return NodeFilter.FILTER_ACCEPT;
      }
    });
    attrs(root);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === 3) text(node); else attrs(node);
    }
  }

  function show(next) {
    mode = next;
    switchButtons.forEach(function (b) {
      b.setAttribute("aria-pressed", b.getAttribute("data-script") === mode ? "true" : "false");
    });
    document.documentElement.lang = mode === "hans" ? "zh-Hans" : mode === "hant" ? "zh-Hant" : originalLang;
    document.title = mode ? converters[mode](originalTitle) : originalTitle;
    convertTree(document.body);
  }

  function choose(next) {
    if (!next || converters[next]) {
      show(next);
      return;
    }
    var script = document.createElement("script");
    script.src = here + "script-" + next + ".js";
    script.onload = function () {
      var tables = window.shouceScript && window.shouceScript[next];
      if (!tables) return;
      converters[next] = compile(tables);
      show(next);
    };
    document.head.appendChild(script);
  }

  switchButtons.forEach(function (b) {
    b.addEventListener("click", function () {
      var next = b.getAttribute("data-script") === mode ? null : b.getAttribute("data-script");
      save("shouce-script", next);
      choose(next);
    });
  });
  // Search results and other text added later follow the current choice.
  new MutationObserver(function (records) {
    if (!mode) return;
    records.forEach(function (r) {
      r.addedNodes.forEach(convertTree);
    });
  }).observe(document.body, { childList: true, subtree: true });

  var saved = load("shouce-script");
  if (saved === "hans" || saved === "hant") choose(saved);

  // 本版修订: the note lists the sentences this edition added; one click marks the blocks
  // (paragraphs, list items, table cells) that hold them. Spaces are ignored on both sides:
  // Markdown's line breaks between Chinese characters are not in the record's sentences.
  var mark = document.querySelector(".revision-mark");
  var revised = document.querySelectorAll(".revised-sentences li");
  var content = document.querySelector(".page .content");
  if (mark && revised.length && content) {
    var squeeze = function (s) { return s.replace(/\s+/g, ""); };
    var wanted = Array.prototype.map.call(revised, function (li) { return squeeze(li.textContent); });
    var found = null;
    var blocks = function () {
      if (found) return found;
      found = [];
      content.querySelectorAll("p, li, td, th, dt, dd, h2, h3, h4, h5, h6, pre, figcaption").forEach(function (el) {
        // The innermost block only: a list item's paragraph, not the list item around it too.
        if (el.querySelector("p, li, td, th, dt, dd, pre")) return;
        var text = squeeze(el.textContent);
        if (text && wanted.some(function (w) { return text.indexOf(w) >= 0; })) found.push(el);
      });
      return found;
    };
    var label = mark.textContent;
    mark.hidden = false;
    mark.setAttribute("aria-pressed", "false");
    mark.addEventListener("click", function () {
      var on = mark.getAttribute("aria-pressed") !== "true";
      blocks().forEach(function (el) { el.classList.toggle("revised", on); });
      mark.setAttribute("aria-pressed", on ? "true" : "false");
      mark.textContent = on ? mark.getAttribute("data-hide") : label;
      if (on && found.length) found[0].scrollIntoView({ block: "center" });
    });
  }

  // 打印本页: the page itself prints as a handout (its print styles hide the navigation).
  document.querySelectorAll(".print-this").forEach(function (p) {
    p.hidden = false;
    p.querySelector("button").addEventListener("click", function () { window.print(); });
  });

  // 打印本章: `print.html?only=c4` shows that chapter alone, as a handout: the line above
  // instead of the cover, only its entries and contents lines; the binder's HTML is shared,
  // so no page of the site exists twice for it.
  var only = /[?&]only=([cp][0-9]+)(&|$)/.exec(window.location.search);
  if (only && document.body.classList.contains("binder")) {
    var mine = function (el) { return (" " + (el.getAttribute("data-in") || "") + " ").indexOf(" " + only[1] + " ") >= 0; };
    var chosen = Array.prototype.filter.call(document.querySelectorAll(".binder-entry"), mine);
    if (chosen.length) {
      document.querySelectorAll(".binder-entry, .binder-toc li").forEach(function (el) {
        if (!mine(el)) el.hidden = true;
      });
      document.querySelectorAll(".cover, .binder-revisions, .binder-missing").forEach(function (el) { el.hidden = true; });
      var head = document.querySelector(".handout-head");
      if (head) {
        head.hidden = false;
        head.style.page = chosen[0].style.page;
      }
      var toc = document.querySelector(".binder-toc");
      // With its contents hidden, the first entry follows the line on the same sheet.
      if (toc && chosen.length < 2) {
        toc.hidden = true;
        chosen[0].style.breakBefore = "auto";
      }
      var title = chosen[0].querySelector(".entry-title");
      if (title) document.title = title.textContent + " - " + document.title;
    }
  }

  // Binders in two editions. 讲师版 (the default): practice items numbered, answers in full, and
  // an answer key at the end numbered like them. 学员版: each answer's text hidden where it
  // stands, its lines kept as ruled space to write in (as long as the answer), no key. The
  // switch sits in the toolbar (not printed); `shouce pdf --edition` sets the class, and
  // `?edition=trainee` chooses it in a link.
  var binderBody = document.querySelector(".binder .binder-body");
  if (binderBody) {
    var number = 0;
    var answers = [];
    binderBody.querySelectorAll(".block-practice, .block-answer").forEach(function (el) {
      if (el.classList.contains("block-practice")) {
        number += 1;
        var label = el.querySelector(".block-label");
        if (label) label.textContent = label.textContent + " " + number;
        el.setAttribute("data-practice", String(number));
      } else if (number) {
        answers.push({ n: number, el: el });
      }
    });
    if (answers.length) {
      var key = document.createElement("section");
      key.className = "binder-entry answer-key";
      var heading = document.createElement("h1");
      heading.className = "entry-title";
      heading.textContent = document.body.getAttribute("data-answer-key") || "";
      key.appendChild(heading);
      var list = document.createElement("ol");
      answers.forEach(function (a) {
        var item = document.createElement("li");
        item.value = a.n;
        var body = a.el.querySelector(".block-body");
        if (body) item.appendChild(body.cloneNode(true));
        list.appendChild(item);
      });
      key.appendChild(list);
      binderBody.appendChild(key);
      var editions = document.querySelector(".edition-switch");
      var chooseEdition = function (edition) {
        document.body.classList.toggle("edition-trainee", edition === "trainee");
        if (editions) {
          editions.querySelectorAll("button").forEach(function (b) {
            b.setAttribute("aria-pressed", b.getAttribute("data-edition") === edition ? "true" : "false");
          });
        }
      };
      var asked = /[?&]edition=(trainee|trainer)(&|$)/.exec(window.location.search);
      chooseEdition(asked ? asked[1] : document.body.classList.contains("edition-trainee") ? "trainee" : "trainer");
      if (editions) {
        editions.hidden = false;
        editions.querySelectorAll("button").forEach(function (b) {
          b.addEventListener("click", function () { chooseEdition(b.getAttribute("data-edition")); });
        });
      }
    }
  }
})();
