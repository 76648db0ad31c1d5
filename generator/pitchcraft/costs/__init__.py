"""The buyer's numbers: a card's small cost model, checked, computed and shipped to the browser.

A card declares named inputs (with a unit, a default and a range) and outputs computed from
inputs, other outputs and ledger figures. The modules here are pure and import nothing from the
loader, the pitch engine or MkDocs, so each stage can call the one it needs:

- `pitchcraft.model.costs` (beside the card model, which holds a `CostModel`): the frozen
  dataclasses (`CostModel`, `Input`, `Output`, `Problem`, expression nodes).
- `read`: front-matter data -> `CostModel`; `schema`: the JSON Schema fragment for the card.
- `expr`: the formula language (tokenizer and recursive-descent parser; nothing is `eval`ed).
- `analyse`: every problem as a value with its place (helped by `graph` for cycles,
  `intervals` for divisions by zero, `dimensions` for units, `figures` for ledger numbers);
  `findings` turns a problem into a `Finding` at the file's line and column.
- `evaluate`: values from defaults or a link's query string; `units`: how a value is written
  (built-in units and those the taxonomy declares; `spoken`: a computed figure as said).
- `browser`: the JSON the page's `cost-model.js` computes with; `text`: `{cost: name}` in text.
- `worked`: worked examples, an output's arithmetic with the values in effect, exact.
- `buyer_inputs`: a rep's `--inputs`, read strictly.

The dataclasses sit in `model/` so that the card model can hold a cost model while this
package imports the card model (for `Evidence`) and nothing imports upward.
"""
