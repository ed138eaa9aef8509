"""Settings declared once: type, bounds and one line of documentation per class attribute.

A lesson scene declares each setting as an annotated class attribute::

    learning_rate: ClassVar[Annotated[float, Setting("eta in the update rule", above=0, high=10)]] = 0.25

The annotation drives everything that reads settings: :meth:`scenes.kit.lesson.LessonMixin.validate`
(type, finiteness, bounds), the course-file check and ``lessons list`` (through
``parameters()``), and the "Settings" section appended to the scene's docstring. A subclass
overrides the value with a plain assignment (``learning_rate = 0.05``); the declaration is
inherited.

Numbers are always finite. Bounds on a tuple apply to each of its numbers (in nested tuples
too: the learning rates of ``(name, rate)`` pairs); ``items`` bounds
its length and ``increasing`` asks for strictly increasing items (a range ``(low, high)``).
"""

from __future__ import annotations

import math
import types
import typing
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any

__all__ = ["Setting", "SettingError", "check_value", "describe", "plain_number", "setting_of", "text_problem", "value_text"]


class SettingError(ValueError):
    """A class attribute whose value a scene cannot use."""


@dataclass(frozen=True)
class Setting:
    """The declaration of one setting (see the module docstring).

    Parameters
    ----------
    doc : str
        One line saying what the setting does, for docs and ``lessons list``.
    low, high : float, optional
        Inclusive bounds on the value (each number of a tuple).
    above, below : float, optional
        Exclusive bounds.
    items : tuple of int, optional
        The least and most number of items of a tuple of any length.
    increasing : bool
        Items of a tuple must strictly increase (a range).
    min_span : float, optional
        For a range ``(low, high)``: ``high - low`` must be at least this.
    max_length : int, optional
        Most characters of a text setting.
    """

    doc: str
    low: float | None = None
    high: float | None = None
    above: float | None = None
    below: float | None = None
    items: tuple[int, int] | None = None
    increasing: bool = False
    min_span: float | None = None
    max_length: int | None = None

    def bounds_text(self, plain: bool = True) -> str:
        """The bounds in words, e.g. ``"> 0 and <= 10"``, numbers as people write them
        (:func:`plain_number`: ``1,000,000`` and ``0.000001``, never ``1e+06``)."""
        parts = []
        if self.above is not None:
            parts.append(f"> {plain_number(self.above)}")
        if self.low is not None:
            parts.append(f">= {plain_number(self.low)}")
        if self.below is not None:
            parts.append(f"< {plain_number(self.below)}")
        if self.high is not None:
            parts.append(f"<= {plain_number(self.high)}")
        return " and ".join(parts)

    def limits_text(self, annotation: Any = None) -> str:
        """Every limit in words, for ``lessons list``: the type of ``annotation`` (when
        given), the bounds (on each number of a tuple), how many items, how long a text.

        >>> Setting("eta", above=0, high=10).limits_text(float)
        'number, > 0 and <= 10'
        >>> Setting("data", items=(2, 200)).limits_text()
        '2 to 200 items'
        """
        parts = [describe(annotation)] if annotation is not None else []
        bounds = self.bounds_text()
        if bounds:
            nested = annotation is not None and typing.get_origin(_bare(annotation)) is tuple
            parts.append(f"each number {bounds}" if nested else bounds)
        if self.items is not None:
            low, high = self.items
            parts.append(f"{low} to {high} items" if low != high else f"{low} items")
        if self.increasing:
            parts.append("increasing")
        if self.min_span is not None:
            parts.append(f"at least {plain_number(self.min_span)} wide")
        if self.max_length is not None:
            parts.append(f"at most {self.max_length} characters")
        return ", ".join(parts)


def plain_number(x: float, grouped: bool = True) -> str:
    """A number as a teacher writes it, never in scientific notation: the one formatter of
    setting values and limits (``lessons list``, docstrings, refusals).

    Whole numbers are grouped by thousands (``grouped=False`` for a value to paste into a
    course file); a fraction keeps its shortest digits; a power of ten below 0.000001 also
    says which power, so nobody has to count the zeros.

    >>> plain_number(1e6), plain_number(1e-06), plain_number(-2.5), plain_number(0.1)
    ('1,000,000', '0.000001', '-2.5', '0.1')
    >>> plain_number(1e-08), plain_number(1e-08, grouped=False)
    ('0.00000001 (10^-8)', '0.00000001')
    >>> plain_number(3.0e-7), plain_number(1e20, grouped=False)
    ('0.0000003', '100000000000000000000')
    """
    x = float(x)
    if not math.isfinite(x):
        return repr(x)
    if x.is_integer():
        return f"{int(x):,}" if grouped else str(int(x))
    exact = Decimal(repr(x))  # the shortest digits that give back x: 0.1, not 0.1000000000000000055
    text = format(exact, "f")
    if grouped and abs(x) < 1e-6:
        power = math.log10(abs(x))
        if power.is_integer() and Decimal(10) ** int(power) == abs(exact):
            text += f" (10^{int(power)})"
    return text


def value_text(value: Any) -> str:
    """A setting's value as Python writes it (``(-3.0, 3.0)``, ``'sgd'``), but every
    number plain (:func:`plain_number`): ``0.00000001``, not ``1e-08``.

    >>> value_text(1e-08), value_text((("sgd", 1e-06), ("adam", 0.1))), value_text((1.0,)), value_text(None)
    ('0.00000001', "(('sgd', 0.000001), ('adam', 0.1))", '(1.0,)', 'None')
    """
    if isinstance(value, float) and "e" in repr(value) and math.isfinite(value) and abs(value) < 1e16:
        return plain_number(value, grouped=False)  # (1e+300 stays short: 301 digits read worse)
    if isinstance(value, (tuple, list)):
        inner = ", ".join(value_text(v) for v in value)
        if isinstance(value, list):
            return f"[{inner}]"
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    return repr(value)


