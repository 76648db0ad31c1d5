/* Pitchcraft: search with Pagefind inside Material's search dialog.
   Pagefind fetches only the index fragments a query needs, so the first result stays fast on
   sites with thousands of cards. Pitches are listed before cards; arrows, Enter and Escape
   work as in Material. Above the results, one row of toggle buttons per filter the pages
   carry (site/search_facets.py) narrows them: one value per filter, the filters together,
   each button showing how many results it would leave. */
(function () {
  "use strict";
  var dialog = document.querySelector("[data-pc-search]");
  if (!dialog) { return; }
  var toggle = document.getElementById("__search");
  var input = dialog.querySelector(".md-search__input");
  var meta = dialog.querySelector(".md-search-result__meta");
  var list = dialog.querySelector(".md-search-result__list");
  var bar = dialog.querySelector("[data-pc-search-filters]");
  /* The filters, in the order of their rows, with the name each row shows; a filter the
     index has and this list lacks gets a row after them, named by its key. */
  var FACETS = [["kind", "Type"], ["industry", "Industry"], ["problem", "Problem"],
                ["persona", "Persona"], ["freshness", "Review"]];
  var chosen = Object.create(null); /* filter key -> the one value the reader chose */
  var totals = null; /* each filter value's pages on the whole site, once loaded */
  /* A row shows its values with the most results first, at most LIMIT of them (and the
     chosen one) until the reader asks for the rest: a site with fifty industries keeps its
     results on the first screen. */
  var LIMIT = 6;
  var expanded = Object.create(null); /* filter key -> true: the row shows every value */
  var shownCounts = {}; /* the counts the rows show now, to draw them again when expanded */
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
     all, ranked together. A merged part reuses the first part's WebAssembly. The filters of
     every part are loaded once all are merged (`filters()` sums them): only then does a
     search say how many results each filter value would leave. */
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
        }).then(function () {
          return pf.filters();
        }).then(function (all) { totals = all; ready = pf; return pf; }, function (error) {
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

  /* Loads Pagefind ahead of the first query; a failure shows at that query, not here. Once
     loaded, an empty box says so and offers the filters with the whole site's counts. */
  function warm() {
    pagefind().then(function () {
      if (!idle()) { return; }
      meta.textContent = "Type to start searching";
      facets(totals || {});
    }, function () {});
  }

  function anyChosen() {
    return Object.keys(chosen).length > 0;
  }

  function idle() {
    return !input.value.trim() && !anyChosen();
  }

  function except(key) {
    var filters = {};
    Object.keys(chosen).forEach(function (k) { if (k !== key) { filters[k] = chosen[k]; } });
    return filters;
  }

  function facetOrder(counts) {
    var known = FACETS.map(function (f) { return f[0]; });
    return FACETS.concat(Object.keys(counts).filter(function (key) {
      return known.indexOf(key) === -1;
    }).sort().map(function (key) { return [key, key.charAt(0).toUpperCase() + key.slice(1)]; }));
  }

  function button(className, focusKey) {
    var made = document.createElement("button");
    made.type = "button";
    made.className = className;
    made.setAttribute("data-focus", focusKey);
    return made;
  }

  /* One row per filter: its values that leave at least one result (and the chosen one), the
     most results first, each with its count. The rows are made again after each search; the
     button that had the focus gets it back. */
  function facets(counts) {
    shownCounts = counts;
    var had = document.activeElement;
    var focus = had && bar.contains(had) ? had.getAttribute("data-focus") : null;
    var again = null;
    bar.textContent = "";
    facetOrder(counts).forEach(function (facet) {
      var key = facet[0];
      var values = counts[key] || {};
      var names = Object.keys(values).filter(function (v) { return values[v] > 0; });
      if (key in chosen && names.indexOf(chosen[key]) === -1) { names.push(chosen[key]); }
      if (!names.length) { return; }
      names.sort(function (a, b) { return (values[b] || 0) - (values[a] || 0) || a.localeCompare(b); });
      var shown = expanded[key] ? names : names.slice(0, LIMIT);
      if (key in chosen && shown.indexOf(chosen[key]) === -1) { shown.push(chosen[key]); }
      var row = document.createElement("div");
      row.className = "pc-search-facet";
      row.setAttribute("role", "group");
      var name = document.createElement("span");
      name.className = "pc-search-facet__name";
      name.id = "pc-search-facet-" + key.replace(/[^a-z0-9-]/gi, "-");
      name.textContent = facet[1];
      row.setAttribute("aria-labelledby", name.id);
      row.appendChild(name);
      shown.forEach(function (value) {
        var n = values[value] || 0;
        var chip = button("pc-chip", "chip\n" + key + "\n" + value);
        chip.setAttribute("data-key", key);
        chip.setAttribute("data-value", value);
        chip.setAttribute("aria-pressed", chosen[key] === value ? "true" : "false");
        chip.setAttribute("aria-label", value + ": " + n + (n === 1 ? " result" : " results"));
        chip.appendChild(document.createTextNode(value));
        var count = document.createElement("span");
        count.className = "pc-chip__count";
        count.textContent = String(n);
        chip.appendChild(count);
        row.appendChild(chip);
      });
      if (expanded[key] ? names.length > LIMIT : names.length > shown.length) {
        var more = button("pc-chip pc-chip--more", "more\n" + key);
        more.setAttribute("data-more", key);
        more.setAttribute("aria-expanded", expanded[key] ? "true" : "false");
        more.textContent = expanded[key] ? "Fewer" : (names.length - shown.length) + " more";
        row.appendChild(more);
      }
      bar.appendChild(row);
    });
    bar.hidden = !bar.firstChild;
    if (focus !== null) {
      bar.querySelectorAll("button").forEach(function (b) {
        if (b.getAttribute("data-focus") === focus) { again = b; }
      });
      (again || input).focus();
    }
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

  function documents(n) {
    return n + (n === 1 ? " matching document" : " matching documents");
  }

  /* `query` null: the chosen filters alone. A value's count is the results it would leave
     with the other filters as they are: for a filter with no value chosen Pagefind gives it
     with the search, and for one with a value chosen a search without that filter does. */
  function search(query) {
    var ticket = latest;
    var keys = Object.keys(chosen);
    var filters = except(null);
    return pagefind().then(function (pf) {
      if (ticket !== latest) { return null; }
      return Promise.all([pf.search(query, { filters: filters })].concat(keys.map(function (k) {
        return pf.search(query, { filters: except(k) });
      })));
    }).then(function (searches) {
      if (!searches || ticket !== latest) { return null; }
      var found = searches[0];
      var counts = {};
      Object.keys(found.filters || {}).forEach(function (k) { counts[k] = found.filters[k]; });
      keys.forEach(function (k, n) { counts[k] = (searches[n + 1].filters || {})[k] || {}; });
      return Promise.all(found.results.slice(0, 20).map(function (r) { return r.data(); }))
        .then(function (pages) {
          return { total: found.results.length, all: found.unfilteredResultCount,
                   pages: pages, counts: counts };
        });
    }).then(function (result) {
      if (!result || ticket !== latest) { return; }
      var pitchesFirst = result.pages.filter(function (p) { return p.meta.kind === "Pitch"; })
        .concat(result.pages.filter(function (p) { return p.meta.kind !== "Pitch"; }));
      list.textContent = "";
      pitchesFirst.forEach(function (p) { list.appendChild(item(p)); });
      facets(result.counts);
      if (result.total === 0 && !keys.length) {
        meta.textContent = "No matching documents";
      } else if (keys.length && query !== null) {
        meta.textContent = result.total + " of " + documents(result.all);
      } else {
        meta.textContent = documents(result.total);
      }
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
  var waiting = null; /* { query }: the newest search asked for, not started yet */
  function next() {
    if (running || waiting === null) { return; }
    running = search(waiting.query);
    waiting = null;
    running.then(settled, settled);
  }
  function settled() { running = null; next(); }
  /* The words in the box or the chosen filters changed: search again. */
  function changed() {
    var query = input.value;
    latest++;
    if (idle()) { /* an emptied box clears at once, even while a search runs */
      waiting = null;
      list.textContent = "";
      meta.textContent = "Type to start searching";
      if (totals) { facets(totals); }
      return;
    }
    if (!query.trim()) { query = null; } /* the filters alone */
    if (ready && query !== null) { ready.preload(query).catch(function () {}); }
    waiting = { query: query };
    next();
  }
  input.addEventListener("input", changed);
  bar.addEventListener("click", function (event) {
    var more = event.target.closest("button[data-more]");
    if (more) {
      var row = more.getAttribute("data-more");
      expanded[row] = !expanded[row];
      facets(shownCounts);
      return;
    }
    var chip = event.target.closest("button[data-key]");
    if (!chip) { return; }
    var key = chip.getAttribute("data-key");
    var value = chip.getAttribute("data-value");
    if (chosen[key] === value) { delete chosen[key]; } else { chosen[key] = value; }
    chip.setAttribute("aria-pressed", chosen[key] === value ? "true" : "false");
    changed();
  });
  /* A click or Tab into the header's box opens the dialog, as Material's own search does:
     without it the results would be made below a closed dialog. */
  input.addEventListener("focus", function () {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    warm();
  });
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
