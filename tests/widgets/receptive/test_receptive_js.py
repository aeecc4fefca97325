"""The receptive-field explorer's JavaScript (receptive_math.js, receptive_words.js), run with
Node, gives convbook.receptive's answers on many random stacks, those no output fits included,
and its lit cells are where torch autograd's gradient of that cell is not zero."""

import random

import torch
import torch.nn.functional as F
from helpers import needs_node, run_node

from convbook.receptive import field_cells, layer_table
from convbook.widgets.receptive_explorer import RANGES, as_layer

pytestmark = needs_node


def random_stacks(count: int, seed: int):
    """(layers as the widget holds them, input size, a cell) in the widget's ranges."""
    rng = random.Random(seed)
    between = lambda name: rng.randint(RANGES[name]["min"], RANGES[name]["max"])  # noqa: E731
    for _ in range(count):
        layers = []
        for _ in range(rng.randint(RANGES["layers"]["min"], RANGES["layers"]["max"])):
            kind = rng.choice(["conv", "pool"])
            k = between("kernel")
            layer = {"kind": kind, "kernel": k, "stride": between("stride")}
            if kind == "pool":
                layer |= {
                    "padding": rng.randint(0, min(k // 2, RANGES["padding"]["max"])),
                    "dilation": 1,
                }
            else:
                layer |= {"padding": between("padding"), "dilation": between("dilation")}
            layers.append(layer)
        n = between("input_size")
        top = rng.randint(0, len(layers))
        yield layers, n, top, rng.random()


def cases_of(stacks):
    cases = []
    for layers, n, top, where in stacks:
        stack = [as_layer(entry, "layer") for entry in layers]
        try:
            table = layer_table(stack, n)
        except ValueError:
            cases.append({"layers": layers, "n": n, "at": None, "stack": stack})
            continue
        at = [top, int(where * table[top]["size"])]
        cases.append({"layers": layers, "n": n, "at": at, "stack": stack, "table": table})
    return cases


def test_the_arithmetic_and_each_field_are_pythons():
    cases = cases_of(random_stacks(400, seed=0))
    fitting = [c for c in cases if c["at"] is not None]
    assert len(fitting) > 150 and len(cases) - len(fitting) > 50  # both kinds, many of each
    assert sum(any(L.stride > 1 for L in c["stack"]) for c in fitting) > 100
    assert sum(any(L.dilation > 1 for L in c["stack"]) for c in fitting) > 50
    assert sum(any(L.kind == "pool" for L in c["stack"]) for c in fitting) > 100
    answers = run_node(
        "run_receptive.js", [{k: c[k] for k in ("layers", "n", "at")} for c in cases]
    )
    for case, got in zip(cases, answers):
        if case["at"] is None:
            try:
                layer_table(case["stack"], case["n"])
            except ValueError as error:
                number = int(str(error).split("(layer ")[1].split(",")[0])
            assert got["misfit"] == number, case
            assert got["words"].startswith(f"No output fits: layer {number}'s window spans")
            continue
        keys = ("size", "r", "j", "start", "span")
        assert got["misfit"] == 0
        assert [[r[k] for k in keys] for r in got["rows"]] == [
            [r[k] for k in keys] for r in case["table"]
        ], case
        assert got["cells"] == field_cells(case["stack"], case["n"], *case["at"]), case
        for l, words in enumerate(got["steps"], start=1):
            row = case["table"][l]
            plural = lambda n, what: f"{n} {what}" + ("" if n == 1 else "s")  # noqa: E731
            assert f"= {plural(row['r'], 'input cell')};" in words, words
            assert f"= {plural(row['size'], 'cell')}." in words, words


def test_the_lit_cells_are_where_autograd_reaches():
    """In 1-D, kernels of ones and average pooling: no cancellation (tests/test_receptive.py)."""
    cases = [c for c in cases_of(random_stacks(120, seed=1)) if c["at"] and c["at"][0] > 0]
    answers = run_node(
        "run_receptive.js", [{k: c[k] for k in ("layers", "n", "at")} for c in cases]
    )
    for case, got in zip(cases, answers):
        X = torch.rand(
            1, 1, case["n"], dtype=torch.float64, generator=torch.Generator().manual_seed(2)
        )
        X.requires_grad_()
        Y = X
        for L in case["stack"][: case["at"][0]]:
            if L.kind == "conv":
                K = torch.ones(1, 1, L.kernel, dtype=X.dtype)
                Y = F.conv1d(Y, K, stride=L.stride, padding=L.padding, dilation=L.dilation)
            else:
                Y = F.avg_pool1d(Y, L.kernel, stride=L.stride, padding=L.padding)
        Y[0, 0, case["at"][1]].backward()
        assert (X.grad[0, 0] != 0).nonzero().flatten().tolist() == got["cells"][0], case
