/* Pitchcraft: search with Pagefind inside Material's search dialog.
   Pagefind fetches only the index fragments a query needs, so the first result stays fast on
   sites with thousands of cards. Pitches are listed before cards; arrows, Enter and Escape
   work as in Material. */
(function () {
  "use strict";
  var dialog = document.querySelector("[data-pc-search]");
  if (!dialog) { return; }
  var toggle = document.getElementById("__search");
  var input = dialog.querySelector(".md-search__input");
  var meta = dialog.querySelector(".md-search-result__meta");
  var list = dialog.querySelector(".md-search-result__list");
  /* The site root comes from this script's own address (it lives at assets/), never from the
     page: card text may define elements with any id, so nothing here reads a URL or settings
     from the DOM. The getter is taken from the prototype, which named elements cannot shadow. */
  var me = Object.getOwnPropertyDescriptor(Document.prototype, "currentScript").get.call(document);
  var root = new URL("../", me.src);
  var loading = null;
  var ready = null; /* Pagefind, once loaded and merged */
  var latest = 0; /* counts edits of the box: a result for an older one is dropped */

  /* Loading Pagefind is a chain (its script, then the WebAssembly and the index's metadata),
     each link a round trip: started on the first sign the reader wants to search, it runs
     while they type instead of after. `init` starts the downloads at once; without it
     Pagefind waits for the first query.
     Pagefind runs on the page, not in its own worker (`noWorker`): the worker is a second
     copy of Pagefind (41 KB more to download and compile) that must start before the first
     download, about 0.1 s on the first search; on the page, the longest task this costs
     measured 50 ms at 10,000 cards (bench/RESULTS.md, "Where a search's time goes").
     A large site's index comes in parts (mkdocs/pagefind_search.py): the build lists the others in a
     file beside pagefind.js, fetched alongside it so it costs no round trip of its own, and
     each is merged before the first search, so every search, preload and result covers them
     all, ranked together. A merged part reuses the first part's WebAssembly. */
  function pagefind() {
    if (!loading) {
      var base = new URL("pagefind/", root);
      /* Checked with the server each time, never taken from the cache unasked (Pagefind
         fetches its own entry file fresh too): a stale list could name parts a rebuild removed. */
      var parts = fetch(new URL("pitchcraft-parts.json", base).href, { cache: "no-cache" })
        .then(function (response) { return response.ok ? response.json() : { merge: [] }; });
      var script = import(new URL("pagefind.js", base).href);
      loading = Promise.all([script, parts]).then(function (got) {
        var pf = got[0];
        return pf.options({ baseUrl: root.pathname, noWorker: true }).then(function () {
          pf.init();
          /* `preload("")` settles once the first part is loaded, and fails if it could not
             be: a merge, which waits for its WebAssembly, would then wait for ever. */
          return Promise.all([pf.preload("")].concat(got[1].merge.map(function (folder) {
            return pf.mergeIndex(new URL(folder, base).href, { baseUrl: root.pathname });
          })));
        }).then(function () { ready = pf; return pf; }, function (error) {
          /* Pagefind keeps a failed load; the next attempt starts from a new one. */
          return pf.destroy().then(function () { throw error; });
        });
      }).catch(function (error) {
        loading = null; /* a failed download is tried again at the next keystroke */
        throw error;
      });
    }
    return loading;
  }

  /* Loads Pagefind ahead of the first query; a failure shows at that query, not here. */
  function warm() {
    pagefind().catch(function () {});
  }

  function open() {
    toggle.checked = true;
    toggle.dispatchEvent(new Event("change"));
    input.focus();
    warm();
  }

  function close() {
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
    input.blur();
  }

  function chips(filters) {
    var nav = document.createElement("nav");
    nav.className = "md-tags";
    ["industry", "problem", "persona"].forEach(function (kind) {
      (filters[kind] || []).slice(0, 3).forEach(function (name) {
        var span = document.createElement("span");
        span.className = "md-tag";
        span.textContent = name;
        nav.appendChild(span);
      });
    });
    return nav;
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = data.url;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h1");
    title.textContent = (data.meta.kind ? data.meta.kind + ": " : "") + (data.meta.title || data.url);
    var summary = document.createElement("p");
    summary.textContent = data.meta.summary || "";
    var excerpt = document.createElement("p");
    excerpt.innerHTML = data.excerpt; /* Pagefind escapes page text; it adds only <mark> */
    article.appendChild(title);
    if (summary.textContent) { article.appendChild(summary); }
    article.appendChild(excerpt);
    article.appendChild(chips(data.filters || {}));
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }

  function search(query) {
    var ticket = latest;
    return pagefind().then(function (pf) {
      return ticket === latest ? pf.search(query) : null;
    }).then(function (found) {
      if (!found || ticket !== latest) { return null; }
      return Promise.all(found.results.slice(0, 20).map(function (r) { return r.data(); }))
        .then(function (pages) { return { total: found.results.length, pages: pages }; });
    }).then(function (result) {
      if (!result || ticket !== latest) { return; }
      var pitchesFirst = result.pages.filter(function (p) { return p.meta.kind === "Pitch"; })
        .concat(result.pages.filter(function (p) { return p.meta.kind !== "Pitch"; }));
      list.textContent = "";
      pitchesFirst.forEach(function (p) { list.appendChild(item(p)); });
      meta.textContent = result.total === 0 ? "No matching documents" :
        result.total + (result.total === 1 ? " matching document" : " matching documents");
    }).catch(function () {
      if (ticket !== latest) { return; }
      list.textContent = "";
      meta.textContent = "Search could not load: type to try again";
    });
  }

  /* Search as the reader types, with no pause to wait out: one search runs at a time, and
     keystrokes made meanwhile leave only the newest query waiting, so letters typed faster
     than a search (or while Pagefind loads) cost no search of their own, and a result shows
     as soon as the index allows. Once Pagefind is loaded, each keystroke also starts fetching
     the index chunks its words need (`preload`) while an earlier search still runs. */
  var running = null;
  var waiting = null;
  function next() {
    if (running || waiting === null) { return; }
    running = search(waiting);
    waiting = null;
    running.then(settled, settled);
  }
  function settled() { running = null; next(); }
  input.addEventListener("input", function () {
    var query = input.value;
    latest++;
    if (!query.trim()) { /* an emptied box clears at once, even while a search runs */
      waiting = null;
      list.textContent = "";
      meta.textContent = "Type to start searching";
      return;
    }
    if (ready) { ready.preload(query).catch(function () {}); }
    waiting = query;
    next();
  });
  /* A click into the box where the header shows it (Material, a wide window) opens the
     results under it, as Material's own search does. */
  input.addEventListener("focus", function () { if (toggle.checked) { warm(); } else { open(); } });
  ["pointerdown", "touchstart", "mouseover"].forEach(function (type) {
    document.querySelectorAll("label[for='__search']").forEach(function (label) {
      label.addEventListener(type, warm, { once: true, passive: true });
    });
  });
  dialog.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) { window.location.href = first.href; }
  });

  document.addEventListener("keydown", function (event) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName);
    if (!toggle.checked) {
      if (!typing && (event.key === "/" || event.key === "s" || event.key === "f")) {
        event.preventDefault();
        open();
      }
      return;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" && links.length) {
      event.preventDefault();
      links[Math.min(at + 1, links.length - 1)].focus();
    } else if (event.key === "ArrowUp" && links.length) {
      event.preventDefault();
      if (at <= 0) { input.focus(); } else { links[at - 1].focus(); }
    }
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) { setTimeout(function () { input.focus(); }, 50); }
  });
})();
