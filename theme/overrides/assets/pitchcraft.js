/* Pitchcraft: the pitch finder, persona tabs from the URL, print buttons, and the chooser
   of an alternative to pitch against.
   Plain DOM code over the static site: no server, no build step. */
(function () {
  "use strict";

  function finder(form) {
    // The site build decides every answer (pitch page URLs, tab anchors, the nearest covered
    // combinations of each uncovered one): this script only looks them up. Items are
    // taxonomy indexes: "industry.problem" for a pitch page, plus ".persona" for a choice.
    var data = JSON.parse(form.getAttribute("data-pc-finder-data"));
    var result = form.querySelector(".pc-finder__result");
    var fields = ["industry", "problem", "persona"];
    var lists = [data.industries, data.problems, data.personas];

    function chosen() {
      return fields.map(function (f, i) {
        var value = form.elements[f].value;
        return lists[i].findIndex(function (item) { return item[0] === value; });
      });
    }

    function url(key) {  // a combination without a `nearest` entry is covered
      if (Object.prototype.hasOwnProperty.call(data.nearest, key)) { return null; }
      var parts = key.split(".");
      return data.pages[parts[0] + "." + parts[1]] + data.anchors[+parts[2]];
    }

    function name(key, separator) {
      return key.split(".").map(function (n, i) { return lists[i][+n][1]; }).join(separator);
    }

    function go(wanted) {
      if (wanted.indexOf(-1) !== -1) { return; }  // a permalink to an id the site lacks
      var key = wanted.join(".");
      var target = url(key);
      if (target) {
        window.location.href = target;
        return;
      }
      result.textContent = "";
      var p = document.createElement("p");
      p.className = "pc-finder__gap";
      p.textContent = "Not covered yet: no pitch for " + name(key, " \u00d7 ") + ".";
      result.appendChild(p);
      var close = (data.nearest[key] || "").split(" ").filter(Boolean);
      if (close.length) {
        var intro = document.createElement("p");
        intro.textContent = "Nearest pitches:";
        result.appendChild(intro);
        var list = document.createElement("ul");
        close.forEach(function (c) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = url(c);
          a.textContent = name(c, " \u00b7 ");
          li.appendChild(a);
          list.appendChild(li);
        });
        result.appendChild(list);
      }
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var wanted = chosen();
      var query = new URLSearchParams();
      fields.forEach(function (f) { query.set(f, form.elements[f].value); });
      history.replaceState(null, "", "?" + query.toString() + "#finder");
      go(wanted);
    });

    // Permalinks: ?industry=..&problem=..&persona=.. preselects and opens the pitch.
    var params = new URLSearchParams(window.location.search);
    if (fields.every(function (f) { return params.has(f); })) {
      fields.forEach(function (f) { form.elements[f].value = params.get(f); });
      go(chosen());
    }
  }

  // A pitch link ends in #for-<persona>: open the tab that holds that anchor.
  function openTabFromHash() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    var block = target && target.closest(".tabbed-block");
    if (!block) { return; }
    var index = Array.prototype.indexOf.call(block.parentNode.children, block);
    var input = block.closest(".tabbed-set").querySelectorAll(":scope > input")[index];
    if (input) {
      input.checked = true;
      input.dispatchEvent(new Event("change", { bubbles: true }));
      if (target.classList.contains("pc-tab-intro")) {
        revealTabs(block.closest(".tabbed-set"));
      } else {
        target.scrollIntoView();
      }
    }
  }

  // A pitch opened on a persona's tab (from the finder, or a link ending in #for-<persona>)
  // keeps its title, the calculator and the row of persona tabs in view: the page stays at
  // its top when the tabs fit on the first screen, else it scrolls to just above the tabs,
  // clear of the sticky header. Scrolling to the tab's own heading hid all three.
  function revealTabs(set) {
    var labels = set.querySelector(":scope > .tabbed-labels") || set;
    var header = document.querySelector(".md-header");
    var below = header ? header.getBoundingClientRect().bottom : 0;
    var top = labels.getBoundingClientRect().top + window.scrollY;
    var fits = top + labels.offsetHeight + 120 <= window.innerHeight;
    window.scrollTo(0, fits ? 0 : Math.max(0, top - below - 8));
  }

  // "Print all personas" prints what the personas share once. A part (a heading and what
  // follows it up to the next heading) that reads the same as an earlier persona's is marked
  // as a repeat, heading and all; in a part that differs, each paragraph, list or table that
  // reads the same as in that part of an earlier persona is marked. A line in the place of
  // what is left out says whose pages to read. The print stylesheet hides the repeats, and
  // only when all personas print.
  function parts(block) {
    var found = [];
    var current = null;
    Array.prototype.forEach.call(block.children, function (element) {
      if (/^H[1-3]$/.test(element.tagName)) {
        current = element.tagName === "H3" ? { heading: element, body: [] } : null;
        if (current) { found.push(current); }
      } else if (current) {
        current.body.push(element);
      }
    });
    return found;
  }

  // The pieces of a part compared one by one: the points of a list and the rows of a table
  // (two cards may share a point or a figure), any other block as a whole.
  function pieces(element) {
    if (/^(UL|OL)$/.test(element.tagName)) { return element.querySelectorAll(":scope > li"); }
    var rows = element.querySelectorAll("tbody > tr");
    return rows.length ? rows : [element];
  }

  function squash(text) {
    return text.replace(/\s+/g, " ").trim();
  }

  // What an element prints: links to other cards' pitches are for the screen only.
  function printed(element) {
    var copy = element.cloneNode(true);
    copy.querySelectorAll(".pc-screen-only").forEach(function (n) { n.remove(); });
    return squash(copy.textContent);
  }

  function headingText(heading) {
    var copy = heading.cloneNode(true);
    copy.querySelectorAll(".pc-time, .headerlink").forEach(function (n) { n.remove(); });
    return squash(copy.textContent);
  }

  function note(text, before) {
    var line = document.createElement("p");
    line.className = "pc-repeat-note";
    line.textContent = text;
    before.parentNode.insertBefore(line, before);
  }

  function markRepeats(set) {
    if (set.hasAttribute("data-pc-repeats")) { return; }
    set.setAttribute("data-pc-repeats", "");
    var labels = set.querySelectorAll(":scope > .tabbed-labels > label");
    var blocks = set.querySelectorAll(":scope > .tabbed-content > .tabbed-block");
    var said = {};  // a part or a piece of one, as text -> the persona whose pages print it
    var has = function (key) { return Object.prototype.hasOwnProperty.call(said, key); };
    Array.prototype.forEach.call(blocks, function (block, index) {
      var persona = labels[index] ? labels[index].textContent.trim() : "";
      parts(block).forEach(function (part) {
        var title = headingText(part.heading);
        var whole = [title].concat(part.body.map(printed)).join("\n\n");
        if (has(whole)) {
          [part.heading].concat(part.body).forEach(function (e) { e.classList.add("pc-repeat"); });
          note(title + ": as for the " + said[whole] + ".", part.heading);
          return;
        }
        said[whole] = persona;
        var earlier = "";
        part.body.forEach(function (element) {
          Array.prototype.forEach.call(pieces(element), function (piece) {
            var key = title + "\n" + printed(piece);
            if (!has(key)) {
              said[key] = persona;
            } else if (printed(piece)) {
              piece.classList.add("pc-repeat");
              earlier = earlier || said[key];
            }
          });
        });
        if (earlier) { note("The rest of " + title + ": as for the " + earlier + ".", part.body[0]); }
      });
    });
  }

  function printButtons() {
    document.querySelectorAll("[data-pc-print]").forEach(function (button) {
      button.addEventListener("click", function () {
        var all = button.getAttribute("data-pc-print") === "all";
        if (all) { document.querySelectorAll(".tabbed-set").forEach(markRepeats); }
        document.body.classList.toggle("pc-print-all", all);
        window.print();
      });
    });
  }

  // A table or code block wider than a phone scrolls inside its own box. Such a box must be
  // reachable by keyboard (WCAG 2.1.1): give it a tab stop and a name while, and only while,
  // it overflows.
  function heading(element) {
    for (var node = element; node; node = node.previousElementSibling || node.parentElement) {
      if (/^H[1-6]$/.test(node.tagName)) {
        return node.textContent.replace(/\u00b6/g, "").replace(/\s+/g, " ").trim();
      }
      if (node.classList && node.classList.contains("md-content__inner")) { break; }
    }
    return "";
  }

  function scrollableTables() {
    var boxes = document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset pre > code");
    // Measure every box first, then change them: one layout, not one per box.
    var wide = Array.prototype.map.call(boxes, function (box) {
      return box.scrollWidth > box.clientWidth + 1;
    });
    Array.prototype.forEach.call(boxes, function (box, i) {
      if (wide[i] && box.getAttribute("tabindex") !== "0") {
        var title = heading(box.closest("pre") || box);
        var kind = box.tagName === "CODE" ? "code" : "table";
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", (title ? title + ": " : "") + kind + ", scrolls sideways");
      } else if (!wide[i] && box.getAttribute("role") === "region") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }

  // "Pitch against an alternative": a persona tab holds a block per alternative, and the
  // chooser (hidden until this script runs) shows the one chosen; without the script every
  // block shows under its heading.
  function againstChoosers() {
    document.querySelectorAll("[data-pc-against]").forEach(function (box) {
      var select = box.querySelector("[data-pc-against-select]");
      if (!select) { return; }
      var choices = box.querySelectorAll("[data-pc-against-choice]");
      function show() {
        choices.forEach(function (choice) {
          choice.hidden = choice.getAttribute("data-pc-against-choice") !== select.value;
        });
      }
      select.addEventListener("change", show);
      select.closest(".pc-against__control").hidden = false;
      show();
    });
  }

  // Work nobody waits for runs when the browser is idle, after the page has painted.
  var idle = window.requestIdleCallback || function (task) { return setTimeout(task, 200); };

  function start() {
    var form = document.querySelector("[data-pc-finder]");
    if (form) { finder(form); }
    openTabFromHash();
    window.addEventListener("hashchange", openTabFromHash);
    printButtons();
    againstChoosers();
    idle(scrollableTables, { timeout: 1000 });
    var pending = 0;
    window.addEventListener("resize", function () {
      clearTimeout(pending);
      pending = setTimeout(scrollableTables, 100);
    });
    // Material's bundle starts after the first paint (see main.html) and then wraps tables.
    document.addEventListener("pitchcraft:material", function () { idle(scrollableTables); });
    // A table in a persona tab has no width until its tab is shown.
    document.addEventListener("change", function (event) {
      if (event.target.closest && event.target.closest(".tabbed-set")) { scrollableTables(); }
    });
  }

  // Loaded with `defer`: start once the document is parsed and Material's own DOMContentLoaded
  // work (it wraps tables in their scrolling boxes) is done.
  var started = false;
  function startOnce() {
    if (!started) { started = true; start(); }
  }
  if (document.readyState === "complete") {
    startOnce();
  } else {
    document.addEventListener("DOMContentLoaded", startOnce);
    window.addEventListener("load", startOnce);
  }
  window.addEventListener("load", function () { idle(scrollableTables, { timeout: 1000 }); });
  // The browser scrolls to the address's anchor again once the page has loaded.
  window.addEventListener("load", function () { setTimeout(openTabFromHash, 0); });
})();