def _bare(annotation: Any) -> Any:
    """``annotation`` without ClassVar, Annotated and Optional around it."""
    if typing.get_origin(annotation) is typing.ClassVar:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) is Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        kept = [a for a in typing.get_args(annotation) if a is not type(None)]
        annotation = kept[0] if len(kept) == 1 else annotation
    return annotation


def setting_of(annotation: Any) -> Setting | None:
    """The :class:`Setting` in an ``Annotated`` annotation, or None."""
    if typing.get_origin(annotation) is typing.ClassVar:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) is Annotated:
        return next((m for m in annotation.__metadata__ if isinstance(m, Setting)), None)
    return None


def describe(annotation: Any) -> str:
    """A short name of a setting's type for messages and listings."""
    if typing.get_origin(annotation) is Annotated:
        annotation = typing.get_args(annotation)[0]
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if annotation is float:
        return "number"
    if annotation is int:
        return "whole number"
    if annotation is str:
        return "text"
    if annotation is bool:
        return "true or false"
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            inner = describe(args[0])
            return f"list of {'lists' + inner[4:] if inner.startswith('list ') else inner + 's'}"
        return f"list of {len(args)} {describe(args[0])}s" if len(set(args)) == 1 else "list"
    if origin in (typing.Union, types.UnionType):
        return " or ".join("nothing" if a is type(None) else describe(a) for a in args)
    return getattr(annotation, "__name__", str(annotation))


def check_value(where: str, annotation: Any, value: Any) -> None:
    """Raise :class:`SettingError` (naming ``where``, e.g. ``"Scene.learning_rate"``) if
    ``value`` does not fit the type and the :class:`Setting` bounds of ``annotation``."""
    setting = setting_of(annotation)
    problem = _type_problem(annotation, value)
    if problem is None and setting is not None:
        problem = _bounds_problem(setting, value)
    if problem is not None:
        raise SettingError(f"{where} = {_short(value)}: {problem}")


def _type_problem(annotation: Any, value: Any) -> str | None:
    if typing.get_origin(annotation) is Annotated:
        annotation = typing.get_args(annotation)[0]
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if annotation is bool:
        return None if isinstance(value, bool) else "expected true or false"
    if annotation is int:
        return None if isinstance(value, int) and not isinstance(value, bool) else "expected a whole number"
    if annotation is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return "expected a number"
        try:
            return None if math.isfinite(float(value)) else "expected a finite number"
        except OverflowError:
            return "the number is too large"
    if annotation is str:
        return text_problem(value) if isinstance(value, str) else "expected text"
    if origin is tuple:
        if not isinstance(value, (tuple, list)):
            return f"expected a {describe(annotation)}"
        if len(args) == 2 and args[1] is Ellipsis:
            kinds = [args[0]] * len(value)
        elif len(value) != len(args):
            return f"expected a list of {len(args)} items, got {len(value)}"
        else:
            kinds = list(args)
        for kind, item in zip(kinds, value):
            problem = _type_problem(kind, item)
            if problem is not None:
                return f"item {_short(item)}: {problem}"
        return None
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        if any(_type_problem(a, value) is None for a in args if a is not type(None)):
            return None
        return f"expected {describe(annotation)}"
    return None


#: Characters no text setting or title may hold: they break a line, move the terminal's
#: cursor or colours, or turn the text around (bidirectional overrides). Tab is let through.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def text_problem(text: str) -> str | None:
    """Why ``text`` cannot be a one-line setting or title, or None.

    >>> text_problem("Slopes, 2nd part"), text_problem("a\\nb"), text_problem("\\x1b[31mred")
    (None, 'one line of text without control characters (it holds U+000A)', 'one line of text without control characters (it holds U+001B)')
    """
    for char in text:
        if char != "\t" and (unicodedata.category(char) in ("Cc", "Zl", "Zp") or char in _BIDI_CONTROLS):
            return f"one line of text without control characters (it holds U+{ord(char):04X})"
    return None


def _numbers(value: Any) -> list[float]:
    if isinstance(value, (tuple, list)):
        return [float(v) for v in value if isinstance(v, (int, float)) and not isinstance(v, bool)]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return [float(value)]
    return []


def _all_numbers(value: Any) -> list[float]:
    """Every number in ``value``, inside nested lists too (the rates of ``(name, rate)`` pairs)."""
    if isinstance(value, (tuple, list)):
        return [x for item in value for x in _all_numbers(item)]
    return _numbers(value)


def _bounds_problem(setting: Setting, value: Any) -> str | None:
    for x in _all_numbers(value):
        if (setting.low is not None and x < setting.low) or (setting.high is not None and x > setting.high) or (
            setting.above is not None and x <= setting.above
        ) or (setting.below is not None and x >= setting.below):
            return f"must be {setting.bounds_text()}"
    if isinstance(value, (tuple, list)):
        if setting.items is not None and not setting.items[0] <= len(value) <= setting.items[1]:
            least, most = setting.items
            return f"needs {least} to {most} items, got {len(value)}" if least != most else f"needs {least} items"
        numbers = _numbers(value)
        if setting.increasing and any(b <= a for a, b in zip(numbers, numbers[1:])):
            return "the items must increase (low, then high)"
        if setting.min_span is not None and len(numbers) == 2 and numbers[1] - numbers[0] < setting.min_span:
            return f"the range must span at least {plain_number(setting.min_span)}"
    if isinstance(value, str) and setting.max_length is not None and len(value) > setting.max_length:
        return f"at most {setting.max_length} characters"
    return None


def _short(value: Any) -> str:
    text = value_text(value)
    return text if len(text) <= 40 else text[:37] + "..."
