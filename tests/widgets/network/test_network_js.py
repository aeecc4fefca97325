"""The network explorer's JavaScript math (network_math.js, network_field.js, network_weights.js,
network_draw.js), run with Node, agrees with PyTorch: the whole forward pass of SmallCNN in
float64 to 1e-9 on held-out digits and random drawings, at every stored epoch, and each map
cell's receptive field is the nonzero set of that cell's gradient with respect to the input and
every layer between, from torch autograd."""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F
from helpers import needs_node, run_node

from convbook.network import SmallCNN, digits, train_network
from convbook.widgets.network_explorer import BRUSH, NAMES, NetworkExplorer, decode, encode

pytestmark = needs_node
LAYERS = ("conv1", "pool1", "conv2", "pool2")


@pytest.fixture(scope="module")
def explorer():
    data = digits()
    return NetworkExplorer(train_network(data, epochs=2), data, epochs=(0, 1, 2))


def torch_layers(model: SmallCNN, image: torch.Tensor, pool=F.max_pool2d) -> dict:
    """Every layer of ``model`` on one image, as network_math.js's forward() names them."""
    x = image[None, None]
    conv1 = model.conv1(x)
    pool1 = pool(F.relu(conv1), 2)
    conv2 = model.conv2(pool1)
    pool2 = pool(F.relu(conv2), 2)
    scores = model.head(pool2.flatten(1))
    return {
        "conv1": conv1[0],
        "pool1": pool1[0],
        "conv2": conv2[0],
        "pool2": pool2[0],
        "scores": scores[0],
        "probabilities": F.softmax(scores[0], dim=0),
    }


def random_drawings(count: int, seed: int, side: int = 20) -> list[torch.Tensor]:
    """Drawings as a reader makes them: a few strokes of the explorer's pen, in JS (stroke())."""
    g = torch.Generator().manual_seed(seed)
    cases = []
    for _ in range(count):
        points = torch.randint(
            0, side, (int(torch.randint(2, 6, (1,), generator=g)), 2), generator=g
        )
        strokes = [[a, b] for a, b in zip(points[:-1].tolist(), points[1:].tolist())]
        cases.append(
            {"op": "stroke", "image": [[0] * side] * side, "strokes": strokes, "brush": BRUSH}
        )
    return [torch.tensor(im, dtype=torch.float64) for im in run_node("run_network.js", cases)]


def assert_layers_equal(got: dict, expected: dict) -> None:
    for name, value in expected.items():
        torch.testing.assert_close(
            torch.tensor(got[name], dtype=torch.float64), value.detach(), rtol=0, atol=1e-9
        )


def test_the_forward_pass_is_torchs_at_every_stored_epoch(explorer):
    images = [explorer.digit_image(d["name"]) for d in explorer.digits]
    images += random_drawings(10, seed=0)
    cases, expected = [], []
    for snapshot in explorer.snapshots:
        model = explorer.model(snapshot["epoch"])
        for image in images:
            cases.append(
                {
                    "op": "forward",
                    "encoded": True,
                    "weights": snapshot["weights"],
                    "shapes": explorer.shapes,
                    "image": image.tolist(),
                }
            )
            with torch.no_grad():
                expected.append(torch_layers(model, image))
    answers = run_node("run_network.js", cases)
    for got, want in zip(answers, expected, strict=True):
        assert_layers_equal(got, want)
        assert got["predicted"] == int(want["scores"].argmax())
    assert len({a["predicted"] for a in answers}) > 3  # the cases are not all one digit


def test_the_forward_pass_is_torchs_on_float64_weights():
    """Given the trained network's float64 weights as they are (JSON keeps every digit)."""
    torch.manual_seed(3)
    model = SmallCNN()
    images = [torch.rand(20, 20, dtype=torch.float64) for _ in range(3)] + random_drawings(3, 1)
    net = {
        layer: {
            part: getattr(model, layer).__getattr__(part).detach().tolist()
            for part in ("weight", "bias")
        }
        for layer in ("conv1", "conv2", "head")
    }
    cases = [{"op": "forward", "net": net, "image": im.tolist()} for im in images]
    for got, image in zip(run_node("run_network.js", cases), images, strict=True):
        with torch.no_grad():
            assert_layers_equal(got, torch_layers(model, image))


def test_the_verdict_names_the_class_and_says_right_or_wrong(explorer):
    digit = explorer.digits[0]
    image = explorer.digit_image(digit["name"])
    snapshot = explorer.snapshots[-1]
    case = {
        "op": "forward",
        "encoded": True,
        "weights": snapshot["weights"],
        "shapes": explorer.shapes,
        "image": image.tolist(),
        "names": list(NAMES),
        "label": digit["label"],
    }
    (got,) = run_node("run_network.js", [case])
    with torch.no_grad():
        p = F.softmax(explorer.model()(image[None, None])[0], dim=0)
    best = int(p.argmax())
    right = "right" if best == digit["label"] else "wrong"
    assert got["words"] == (
        f"The network reads {NAMES[best]} ({best}), with probability {100 * p[best]:.1f} %. "
        f"This held-out digit is {NAMES[digit['label']]} ({digit['label']}): {right}."
    )


