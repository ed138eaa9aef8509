"""The parser bounds the work sympy does, not the syntax (issue 13, item 11).

A hostile user hides a huge constant behind variables that cancel (``2**(x - x + 10**15)``)
or behind what sympy evaluates on its own (``exp(x + 10**15*log(2))`` is ``2**10**15 *
exp(x)`` to sympy). Each formula here runs in one worker process with a memory cap; the
worker reports how long each took, and a formula that hangs is killed after a few seconds
and named, instead of hanging the test run or exhausting the machine.

Every formula is either refused with a one-line :class:`ExpressionError` that quotes it and
says why, or parsed into an expression that :class:`Curve` (derivative, values, LaTeX) and
:class:`ScalarField` (gradient, Hessian) handle quickly.
"""

from __future__ import annotations

import json
import os
import selectors
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
QUICK = 2.0  # seconds a formula may take in the worker (parse, or parse and use)
HANG = 6.0  # seconds after which the worker is killed and the formula named
MEMORY = 2_000_000_000  # bytes of address space for the worker

# text -> words the refusal must contain
REFUSED = {
    "2**(x-x+10**15)": "exponent 1e+15 makes a constant too large",
    "(x-x+2)**(x-x+10**15)": "exponent 1e+15 makes a constant too large",
    "2**(x-x+10**6)": "exponent 1e+06 makes a constant too large",
    "(x-x+10)**(x-x+10)**(x-x+10)": "exponent 1e+10 makes a constant too large",
    "(x-x+10**15)**(x-x+10**15)": "makes a constant too large",
    "exp(x-x+10**6)": "too large",
    "exp(exp(x-x+10))": "too large",
    "sin(x-x+10**300)": "too large",
    "sqrt(sqrt(sqrt(x-x+10**300)))": "too large",
    "(x-x+1)/(x-x+10**200)": "too large",
    "(x-x+10**60)*(x-x+10**60)": "too large",
    "*".join(["(x-x+10**15)"] * 10): "too large",
    "2**(x-x+300)*2**(x-x+300)": "too large",
    "(2**(x-x+300)*x)*(2**(x-x+300)*x)": "beyond 1e+100",
    "10**60*x*10**60": "beyond 1e+100",
    # exact powers that are tiny, or fractions near 1, are as costly as huge ones
    "2**-10**15": "number 2 in its base need about 3e+14 digits",
    "2**(x-x-10**15)": "number 2 in its base need about 3e+14 digits",
    "(1/3)**10**15": "number 1/3 in its base",
    "((10**15+1)/10**15)**10**15": "fraction of 30 digits",
    "((10**15+1)/10**15*x)**(x-x+10**15)": "fraction of 30 digits",
    "2**-400": "digits",
    # the number factors of a power of a variable
    "x**(x-x+10**9)*(x*(x-x+3))**(x-x+10**15)": "number 3 in its base",
    "(x/3)**(x-x+10**15)": "number 1/3 in its base",
    "sqrt(x-x+2)**(x-x+10**15)": "makes a constant too large",
    "(sqrt(x-x+2)*x)**(x-x+10**15)": "digits",
    "(pi*x)**(x-x+10**15)": "digits",
    "((2*x)**(1/3))**(3*10**15)": "digits",
    "(x**(1/3)*2)**(x-x+3*10**15)": "number 2 in its base",
    # sympy multiplies the numbers under the same root, and factors the product
    "*".join(f"sqrt((10**49+{k})/10**49)" for k in range(7, 27, 2)): "square roots need about",
    # exp(c*log(b)) is b**c to sympy, in every term of the argument
    "exp(x+log(2)*10**15)": "exp(1e+15*log(b)) is a power",
    "exp(x+log(2)*(x-x+10**15))": "exp(1e+15*log(b)) is a power",
    "e**(x+10**15*log(2))": "exp(1e+15*log(b)) is a power",
    "exp(10**15*log(2*x))": "number 2 in its base",
    "exp(10**15*(log(x)+log(2)))": "number 2 in its base",
    "exp(x-x+10**15*log((10**15+1)/10**15))": "fraction of 30 digits",
    "exp(x-10**15*log(2))": "exp(-1e+15*log(b)) is a power",
    # constants with no real value, reached through a cancellation
    "log(x-x)": "no real value",
    "sqrt(x-x-1)": "no real value",
    "1/(x-x)": "divides by zero",
    "0**(x-x-1)": "no real value",
    "x+asin(x-x+2)": "no real value",
}

