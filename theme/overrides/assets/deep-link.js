/* Pitchcraft deep links: a pitch page opened from a CRM or a meeting pack.

   The link's form (docs/meeting-prep.md, "Deep links"; made by pitchcraft.prep.links):
     pitches/<industry>--<problem>/?card=<card>&<input>=<value>...#for-<persona>
   pitchcraft.js opens the persona's tab from the hash and cost-model.js fills the named card's
   calculator from the inputs (window.pitchcraftCost.linked). This script does the rest: it
   opens the named card's pitch on that tab when it is not the tab's first, says at the top of
   the page whose figures are computed from numbers in the link, with a way back to the
   defaults, and says so when the link names a card the page does not tell. */
(function () {
  "use strict";

  function openCard(params) {
    var card = params.get("card");
    var persona = decodeURIComponent(window.location.hash.slice(1)).replace(/^for-/, "");
    var target = card && persona && document.getElementById(persona + "--" + card);
    if (!target) { return; }  // the tab's own card, or one this page does not hold
    var next = target.nextElementSibling;
    if (next && next.tagName === "DETAILS") { next.open = true; }
    target.scrollIntoView();
  }

  function written(item, raw) {
    var cost = window.pitchcraftCost;
    var plain = /^-?[0-9]+(\.[0-9]+)?$/.test(raw);
    return plain && cost ? cost.format(Number(raw), item.format) : "\u201c" + raw + "\u201d";
  }

  function place(box) {
    var heading = document.querySelector(".md-content__inner h1");
    if (heading) {
      heading.after(box);
    } else {
      var article = document.querySelector(".md-content__inner");
      if (article) { article.prepend(box); }
    }
  }

  function note(kind, title) {
    var box = document.createElement("div");
    var head = document.createElement("p");
    box.className = "admonition " + kind + " pc-deep-link";
    box.setAttribute("role", "note");
    head.className = "admonition-title";
    head.textContent = title;
    box.appendChild(head);
    return box;
  }

  function banner(params) {
    var calc = window.pitchcraftCost && window.pitchcraftCost.linked;
    if (!calc) { return; }
    var data = calc.data;
    var given = data.inputs.filter(function (item) { return params.has(item.name); });
    if (!given.length) { return; }
    var defaults = new URL(window.location.href);
    data.inputs.forEach(function (item) { defaults.searchParams.delete(item.name); });
    var box = note("info", calc.title
      ? "Figures from \u201c" + calc.title + "\u201d use the numbers in your link"
      : "Figures on this page use the numbers in your link");
    var list = document.createElement("p");
    var back = document.createElement("a");
    list.textContent = given.map(function (item) {
      return item.label + ": " + written(item, params.get(item.name));
    }).join("; ") + ". ";
    back.href = defaults.pathname + defaults.search + defaults.hash;
    back.textContent = "Show the card\u2019s defaults instead";
    back.className = "pc-deep-link__back";
    list.appendChild(back);
    box.appendChild(list);
    place(box);
  }

  /* A link naming a card this pitch page does not tell (renamed, retired, or not serving
     this buyer): the page still opens, every figure at its card's defaults, and says so. */
  function unknownCard(params) {
    var card = params.get("card");
    var told = document.querySelectorAll("[data-pc-card]");
    if (!card || !told.length) { return; }
    if (Array.prototype.some.call(told, function (e) {
      return e.getAttribute("data-pc-card") === card;
    })) { return; }
    var box = note("warning", "This page tells no pitch from the card in your link");
    var text = document.createElement("p");
    text.textContent = "The link names \u201c" + card + "\u201d. Every figure on this page " +
      "uses its card\u2019s defaults; choose the pitch on the persona\u2019s tab.";
    box.appendChild(text);
    place(box);
  }

  function start() {
    var params = new URLSearchParams(window.location.search);
    banner(params);
    unknownCard(params);
    openCard(params);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
