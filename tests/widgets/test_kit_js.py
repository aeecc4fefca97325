"""The widgets' front-end kit (src/convbook/widgets/kit, rules in kit/KIT.md), run in Node: the
one reading of typed numbers, the player's timing, the cell cursor, the store and the echo rule."""

import pytest
from helpers import needs_node, run_node

pytestmark = needs_node


def js(**case):
    return run_node("run_kit.js", [case])[0]


@pytest.mark.parametrize(
    "text, value",
    [("2", 2), (" -0.25 ", -0.25), ("1e3", 1000), ("−1.5", -1.5), (".5", 0.5), ("+3.", 3),
     ("-0", 0), ("0", 0), ("0e5", 0), ("1e-300", 1e-300)],
)  # fmt: skip
def test_numbers_a_reader_types_are_read(text, value):
    assert js(op="read", text=text, rule={}) == {"value": value}


@pytest.mark.parametrize(
    "text, words",
    [
        ("", "Type a number."),
        (" ", "Type a number."),
        ("-", "Not a number."),
        ("abc", "Not a number."),
        ("--1", "Not a number."),
        ("0x10", "Not a number."),
        ("1,5", "Write decimals with a point, not a comma."),
        ("NaN", "Type a number made of digits."),
        ("-Infinity", "Type a number made of digits."),
        ("1e309", "Too large even for float64 (at most 1.8e+308 in size)."),
        ("1e-400", "Too small to tell from 0 (float64 stops near 1e-308); type 0 for 0."),
    ],
)
def test_what_is_not_a_plain_number_is_refused_in_words_that_do_not_quote_it(text, words):
    assert js(op="read", text=text, rule={}) == {"error": words}


def test_the_rule_of_a_box():
    rule = {"low": -1000, "high": 1000}
    words = "Choose a value from −1000 to 1000."
    assert js(op="read", text="1000.5", rule=rule) == {"error": words}
    assert js(op="read", text="−1000", rule=rule) == {"value": -1000}
    assert js(op="read", text="2.5", rule={"whole": True}) == {"error": "Type a whole number."}
    assert js(op="read", text="1e39", rule={"float32": True})["error"].startswith("Beyond float32")
    assert js(op="read", text="3e38", rule={"float32": True}) == {"value": 3e38}
    assert js(op="read", text="1e-9", rule={"low": 1e-7, "high": 10}) == {
        "error": "Choose a value from 1e-7 to 10."
    }


def test_number_text_is_short_and_uses_the_typographic_minus():
    assert [js(op="number_text", value=v) for v in (-5, 0.05, 1e-7, 2e6)] == [
        "−5",
        "0.05",
        "1e-7",
        "2e+6",
    ]


def test_the_player_steps_at_its_speed_and_stops_at_the_end():
    run = js(op="player", length=4, speed=4, script=[["play"], ["wait", 2000]])
    assert run["log"] == [[0, 0], [0, "play"], [250, 1], [500, 2], [750, 3], [1000, "pause"]]
    assert run["playing"] is False


def test_a_new_speed_takes_effect_at_once():
    """At 1 a second, 100 ms after a step, a new speed of 10 a second steps at 100 ms after it,
    not at the old timer's 1000 ms."""
    script = [["play"], ["wait", 100], ["speed", 10], ["wait", 150]]
    run = js(op="player", length=10, speed=1, script=script)
    assert run["log"] == [[0, 0], [0, "play"], [100, 1], [200, 2]]
    slower = js(op="player", length=10, speed=10, script=[["play"], ["speed", 1], ["wait", 999]])
    assert slower["log"] == [[0, 0], [0, "play"]] and slower["playing"]


def test_pause_step_and_start_over():
    script = [["play"], ["wait", 600], ["pause"], ["wait", 5000], ["stepOnce"], ["restart"]]
    run = js(op="player", length=10, speed=2, script=script)
    assert run["log"] == [[0, 0], [0, "play"], [500, 1], [600, "pause"], [5600, 2], [5600, 0]]
    # play from the end starts over
    again = js(op="player", length=2, speed=1, script=[["play"], ["wait", 3000], ["play"]])
    assert again["log"][-3:] == [[2000, "pause"], [3000, 0], [3000, "play"]]


@pytest.mark.parametrize(
    "key, at, expected",
    [
        ("ArrowRight", [0, 0], [0, 1]),
        ("ArrowLeft", [0, 0], [0, 0]),
        ("ArrowDown", [2, 3], [2, 3]),
        ("ArrowUp", None, [0, 0]),
        ("Home", [2, 2], [0, 0]),
        ("End", None, [2, 3]),
        ("a", [1, 1], None),
    ],
)
def test_the_cell_cursor_keys(key, at, expected):
    assert js(op="cursor", key=key, at=at, rows=3, cols=4) == expected


def test_the_cell_under_the_pointer_on_a_canvas_scaled_by_css():
    rect = {"left": 10, "top": 20, "width": 100, "height": 50}  # drawn 200 x 100, shown halved
    assert js(op="cell_at", x=10, y=20, rect=rect, rows=4, cols=8) == [0, 0]
    assert js(op="cell_at", x=109.9, y=69.9, rect=rect, rows=4, cols=8) == [3, 7]
    assert js(op="cell_at", x=35, y=45, rect=rect, rows=4, cols=8) == [2, 2]
    assert js(op="cell_at", x=500, y=-5, rect=rect, rows=4, cols=8) == [0, 7]


def test_a_hidpi_canvas_backing():
    assert js(op="backing", width=300, height=44, ratio=2) == [600, 88]
    assert js(op="backing", width=301, height=44, ratio=1.5) == [452, 66]


def test_the_store_tells_what_changed_and_why():
    run = js(op="store", script=[[{"a": 2}, "typed"], [{"a": 2}, "typed"], [{"b": [1]}, "python"]])
    assert run["heard"] == [[["a"], "typed"], [["b"], "python"]]
    assert run["state"] == {"a": 2, "b": [1]}


def test_the_echo_rule():
    """What the view saved and Python echoes back is not heard; Python's own change is, once,
    with the traits it changed; saving what is already there sends nothing."""
    run = js(
        op="bridge",
        start={"k": [[1]], "name": "a"},
        script=[
            ["view", {"k": [[2]], "name": "b"}],
            ["python", {"k": [[2]], "name": "b"}],  # the echo
            ["python", {"k": [[3]]}],  # Python's own
            ["view", {"k": [[3]]}],  # already so
            ["view", {"name": "c"}],
        ],
    )
    assert run["heard"] == [["k"]]
    assert run["saves"] == [True, False, True] and run["saved"] == 2
