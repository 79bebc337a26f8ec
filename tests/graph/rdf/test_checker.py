"""The checker thread runs the checks handed to it in order, gives each result (or raises its
error) to whoever waits, and drops the checks not begun once stopped."""

from __future__ import annotations

import threading
import time

import pytest
from plankg.errors import InputError
from plankg.graph.rdf.checker import Checker, checking


def test_each_check_gives_its_result_in_a_thread_of_its_own():
    ran: list[str] = []
    with checking() as checker:
        checks = [checker.submit(lambda n=n: ran.append(f"{n}") or n * n) for n in range(5)]
        assert [c.result() for c in checks] == [0, 1, 4, 9, 16]
    assert ran == ["0", "1", "2", "3", "4"]
    assert all(t.name != "plankg-shacl" for t in threading.enumerate())  # gone with the block


def test_a_check_that_fails_raises_its_error_where_its_result_is_asked_for():
    def broken() -> int:
        raise InputError("not Turtle")

    with checking() as checker:
        check = checker.submit(broken)
        with pytest.raises(InputError, match="not Turtle"):
            check.result()
        assert checker.submit(lambda: 3).result() == 3


def test_checks_not_begun_are_dropped_when_the_checker_stops():
    begun, gate, ran = threading.Event(), threading.Event(), []

    def first_check() -> str:
        begun.set()
        gate.wait(timeout=10)
        return "first"

    checker = Checker()
    first = checker.submit(first_check)
    later = [checker.submit(lambda n=n: ran.append(n)) for n in range(3)]
    assert begun.wait(timeout=10)
    stopping = threading.Thread(target=checker.stop)
    stopping.start()
    while not checker._stopped:
        time.sleep(0.001)
    gate.set()
    stopping.join(timeout=10)
    assert first.result() == "first" and not stopping.is_alive()
    assert ran == [] and not any(check.done.is_set() for check in later)
