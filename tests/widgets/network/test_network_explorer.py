"""The network explorer's Python side: the snapshots it stores are the training record's, its
probabilities are the trained network's, and hostile trait values are refused naming the trait,
the last valid state kept (the record's own snapshots: TrainingRecord.states)."""

from __future__ import annotations

import base64

import pytest
import torch
import traitlets

from convbook.network import digits, train_network
from convbook.widgets import NetworkExplorer
from convbook.widgets.network_explorer import DRAWING, decode, encode


@pytest.fixture(scope="module")
def data():
    return digits()


@pytest.fixture(scope="module")
def record(data):
    return train_network(data, epochs=2)


@pytest.fixture
def explorer(record, data):
    return NetworkExplorer(record, data, epochs=(0, 2))


def test_the_record_keeps_every_weight_after_every_epoch(record):
    assert len(record.states) == record.epochs + 1
    for epoch, state in enumerate(record.states):
        assert torch.equal(state["conv1.weight"][:, 0], record.filters[epoch])
        assert torch.equal(state["conv1.bias"], record.biases[epoch])
    last = record.snapshot(record.epochs)
    assert all(torch.equal(a, b) for a, b in zip(last.parameters(), record.model.parameters()))
    assert not torch.equal(record.states[0]["head.weight"], record.states[1]["head.weight"])
    with pytest.raises(ValueError, match="epoch must be from 0 to 2"):
        record.snapshot(3)


def test_the_stored_weights_are_the_records_in_float32(explorer, record, data):
    for epoch in (0, 2):
        for name, value in explorer.weights(epoch).items():
            assert torch.equal(value, record.states[epoch][name].float().double()), name
    image = explorer.digit_image(explorer.choice)
    assert torch.equal(image, data.test_images[explorer.digits[0]["index"], 0])  # k / 256: exact
    with torch.no_grad():
        trained = torch.softmax(record.model(image[None, None])[0], dim=0)
    torch.testing.assert_close(explorer.probabilities, trained, rtol=0, atol=1e-5)
    assert [s["accuracy"] for s in explorer.snapshots][1] == record.accuracy


def test_the_digits_offered_include_every_label_and_wrong_ones(explorer, record, data):
    labels = {d["label"] for d in explorer.digits}
    assert labels == set(range(10))
    indices = torch.tensor([d["index"] for d in explorer.digits])
    with torch.no_grad():
        guesses = record.model(data.test_images[indices]).argmax(dim=1)
    assert (guesses != data.test_labels[indices]).sum() == 10


def nan_weights(explorer):
    snapshots = [dict(s, weights=dict(s["weights"])) for s in explorer.snapshots]
    snapshots[0]["weights"]["conv1.bias"] = encode(torch.tensor([float("nan")] * 8))
    return snapshots


def short_weights(explorer):
    snapshots = [dict(s, weights=dict(s["weights"])) for s in explorer.snapshots]
    snapshots[1]["weights"]["conv2.weight"] = encode(torch.zeros(16, 8, 2, 2))
    return snapshots


HOSTILE = [
    ("snapshots", nan_weights, "snapshots weights conv1.bias must contain only finite"),
    ("snapshots", short_weights, "snapshots weights conv2.weight must hold 1152 float32"),
    ("snapshots", lambda e: [], "snapshots must be a non-empty list"),
    ("snapshots", lambda e: [dict(e.snapshots[0], weights={})], "snapshots weights must be named"),
    ("snapshots", lambda e: e.snapshots[::-1], "snapshots epochs must be ints, rising"),
    ("digits", lambda e: [dict(e.digits[0], pixels="not base64!")], "digits pixels must be base64"),
    (
        "digits",
        lambda e: [dict(e.digits[0], pixels=encode(torch.full((400,), 2.0)))],
        "digits pixels must lie from 0",
    ),
    ("digits", lambda e: [dict(e.digits[0], name=DRAWING)], "digits must have distinct names"),
    ("image", lambda e: [[0.0] * 20] * 19, "image must be 20 rows of 20 numbers"),
    ("image", lambda e: [[float("nan")] * 20] * 20, "image must hold numbers from 0"),
    ("image", lambda e: [[True] * 20] * 20, "image must hold numbers from 0"),
    ("epoch", lambda e: 1, "epoch must be one of \\[0, 2\\]"),
    ("choice", lambda e: "a five", "choice must be one of"),
]


@pytest.mark.parametrize(("trait", "make", "words"), HOSTILE)
def test_hostile_values_are_refused_naming_the_trait(explorer, trait, make, words):
    before = getattr(explorer, trait)
    with pytest.raises(ValueError, match=words) as caught:
        setattr(explorer, trait, make(explorer))
    assert isinstance(caught.value, traitlets.TraitError)
    assert getattr(explorer, trait) == before


def test_bad_arguments_are_refused(record, data):
    with pytest.raises(TypeError, match="record must be the TrainingRecord"):
        NetworkExplorer("record", data)
    with pytest.raises(TypeError, match="data must be the Digits"):
        NetworkExplorer(record, data.test_images)
    with pytest.raises(ValueError, match="epoch must be from 0 to 2"):
        NetworkExplorer(record, data, epochs=(0, 5))
    with pytest.raises(TypeError, match="values must be base64 text"):
        decode(3, 1)
    assert decode(base64.b64encode(b"\0\0\0\0").decode(), 1).tolist() == [0.0]


def test_choosing_a_digit_in_python_puts_it_on_the_grid(explorer):
    name = explorer.digits[3]["name"]
    explorer.choice = name
    assert torch.equal(
        torch.tensor(explorer.image, dtype=torch.float64), explorer.digit_image(name)
    )
    drawn = explorer.image
    explorer.choice = DRAWING  # drawing keeps what is on the grid
    assert explorer.image == drawn