def positive_model() -> SmallCNN:
    """A SmallCNN whose weights are all positive: on a positive input no ReLU cuts and no sum
    cancels, so a cell's gradient is nonzero exactly where a change can reach it."""
    torch.manual_seed(0)
    model = SmallCNN()
    with torch.no_grad():
        for p in model.parameters():
            p.uniform_(0.1, 1.0)
    return model


def each_field(model: SmallCNN, level: int, channel: int, i: int, j: int) -> list[torch.Tensor]:
    """The nonzero set of d cell / d (input, conv1, pool1, conv2) below ``level``, with average
    pooling (max pooling's gradient picks one cell of a window; every cell can win it)."""
    x = (torch.rand(1, 1, 20, 20, dtype=torch.float64) + 0.5).requires_grad_()
    conv1 = model.conv1(x)
    pool1 = F.avg_pool2d(F.relu(conv1), 2)
    conv2 = model.conv2(pool1)
    pool2 = F.avg_pool2d(F.relu(conv2), 2)
    stack = [x, conv1, pool1, conv2, pool2]
    grads = torch.autograd.grad(stack[level][0, channel, i, j], stack[:level])
    return [g[0] != 0 for g in grads]


def box_mask(box: dict, shape: tuple[int, ...]) -> torch.Tensor:
    mask = torch.zeros(shape, dtype=torch.bool)
    (r0, r1), (c0, c1) = box["rows"], box["cols"]
    for ch in box["channels"]:
        mask[ch, r0 : r1 + 1, c0 : c1 + 1] = True
    return mask


def test_receptive_fields_are_the_gradients_nonzero_sets(explorer):
    model = positive_model()
    sizes = {1: (8, 18), 2: (8, 9), 3: (16, 9), 4: (16, 4)}
    g = torch.Generator().manual_seed(0)
    cells = []
    for level, (channels, side) in sizes.items():
        corners = [(0, 0), (0, side - 1), (side - 1, 0), (side - 1, side - 1), (side // 2, 1)]
        cells += [[level, 0, i, j] for i, j in corners]
        for _ in range(12):
            ch, i, j = (int(torch.randint(0, n, (1,), generator=g)) for n in (channels, side, side))
            cells.append([level, ch, i, j])
    (fields,) = run_node(
        "run_network.js", [{"op": "fields", "side": 20, "layers": explorer.layers, "cells": cells}]
    )
    torch.manual_seed(1)
    for (level, ch, i, j), field in zip(cells, fields, strict=True):
        grads = each_field(model, level, ch, i, j)
        assert len(field) == level + 1
        for below, nonzero in enumerate(grads):
            assert torch.equal(box_mask(field[below], nonzero.shape), nonzero), (
                level,
                ch,
                i,
                j,
                below,
            )
    # A pool2 cell reads 10 x 10 pixels: 2 of conv2, 4 of pool1, 8 of conv1, 10 of the input.
    ((centre,),) = run_node(
        "run_network.js",
        [{"op": "fields", "side": 20, "layers": explorer.layers, "cells": [[4, 0, 1, 1]]}],
    )
    assert [box["rows"] for box in centre] == [[2, 11], [2, 9], [1, 4], [2, 3], [1, 1]]


def test_the_page_decodes_the_stored_floats_as_python_does(explorer):
    values = torch.tensor([0.0, -0.5, 1 / 3, 3.4e38, -1e-45, 2.0**-20], dtype=torch.float64)
    (got,) = run_node("run_network.js", [{"op": "decode", "text": encode(values)}])
    assert got == decode(encode(values), len(values)).tolist()
    assert got[1] == -0.5 and got[2] == float(torch.tensor(1 / 3, dtype=torch.float32))


def test_the_pen_inks_strokes_without_gaps_and_space_toggles():
    side = 20
    empty = [[0.0] * side for _ in range(side)]
    (line, once, twice) = run_node(
        "run_network.js",
        [
            {"op": "stroke", "image": empty, "strokes": [[[2, 3], [9, 15]]], "brush": BRUSH},
            {"op": "toggle", "image": empty, "r": 0, "c": 0, "brush": BRUSH},
            {
                "op": "toggle",
                "image": [[1.0] * side for _ in range(side)],
                "r": 5,
                "c": 5,
                "brush": BRUSH,
            },
        ],
    )
    line = torch.tensor(line)
    full = (line == 1).nonzero().tolist()
    assert [2, 3] in full and [9, 15] in full and len(full) == 13  # one cell per column step
    assert set(line.unique().tolist()) == {0.0, 0.5, 1.0}
    once = torch.tensor(once)
    assert once[0, 0] == 1 and once[0, 1] == once[1, 0] == 0.5 and once.sum() == 2
    twice = torch.tensor(twice)
    assert twice[5, 5] == 0 and twice.sum() == side * side - 1