# formulas that are fine (the variable's own power costs nothing), and ordinary ones
ACCEPTED = [
    "x**(x-x+10**9)",
    "x**(x-x+10**15)",
    "(x**10**15)**10**15",
    "(x+1)**(x-x+500)",
    "(x+10**15)**(x-x+10**15)",
    "(x**2+1)**(10**15)",
    "(3*x+0.5)**(10**15)",
    "exp(10**15*log(x))",
    "exp(x*10**15*log(2))",
    "2**(10**15*x)",
    "sigmoid(x-x-10**15*log(2))*x",
    "sin(x-x+10**100)*x",
    "log(x)+log(10**40)",
    "exp(-10**20)+x",
    "sqrt(sqrt(sqrt(sqrt(sqrt(sqrt(x-x+2))))))*x",
    "(2*x)**(x-x+300)",
    "x**0.5**1000",
    "x**(x-x)",
    "x**x**x**x",
    "abs(x)**(10**15+1)",
    "(x+1)**1000*(x+2)**1000*(x+3)**1000",
    "x**1000",
    "0.3*(x**2 + 2*e**2)",
    "(x + 2*e - 7)**2 + (2*x + e - 5)**2",
    "100*(e - x**2)**2 + (1 - x)**2",
    "exp(-(x**2 + e**2)/2)",
    "cosh(x) - 1",
]

WORKER = textwrap.dedent(
    """
    import json, resource, sys, time
    resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))
    import numpy as np
    from mathcore import Curve, ExpressionError, ScalarField, parse_expression
    from mathcore.sampling import DomainError

    def use(text):
        # what the lessons do with a formula: derivative, values, slope, LaTeX (e is Euler's
        # number); then with e as a second variable: gradient, Hessian
        curve = Curve(text, "x")
        curve.derivative(np.linspace(-2.0, 2.0, 41))
        curve(np.linspace(-2.0, 2.0, 41))
        curve.latex
        try:
            curve.slope(0.5)
        except DomainError:
            pass
        field = ScalarField(text, ("x", "e"))
        field.gradient((0.5, 0.25))
        field.hessian((0.5, 0.25))
        field.latex

    print("ready", flush=True)
    for line in sys.stdin:
        mode, text = json.loads(line)
        start = time.perf_counter()
        try:
            if mode == "parse":
                parse_expression(text, ("x",))
            else:
                use(text)
            outcome, message = "accepted", ""
        except ExpressionError as error:
            outcome, message = "refused", str(error)
        except BaseException as error:  # MemoryError, a numpy TypeError: the test fails
            outcome, message = "crashed", f"{{type(error).__name__}}: {{error}}"
        seconds = time.perf_counter() - start
        print(json.dumps([outcome, message, seconds]), flush=True)
    """
).format(memory=MEMORY)


class Worker:
    """One Python process running formulas, each with a deadline."""

    def __init__(self):
        env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", PYTHONPATH=str(ROOT))
        self.process = subprocess.Popen(
            [sys.executable, "-c", WORKER],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.process.stdout, selectors.EVENT_READ)
        assert self._line(60.0) == "ready"

    def _line(self, timeout: float) -> str | None:
        if not self.selector.select(timeout):
            return None
        return self.process.stdout.readline().strip()

    def run(self, mode: str, text: str) -> tuple[str, str, float]:
        if self.process.poll() is not None:  # killed after an earlier formula hung
            self.__init__()
        self.process.stdin.write(json.dumps([mode, text]) + "\n")
        self.process.stdin.flush()
        start = time.monotonic()
        line = self._line(HANG)
        if not line:
            self.close()
            pytest.fail(f"{text!r} ({mode}) still ran after {time.monotonic() - start:.1f} s, or killed the worker")
        outcome, message, seconds = json.loads(line)
        return outcome, message, seconds

    def close(self):
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()


@pytest.fixture(scope="module")
def worker():
    worker = Worker()
    yield worker
    worker.close()


@pytest.mark.parametrize(("text", "words"), list(REFUSED.items()), ids=list(REFUSED))
def test_hostile_formula_refused_quickly_with_a_reason(worker, text, words):
    outcome, message, seconds = worker.run("parse", text)
    assert outcome == "refused", f"{text!r}: {outcome} {message}"
    assert seconds < QUICK, f"{text!r} took {seconds:.2f} s to refuse"
    assert message.startswith(f"cannot use {text[:57]!r}"[:-1]), message
    assert "\n" not in message
    assert words in message


@pytest.mark.parametrize("text", ACCEPTED)
def test_formula_accepted_and_usable_quickly(worker, text):
    outcome, message, seconds = worker.run("parse", text)
    assert outcome == "accepted", f"{text!r}: {outcome} {message}"
    assert seconds < QUICK, f"{text!r} took {seconds:.2f} s to parse"
    outcome, message, seconds = worker.run("use", text)
    assert outcome == "accepted", f"{text!r}: {outcome} {message}"
    assert seconds < 2 * QUICK, f"{text!r} took {seconds:.2f} s as a Curve and a ScalarField"
