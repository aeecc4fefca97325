"""The small network of chapter "What a network learns": its digits, its layers, its training
record, determinism whatever the thread count, and clear refusals."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import torch
import torch.nn.functional as F
from helpers import ROOT, refusal
from sklearn.datasets import load_digits

from convbook.network import (
    Digits,
    SmallCNN,
    accuracy,
    digits,
    one_thread,
    train_network,
)


@pytest.fixture(scope="module")
def data() -> Digits:
    return digits()


@pytest.fixture(scope="module")
def short_run(data):
    return train_network(data, epochs=3)


def test_digits_are_the_scans_enlarged_and_shifted(data):
    scans = load_digits()
    assert data.image_size == 20
    assert data.train_images.dtype == torch.float64 and data.train_labels.dtype == torch.int64
    assert len(data.train_labels) == 1438 and len(data.test_labels) == 359
    images = torch.cat([data.train_images, data.test_images])
    assert images.min() >= 0 and images.max() <= 1
    labels = torch.cat([data.train_labels, data.test_labels])
    assert torch.equal(labels.bincount(), torch.tensor(scans.target).bincount())
    plain = digits(scale=1, shift=0)  # the scans themselves, divided by 16, in some order
    flat = torch.cat([plain.train_images, plain.test_images]).flatten(1)
    expected = torch.tensor(scans.images, dtype=torch.float64).flatten(1) / 16
    assert sorted(map(tuple, flat.tolist())) == sorted(map(tuple, expected.tolist()))
    # every canvas holds the whole enlarged scan: a border of 2 pixels is empty on each axis
    rows, cols = images.sum(dim=(1, 3)) > 0, images.sum(dim=(1, 2)) > 0
    assert (rows.sum(1) <= 16).all() and (cols.sum(1) <= 16).all()


def test_the_shifts_move_the_digits_and_the_seed_fixes_them(data):
    centred = digits(shift=0)
    assert centred.image_size == 16
    again = digits()
    assert torch.equal(again.train_images, data.train_images)
    assert not torch.equal(digits(seed=1).train_labels, data.train_labels)
    ink_rows = data.train_images.sum(dim=(1, 3)) > 1e-9
    first_row = ink_rows.double().argmax(dim=1)  # where each digit's ink begins
    assert len(first_row.unique()) >= 5  # placed at several heights, not all centred


def test_the_network_has_two_convolutions_with_pooling_and_a_linear_head():
    model = SmallCNN()
    assert model.conv1.weight.shape == (8, 1, 3, 3) and model.conv1.padding == (0, 0)
    assert model.conv2.weight.shape == (16, 8, 3, 3) and model.conv2.padding == (1, 1)
    assert model.head.weight.shape == (10, 16 * 4 * 4)
    x = torch.rand(5, 1, 20, 20, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
    by_hand = F.max_pool2d(F.relu(model.conv1(x)), 2)
    by_hand = F.max_pool2d(F.relu(model.conv2(by_hand)), 2)
    assert torch.equal(model(x), model.head(by_hand.flatten(1)))
    assert SmallCNN((4, 6), kernel_size=5, image_size=9)(x[:, :, :9, :9]).shape == (5, 10)


def test_the_record_holds_every_epoch(short_run, data):
    record = short_run
    assert record.epochs == 3 and len(record.losses) == len(record.accuracies) == 3
    assert record.filters.shape == (4, 8, 3, 3) and record.biases.shape == (4, 8)
    assert torch.equal(record.filters[-1], record.model.conv1.weight.detach()[:, 0])
    assert torch.equal(record.biases[-1], record.model.conv1.bias.detach())
    with torch.random.fork_rng():
        torch.manual_seed(0)
        start = SmallCNN()
    assert torch.equal(record.filters[0], start.conv1.weight.detach()[:, 0])
    assert all((a != b).any() for a, b in zip(record.filters, record.filters[1:]))  # they move
    assert record.losses[-1] < record.losses[0] < 2.4  # below log(10), a guess, after epoch 1
    assert record.accuracy == accuracy(record.model, data.test_images, data.test_labels)
    assert record.accuracy == record.accuracies[-1]


def test_a_short_run_is_far_above_chance(short_run):
    assert short_run.accuracy > 0.5  # chance: 0.1


def test_training_takes_nothing_from_the_global_random_state(data):
    torch.manual_seed(123)
    expected = torch.rand(3)
    torch.manual_seed(123)
    train_network(data, epochs=1)
    assert torch.equal(torch.rand(3), expected)


def test_one_thread_gives_back_the_thread_count():
    before = torch.get_num_threads()
    with pytest.raises(RuntimeError), one_thread():
        assert torch.get_num_threads() == 1
        raise RuntimeError("inside")
    assert torch.get_num_threads() == before


RUN = """
import torch
from convbook.network import digits, train_network
record = train_network(digits(), epochs=2)
torch.save([record.filters, record.biases, record.model.state_dict(), record.losses,
            record.accuracies], {path!r})
