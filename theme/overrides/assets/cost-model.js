/*
  Pitchcraft cost model: the buyer's numbers, computed in the page with no server and no eval.

  The page carries the model as JSON in <script type="application/json" id="pc-cost-model">,
  made by pitchcraft.costs.browser: each input with its label, unit, default, range and number
  format, each output as reverse Polish steps. This script renders a labelled number field per
  input (into [data-cost-inputs], or a form it adds after the data), recomputes every output as
  the fields change, writes each figure into every [data-cost-output="name"] element, and keeps
  the changed inputs in the page's query string so a rep can send the link.

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
     worked example ([data-cost-exact]) keeps every digit, as the evidence table does. */
  function show(data, values) {
    var fmts = formats(data);
    document.querySelectorAll("[data-cost-output]").forEach(function (element) {
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
     page, problem included; a default leaves the link. */
  function remember(data, inputs, item, raw) {
    var url = new URL(window.location.href);
    if (inputs[item.name] === null) {
      if (raw) { url.searchParams.set(item.name, raw); } else { url.searchParams.delete(item.name); }
    } else if (inputs[item.name] === item.default) {
      url.searchParams.delete(item.name);
    } else {
      url.searchParams.set(item.name, String(inputs[item.name]));
    }
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

  function field(item, value) {
    var id = "pc-cost-" + item.name;
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

  /* Shows (or clears) the field's problem; the input's value in effect is null while one
     stands, so no figure is computed from a number the buyer did not give. */
  function judge(set, inputs, item, raw) {
    var input = set.querySelector("#pc-cost-" + item.name);
    var said = problem(item, raw);
    input.setAttribute("aria-invalid", said ? "true" : "false");
    set.querySelector("#pc-cost-" + item.name + "-problem").textContent = said || "";
    inputs[item.name] = said ? null : Number(raw);
    return said;
  }

  function given(name) {  // the page's link carries this number
    return new RegExp("[?&]" + name + "=").test(window.location.search);
  }

  function start() {
    var source = document.getElementById("pc-cost-model");
    if (!source) { return; }
    var data = JSON.parse(source.textContent);
    var inputs = readInputs(data, window.location.search);
    var params = new URLSearchParams(window.location.search);
    var box = document.querySelector("[data-cost-inputs]");
    if (!box) {
      box = document.createElement("form");
      source.parentNode.insertBefore(box, source.nextSibling);
    }
    var set = document.createElement("fieldset");
    var legend = document.createElement("legend");
    set.className = "pc-cost-inputs";
    legend.textContent = box.getAttribute("data-cost-legend") || "Your numbers";
    set.appendChild(legend);
    data.inputs.forEach(function (item) { set.appendChild(field(item, inputs[item.name])); });
    box.appendChild(set);
    var wrong = data.inputs.filter(function (item) {
      var raw = params.get(item.name);
      if (raw === null || !judge(set, inputs, item, raw)) { return false; }
      set.querySelector("#pc-cost-" + item.name).value = PLAIN_NUMBER.test(raw) ? raw : "";
      return true;
    });
    var fold = box.closest ? box.closest("details") : null;
    if (fold && (wrong.length || data.inputs.some(function (i) { return given(i.name); }))) {
      fold.open = true;
    }
    box.addEventListener("submit", function (event) { event.preventDefault(); });
    set.addEventListener("input", function (event) {
      var item = data.inputs.filter(function (i) { return i.name === event.target.name; })[0];
      if (!item) { return; }
      var raw = event.target.validity && event.target.validity.badInput ? "" : event.target.value;
      judge(set, inputs, item, raw);
      show(data, evaluate(data, inputs));
      remember(data, inputs, item, raw);
    });
    show(data, evaluate(data, inputs));
  }

  window.pitchcraftCost = { evaluate: evaluate, format: format, readInputs: readInputs };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
