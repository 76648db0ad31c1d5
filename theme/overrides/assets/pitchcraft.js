/* Pitchcraft: the pitch finder, persona tabs from the URL, and print buttons.
   Plain DOM code over the static site: no server, no build step. */
(function () {
  "use strict";

  function finder(form) {
    var data = JSON.parse(form.getAttribute("data-pc-finder-data"));
    var result = form.querySelector(".pc-finder__result");
    var fields = ["industry", "problem", "persona"];
    var names = {};
    [["industry", data.industries], ["problem", data.problems], ["persona", data.personas]]
      .forEach(function (pair) {
        names[pair[0]] = {};
        pair[1].forEach(function (item) { names[pair[0]][item[0]] = item[1]; });
      });

    function chosen() {
      return fields.map(function (f) { return form.elements[f].value; });
    }

    function nearest(wanted) {
      return Object.keys(data.pitches).map(function (key) {
        var parts = key.split("/");
        var shared = parts.filter(function (p, i) { return p === wanted[i]; }).length;
        return { parts: parts, shared: shared, url: data.pitches[key] };
      }).filter(function (c) { return c.shared > 0; })
        .sort(function (a, b) { return b.shared - a.shared; })
        .slice(0, 5);
    }

    function go(wanted) {
      var url = data.pitches[wanted.join("/")];
      if (url) {
        window.location.href = url;
        return;
      }
      result.textContent = "";
      var p = document.createElement("p");
      p.className = "pc-finder__gap";
      p.textContent = "Not covered yet: no pitch for " + names.industry[wanted[0]] + " \u00d7 " +
        names.problem[wanted[1]] + " \u00d7 " + names.persona[wanted[2]] + ".";
      result.appendChild(p);
      var close = nearest(wanted);
      if (close.length) {
        var intro = document.createElement("p");
        intro.textContent = "Nearest pitches:";
        result.appendChild(intro);
        var list = document.createElement("ul");
        close.forEach(function (c) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = c.url;
          a.textContent = names.industry[c.parts[0]] + " \u00b7 " + names.problem[c.parts[1]] +
            " \u00b7 " + names.persona[c.parts[2]];
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
      fields.forEach(function (f, i) { query.set(f, wanted[i]); });
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
      target.scrollIntoView();
    }
  }

  function printButtons() {
    document.querySelectorAll("[data-pc-print]").forEach(function (button) {
      button.addEventListener("click", function () {
        var all = button.getAttribute("data-pc-print") === "all";
        document.body.classList.toggle("pc-print-all", all);
        window.print();
      });
    });
  }

  function start() {
    var form = document.querySelector("[data-pc-finder]");
    if (form) { finder(form); }
    openTabFromHash();
    window.addEventListener("hashchange", openTabFromHash);
    printButtons();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