"""


def test_bitwise_the_same_with_any_number_of_threads(tmp_path):
    """As nbval runs the chapter: once with the default thread count, once with OMP_NUM_THREADS=1
    (and once with more threads than cores)."""
    results = []
    for threads in (None, "1", "3"):
        path = tmp_path / f"run-{threads}.pt"
        env = {"PATH": "/usr/bin:/bin"}
        if threads:
            env["OMP_NUM_THREADS"] = threads
        subprocess.run(
            [sys.executable, "-c", RUN.format(path=str(path))], env=env, check=True, cwd=ROOT
        )
        results.append(torch.load(path))
    first = results[0]
    for other in results[1:]:
        assert torch.equal(other[0], first[0]) and torch.equal(other[1], first[1])
        assert all(torch.equal(other[2][k], first[2][k]) for k in first[2])
        assert other[3] == first[3] and other[4] == first[4]


def test_rounding_far_below_the_printed_precision_stays_there(data):
    """Another machine adds in another order: changes near float64's rounding (here 1e-12, a
    thousand times larger) move the filters by far less than the 3 decimals the chapter prints."""
    noise = torch.randn(data.train_images.shape, generator=torch.Generator().manual_seed(1))
    nudged = Digits(
        data.train_images * (1 + 1e-12 * noise.double()),
        data.train_labels,
        data.test_images,
        data.test_labels,
    )
    a, b = train_network(data, epochs=4), train_network(nudged, epochs=4)
    assert (a.filters - b.filters).abs().max() < 1e-8
    assert a.accuracies == b.accuracies
    assert max(abs(x - y) for x, y in zip(a.losses, b.losses)) < 1e-8


BAD = [
    ("scale 0", lambda: digits(scale=0), ValueError, "scale must be at least 1"),
    ("scale float", lambda: digits(scale=1.5), TypeError, "scale must be an int"),
    ("shift negative", lambda: digits(shift=-1), ValueError, "shift must be at least 0"),
    ("shift bool", lambda: digits(shift=True), TypeError, "shift must be an int, got bool"),
    ("held_out 0", lambda: digits(held_out=0), ValueError, "held_out must lie strictly"),
    ("held_out 1", lambda: digits(held_out=1.0), ValueError, "held_out must lie strictly"),
    ("held_out str", lambda: digits(held_out="0.2"), TypeError, "held_out must be a number"),
    ("held_out tiny", lambda: digits(held_out=1e-4), ValueError, "keeps 0 of the 1797"),
    ("seed float", lambda: digits(seed=0.5), TypeError, "seed must be an int or None"),
    ("channels 0", lambda: SmallCNN((0, 4)), ValueError, "channels must be positive"),
    ("channels str", lambda: SmallCNN("8"), TypeError, "channels must be an int or a pair"),
    ("kernel 0", lambda: SmallCNN(kernel_size=0), ValueError, "kernel_size must be at least 1"),
    (
        "image too small",
        lambda: SmallCNN(kernel_size=5, image_size=7),
        ValueError,
        "image_size 7 is too small for a 5 x 5 filter .* at least 8",
    ),
    ("data a tensor", lambda: train_network(torch.ones(3)), TypeError, "data must be the Digits"),
    ("epochs 0", lambda: train_network(DATA, epochs=0), ValueError, "epochs must be at least 1"),
    ("lr 0", lambda: train_network(DATA, lr=0), ValueError, "lr must be a positive finite"),
    ("lr nan", lambda: train_network(DATA, lr=float("nan")), ValueError, "lr must be a positive"),
    ("batch 0", lambda: train_network(DATA, batch_size=0), ValueError, "batch_size must be at"),
    ("seed str", lambda: train_network(DATA, seed="0"), TypeError, "seed must be an int"),
    (
        "kernel too large",
        lambda: train_network(DATA, kernel_size=18),
        ValueError,
        "image_size 20 is too small for a 18 x 18 filter",
    ),
]
DATA = digits(scale=2, shift=2)
IMAGES, LABELS = DATA.test_images, DATA.test_labels
DIGITS = [
    ("images float32", (IMAGES.float(), LABELS), ValueError, "train_images must be float64"),
    ("images 3-D", (IMAGES[:, 0], LABELS), ValueError, r"shape \(n, 1, size, size\)"),
    ("no images", (IMAGES[:0], LABELS[:0]), ValueError, "train_images must hold square images"),
    ("images not square", (IMAGES[..., :-1], LABELS), ValueError, "must hold square images"),
    ("images NaN", (IMAGES * float("nan"), LABELS), ValueError, "must contain only finite"),
    ("labels a list", (IMAGES, LABELS.tolist()), TypeError, "train_labels must be a torch.Tensor"),
    ("labels float", (IMAGES, LABELS.double()), ValueError, "train_labels must be int64"),
    ("labels too few", (IMAGES, LABELS[:-1]), ValueError, "one for each image"),
    ("label 10", (IMAGES, LABELS + 10), ValueError, "train_labels must lie from 0 to 9"),
    (
        "sizes differ",
        (IMAGES[..., :-1, :-1], LABELS),
        ValueError,
        "must have one size, got 19 and 20",
    ),
]
BAD += [
    (f"Digits: {case}", lambda part=part: Digits(*part, IMAGES, LABELS), error, words)
    for case, part, error, words in DIGITS
]


@pytest.mark.parametrize(
    "call, error, words", [refusal(case, call, error, words) for case, call, error, words in BAD]
)
def test_refuses_bad_input(call, error, words):
    with pytest.raises(error, match=words):
        call()


# ---- The filters explorer's Python side (its page: test_filters_browser.py) ----


def test_the_explorer_sends_the_snapshots_and_computes_the_maps_as_the_layer_does(short_run, data):
    from convbook.widgets import FiltersExplorer

    image = data.test_images[0, 0]
    explorer = FiltersExplorer(short_run, image)
    assert explorer.epoch == short_run.epochs  # it opens on the trained filters
    assert len(explorer.snapshots) == short_run.epochs + 1
    torch.testing.assert_close(explorer.filters, short_run.filters[-1], atol=5e-5, rtol=0)
    with torch.no_grad():
        layer = short_run.model.conv1(image[None, None])[0]
    torch.testing.assert_close(explorer.feature_maps, layer, atol=1e-3, rtol=0)
    explorer.epoch = 0
    torch.testing.assert_close(explorer.filters, short_run.filters[0], atol=5e-5, rtol=0)
    torch.testing.assert_close(explorer.biases, short_run.biases[0], atol=5e-5, rtol=0)
    assert explorer.accuracies == [round(a, 6) for a in short_run.accuracies]
    assert re.search(r"export\s*(default\b|\{[^}]*\bas default\b)", explorer._esm)
    assert re.search(r"\bfunction featureMaps\(", explorer._esm)


def explorer_refusals():
    from convbook.widgets import FiltersExplorer

    record = train_network(DATA, epochs=1)
    image = DATA.test_images[0, 0]

    def set_epoch(value):
        FiltersExplorer(record, image).epoch = value

    return [
        ("record a dict", lambda: FiltersExplorer({}, image), TypeError, "record must be the"),
        (
            "image 3-D",
            lambda: FiltersExplorer(record, image[None]),
            ValueError,
            "image must be 2-D",
        ),
        (
            "image ints",
            lambda: FiltersExplorer(record, torch.ones(5, 5, dtype=torch.int64)),
            TypeError,
            "image must have a floating-point",
        ),
        (
            "image too small",
            lambda: FiltersExplorer(record, torch.ones(2, 9)),
            ValueError,
            r"image of shape \(2, 9\) is smaller than the 3 x 3 filters",
        ),
        ("epoch past the end", lambda: set_epoch(2), ValueError, "epoch must be from 0 .* to 1"),
        (
            "epoch negative",
            lambda: FiltersExplorer(record, image, epoch=-1),
            ValueError,
            "epoch must be from 0",
        ),
        ("epoch bool", lambda: set_epoch(True), TypeError, "epoch must be an int, got bool"),
        ("epoch float", lambda: set_epoch(1.0), TypeError, "epoch must be an int, got float"),
    ]


@pytest.mark.parametrize(
    "call, error, words",
    [refusal(case, call, error, words) for case, call, error, words in explorer_refusals()],
)
def test_the_explorer_refuses_bad_input(call, error, words):
    with pytest.raises(error, match=words):
        call()
