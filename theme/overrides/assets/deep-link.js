/* Pitchcraft deep links: a pitch page opened from a CRM or a meeting pack.

   The link's form (docs/meeting-prep.md, "Deep links"; made by pitchcraft.prep.links):
     pitches/<industry>--<problem>/?card=<card>&<input>=<value>...#for-<persona>
   pitchcraft.js opens the persona's tab from the hash and cost-model.js fills the calculator
   from the inputs. This script does the rest: it opens the named card's pitch on that tab when
   it is not the tab's first, and says at the top of the page that the figures are computed
   from numbers in the link, with a way back to the defaults. */
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

  function model() {
    var source = document.getElementById("pc-cost-model");
    return source ? JSON.parse(source.textContent) : null;
  }

  function written(item, raw) {
    var cost = window.pitchcraftCost;
    var plain = /^-?[0-9]+(\.[0-9]+)?$/.test(raw);
    return plain && cost ? cost.format(Number(raw), item.format) : "\u201c" + raw + "\u201d";
  }

  function banner(params) {
    var data = model();
    if (!data) { return; }
    var given = data.inputs.filter(function (item) { return params.has(item.name); });
    if (!given.length) { return; }
    var defaults = new URL(window.location.href);
    data.inputs.forEach(function (item) { defaults.searchParams.delete(item.name); });
    var box = document.createElement("div");
    var title = document.createElement("p");
    var list = document.createElement("p");
    var back = document.createElement("a");
    box.className = "admonition info pc-deep-link";
    box.setAttribute("role", "note");
    title.className = "admonition-title";
    title.textContent = "Figures on this page use the numbers in your link";
    list.textContent = given.map(function (item) {
      return item.label + ": " + written(item, params.get(item.name));
    }).join("; ") + ". ";
    back.href = defaults.pathname + defaults.search + defaults.hash;
    back.textContent = "Show the card\u2019s defaults instead";
    back.className = "pc-deep-link__back";
    list.appendChild(back);
    box.appendChild(title);
    box.appendChild(list);
    var heading = document.querySelector(".md-content__inner h1");
    if (heading) {
      heading.after(box);
    } else {
      var article = document.querySelector(".md-content__inner");
      if (article) { article.prepend(box); }
    }
  }

  function start() {
    var params = new URLSearchParams(window.location.search);
    banner(params);
    openCard(params);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
