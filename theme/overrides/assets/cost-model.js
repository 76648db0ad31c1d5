/*
  Pitchcraft cost model: the buyer's numbers, computed in the page with no server and no eval.

  A card page carries its model as JSON in <script type="application/json" id="pc-cost-model">,
  made by pitchcraft.costs.browser: each input with its label, unit, default, range and number
  format, each output as reverse Polish steps. This script renders a labelled number field per
  input (into [data-cost-inputs], or a form it adds after the data), recomputes every output as
  the fields change, writes each figure into every [data-cost-output="name"] element, and keeps
  the changed inputs in the page's query string so a rep can send the link.

  A pitch page carries one model per card it tells (<script id="pc-cost-models">, a list of
  {card, title, model}; pitchcraft.site.costs): each card has its own calculator, shown at the
  top of each pitch told from it ([data-cost-inputs][data-cost-card]; the views of one card
  share its numbers), and updates only the figures that name it ([data-cost-card]). The link's
  numbers are for the card its `card` parameter names (the page's first card without one).

  Every rule here mirrors pitchcraft/costs (evaluate.py and units.py) step by step; a browser
  test runs both on the same models so that they never disagree.
*/
(function () {
  "use strict";

  var PLAIN_NUMBER = /^-?[0-9]+(\.[0-9]+)?$/;
  var LARGEST = 1e21;

  function finite(value) {
    return isFinite(value) ? value : null;
  }

  function run(steps, values) {
    var stack = [];
    steps.forEach(function (step) {
      var op = step[0], a, b, args;
      if (op === "n") {
        stack.push(step[1]);
      } else if (op === "v") {
        a = values[step[1]];
        stack.push(a === undefined ? null : a);
      } else if (op === "neg") {
        a = stack.pop();
        stack.push(a === null ? null : -a);
      } else if (op === "min" || op === "max") {
        args = stack.splice(stack.length - step[1], step[1]);
        stack.push(args.indexOf(null) >= 0 ? null : Math[op].apply(null, args));
      } else {
        b = stack.pop();
        a = stack.pop();
        if (a === null || b === null) {
          stack.push(null);
        } else if (op === "+") {
          stack.push(finite(a + b));
        } else if (op === "-") {
          stack.push(finite(a - b));
        } else if (op === "*") {
          stack.push(finite(a * b));
        } else {
          stack.push(b === 0 ? null : finite(a / b));
        }
      }
    });
    return stack.pop();
  }

  /* Every input and output by name; `inputs` maps names to numbers already in range. */
  function evaluate(data, inputs) {
    var values = {};
    data.inputs.forEach(function (item) {
      values[item.name] = Object.prototype.hasOwnProperty.call(inputs, item.name)
        ? inputs[item.name] : item.default;
    });
    data.outputs.forEach(function (item) {
      values[item.name] = run(item.rpn, values);
    });
    return values;
  }

  function clamp(item, value) {
    return Math.min(Math.max(value, item.min), item.max);
  }

  /* A typed or linked value: a plain number kept in range, or the default. */
  function readValue(item, raw) {
    return clamp(item, typeof raw === "string" && PLAIN_NUMBER.test(raw) ? Number(raw)
      : item.default);
  }

  function readInputs(data, search) {
    var params = new URLSearchParams(search), values = {};
    data.inputs.forEach(function (item) {
      values[item.name] = readValue(item, params.get(item.name));
    });
    return values;
  }

  /* Same steps as units.format_value: toFixed and toPrecision round the exact value, halves
     away from zero. A spoken format (fmt.spoken digits, fmt.words) says the figure as a
     person would: "$320,000", "$1.2 million". */
  function format(value, fmt) {
    var scaled = value === null ? Infinity : value * fmt.scale;
    if (!(Math.abs(scaled) < LARGEST)) { return "n/a"; }
    var keep = fmt.spoken && scaled !== 0
      ? Math.min(fmt.spoken, exponent(Math.abs(scaled)) + fmt.decimals + 1) : 0;
    if (keep < 1) { return written(scaled, Math.abs(scaled), fmt.decimals, fmt.trim, fmt, ""); }
    var rounded = Number(Math.abs(scaled).toPrecision(keep)), size = rounded, word = "";
    var power = 0, words = fmt.words || [], i;
    for (i = 0; i < words.length; i += 1) {
      if (size >= words[i][0]) {
        size = size / words[i][0];
        word = " " + words[i][1];
        power = Math.round(Math.log10(words[i][0]));
        break;
      }
    }
    var decimals = Math.max(0, keep - 1 - (exponent(rounded) - power));
    return written(scaled, size, decimals, fmt.trim || word !== "", fmt, word);
  }

  /* The power of ten of a number's first digit; the shortest form that reads back as the
     same number has the same exponent as its exact value (Decimal.adjusted in Python). */
  function exponent(value) {
    return Number(value.toExponential().split("e")[1]);
  }

  function written(scaled, size, decimals, trim, fmt, word) {
    var digits = size.toFixed(decimals);
    var parts = digits.split("."), whole = parts[0], fraction = parts[1] || "";
    if (trim) { fraction = fraction.replace(/0+$/, ""); }
    var grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    var sign = scaled < 0 && /[1-9]/.test(digits) ? "-" : "";
    return sign + fmt.prefix + (fraction ? grouped + "." + fraction : grouped) + word +
      fmt.suffix;
  }

  function formats(data) {
    var found = {};
    data.inputs.concat(data.outputs).forEach(function (item) { found[item.name] = item.format; });
    return found;
  }

  /* A figure in the talk track is said as its format says (outputs are spoken); one in a
     worked example ([data-cost-exact]) keeps every digit, as the evidence table does.
     `spans` are the calculator's own figures (see `owned`). */
  function show(data, values, spans) {
    var fmts = formats(data);
    spans.forEach(function (element) {
      var name = element.getAttribute("data-cost-output"), fmt = fmts[name];
      if (Object.prototype.hasOwnProperty.call(fmts, name)) {
        if (element.hasAttribute("data-cost-exact")) {
          fmt = Object.assign({}, fmt, {spoken: 0});
        }
        element.textContent = format(values[name], fmt);
      }
    });
  }

  /* The link keeps what the rep typed, a wrong value too, so whoever opens it sees the same
     page, problem included; a default leaves the link. On a pitch page the link names the
     card whose numbers it carries: typing into another card's calculator moves the link to
     that card, with all of its numbers, and drops the previous card's. */
  function remember(calc, item) {
    var url = new URL(window.location.href), params = url.searchParams;
    var items = [item];
    if (calc.card && params.get("card") !== calc.card) {
      var before = linked(calc.all, params);
      if (before && before !== calc) {
        before.data.inputs.forEach(function (i) { params.delete(i.name); });
      }
      params.set("card", calc.card);
      items = calc.data.inputs;
    }
    items.forEach(function (i) {
      var value = calc.inputs[i.name], raw = calc.raws[i.name];
      if (value === null) {
        if (raw) { params.set(i.name, raw); } else { params.delete(i.name); }
      } else if (value === i.default) {
        params.delete(i.name);
      } else {
        params.set(i.name, String(value));
      }
    });
    window.history.replaceState(window.history.state, "", url.toString());
  }

  /* What is wrong with a typed or linked value, said beside its field; null when it can be
     used. An unusable value never falls back to a number silently: the figures that depend
     on it show n/a until it is corrected (readValue is what a link means when it is valid). */
  function problem(item, raw) {
    var range = format(item.min, item.format) + " to " + format(item.max, item.format);
    if (typeof raw !== "string" || !PLAIN_NUMBER.test(raw)) {
      return (raw ? "\u201c" + raw + "\u201d is not a number. " : "") +
        "Type a number from " + range + ", digits only.";
    }
    var value = Number(raw);
    if (value < item.min || value > item.max) {
      return format(value, item.format) + " is outside this card\u2019s range: type a number" +
        " from " + range + ".";
    }
    return null;
  }

  function field(item, value, id) {
    var wrap = document.createElement("div");
    var label = document.createElement("label");
    var input = document.createElement("input");
    var note = document.createElement("p");
    wrap.className = "pc-cost-input";
    label.htmlFor = id;
    label.textContent = item.label + " (" + item.unit + ")";
    input.id = id;
    input.name = item.name;
    input.type = "number";
    input.inputMode = "decimal";
    input.step = "any";
    input.min = String(item.min);
    input.max = String(item.max);
    input.value = String(value);
    note.id = id + "-problem";
    note.className = "pc-cost-problem";
    note.setAttribute("aria-live", "polite");
    input.setAttribute("aria-describedby", note.id);
    wrap.appendChild(label);
    wrap.appendChild(input);
    wrap.appendChild(note);
    return wrap;
  }

  /* Shows (or clears) the field's problem in every view of the calculator; the input's value
     in effect is null while one stands, so no figure is computed from a number the buyer did
     not give. `typed` is the field the rep typed in, left as it is. */
  function judge(calc, item, raw, typed) {
    var said = problem(item, raw);
    calc.views.forEach(function (view) {
      var input = view.fields[item.name];
      input.setAttribute("aria-invalid", said ? "true" : "false");
      view.notes[item.name].textContent = said || "";
      if (input !== typed) { input.value = PLAIN_NUMBER.test(raw) ? raw : ""; }
    });
    calc.inputs[item.name] = said ? null : Number(raw);
    calc.raws[item.name] = raw;
    return said;
  }

  /* The calculators of the page: a card page's one model (`pc-cost-model`, every figure on
     the page its own), or a pitch page's model per card (`pc-cost-models`, each figure naming
     its card in data-cost-card). */
  function calculators() {
    var one = document.getElementById("pc-cost-model");
    var many = document.getElementById("pc-cost-models");
    var found = one ? [{ card: "", title: "", data: JSON.parse(one.textContent), source: one }]
      : many ? JSON.parse(many.textContent).map(function (entry) {
        return { card: entry.card, title: entry.title, data: entry.model, source: many };
      }) : [];
    found.forEach(function (calc) { calc.all = found; });
    return found;
  }

  /* The calculator a link's numbers are for: the card named by `card`, the page's first
     without one (the calculator a pitch page had alone before), none for a card the page has
     no calculator for. */
  function linked(all, params) {
    if (!all.length || !all[0].card || !params.has("card")) { return all[0] || null; }
    return all.filter(function (calc) { return calc.card === params.get("card"); })[0] || null;
  }

  function mine(calc, element) {
    return !calc.card || element.getAttribute("data-cost-card") === calc.card;
  }

  function owned(calc, selector) {
    return Array.prototype.filter.call(document.querySelectorAll(selector),
      function (element) { return mine(calc, element); });
  }

  function view(calc, box, place) {
    var set = document.createElement("fieldset");
    var legend = document.createElement("legend");
    var prefix = calc.card ? "pc-cost-" + calc.card + "-" + place + "-" : "pc-cost-";
    var made = { box: box, fields: {}, notes: {} };
    set.className = "pc-cost-inputs";
    legend.textContent = box.getAttribute("data-cost-legend") || "Your numbers";
    set.appendChild(legend);
    calc.data.inputs.forEach(function (item) {
      var wrap = field(item, calc.inputs[item.name], prefix + item.name);
      made.fields[item.name] = wrap.querySelector("input");
      made.notes[item.name] = wrap.querySelector("p");
      set.appendChild(wrap);
    });
    box.appendChild(set);
    box.addEventListener("submit", function (event) { event.preventDefault(); });
    set.addEventListener("input", function (event) {
      var item = calc.data.inputs.filter(function (i) { return i.name === event.target.name; })[0];
      if (!item) { return; }
      var raw = event.target.validity && event.target.validity.badInput ? "" : event.target.value;
      judge(calc, item, raw, event.target);
      show(calc.data, evaluate(calc.data, calc.inputs), calc.spans);
      remember(calc, item);
    });
    return made;
  }

  function setUp(calc, params) {
    var given = calc.linked ? params : new URLSearchParams("");
    calc.inputs = readInputs(calc.data, calc.linked ? window.location.search : "");
    calc.raws = {};
    var boxes = owned(calc, "[data-cost-inputs]");
    if (!boxes.length) {
      var form = document.createElement("form");
      calc.source.parentNode.insertBefore(form, calc.source.nextSibling);
      boxes = [form];
    }
    calc.views = boxes.map(function (box, place) { return view(calc, box, place); });
    calc.spans = owned(calc, "[data-cost-output]");
    var wrong = calc.data.inputs.filter(function (item) {
      var raw = given.get(item.name);
      return raw !== null && judge(calc, item, raw, null);
    });
    if (wrong.length || calc.data.inputs.some(function (i) { return given.has(i.name); })) {
      calc.views.forEach(function (made) {
        var fold = made.box.closest ? made.box.closest("details") : null;
        if (fold) { fold.open = true; }
      });
    }
    show(calc.data, evaluate(calc.data, calc.inputs), calc.spans);
  }

  function start() {
    var params = new URLSearchParams(window.location.search);
    var all = calculators(), chosen = linked(all, params);
    all.forEach(function (calc) {
      calc.linked = calc === chosen;
      setUp(calc, params);
    });
    window.pitchcraftCost.calculators = all;
    window.pitchcraftCost.linked = chosen;
  }

  window.pitchcraftCost = { evaluate: evaluate, format: format, readInputs: readInputs };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
