"""Griffe extension for the API reference: read the library's code and docstrings as written.

* ``attrs`` classes have no ``__init__`` in the source, so griffe sees no
  parameters and warns about every entry of their ``Args:`` sections. This
  extension writes the ``__init__`` that ``attrs`` generates (the annotated
  fields in order, without ``init=False`` ones, with their defaults), as griffe
  does itself for dataclasses.
* The docstrings write an ``Example:`` section (singular), which griffe's
  Google parser would render as an admonition with the ``>>>`` lines as prose,
  and reStructuredText roles such as ``:func:`attribute```. The section is
  renamed ``Examples:`` and the roles become inline code, before parsing.
"""

from __future__ import annotations

import ast
import re
from typing import Any

import griffe

_EXAMPLE = re.compile(r"^(\s*)Example:[ \t]*$", re.MULTILINE)
_ROLE = re.compile(r":(?:func|class|meth|attr|mod|data|obj|exc):`~?([^`<]*?)\s*(?:<([^>]+)>)?`")
_ATTRS_DECORATORS = frozenset(
    {"attrs.frozen", "attrs.define", "attrs.mutable", "attr.s", "attr.attrs", "attrs.attrs"}
)
_ATTRS_FIELDS = frozenset({"attrs.field", "attr.ib", "attr.attrib", "attrs.attrib"})
_POSITIONAL_OR_KEYWORD = griffe.ParameterKind("positional or keyword")


def _is_attrs_class(cls: griffe.Class) -> bool:
    return any(
        isinstance(d.value, griffe.Expr) and d.value.canonical_path in _ATTRS_DECORATORS
        for d in cls.decorators
    )


def _field_arguments(value: object) -> dict[str, Any] | None:
    """The keyword arguments of an ``attrs.field(...)`` value, or None for a plain default."""
    if isinstance(value, griffe.ExprCall) and value.canonical_path in _ATTRS_FIELDS:
        return {a.name: a.value for a in value.arguments if isinstance(a, griffe.ExprKeyword)}
    return None


def _attrs_init(cls: griffe.Class) -> griffe.Function:
    parameters = [griffe.Parameter("self", kind=_POSITIONAL_OR_KEYWORD)]
    for member in cls.members.values():
        if not isinstance(member, griffe.Attribute) or member.annotation is None:
            continue
        if "class-attribute" in member.labels and "instance-attribute" not in member.labels:
            annotation = str(member.annotation)
            if annotation.startswith("ClassVar"):
                continue
        arguments = _field_arguments(member.value)
        default: str | griffe.Expr | None
        if arguments is None:
            default = member.value
        elif str(arguments.get("init")) == "False":
            continue
        elif "factory" in arguments:
            default = griffe.ExprCall(function=arguments["factory"], arguments=[])
        else:
            default = arguments.get("default")
        parameters.append(
            griffe.Parameter(
                member.name.lstrip("_"),
                annotation=member.annotation,
                kind=_POSITIONAL_OR_KEYWORD,
                default=default,
                docstring=member.docstring,
            )
        )
    return griffe.Function(
        "__init__",
        lineno=0,
        endlineno=0,
        parent=cls,
        parameters=griffe.Parameters(*parameters),
        returns="None",
    )


class ReadDocstringsAsWritten(griffe.Extension):
    """Give ``attrs`` classes their ``__init__``; rename ``Example:``; drop rST roles."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Rewrite ``obj``'s docstring before it is parsed."""
        del kwargs
        docstring = obj.docstring
        if docstring is None:
            return
        value = _EXAMPLE.sub(r"\1Examples:", docstring.value)
        docstring.value = _ROLE.sub(lambda m: f"`{m.group(2) or m.group(1)}`", value)

    def on_class_members(
        self, *, node: ast.AST | griffe.ObjectNode, cls: griffe.Class, **kwargs: Any
    ) -> None:
        """Add the generated ``__init__`` to an ``attrs`` class that has none."""
        del node, kwargs
        if "__init__" not in cls.members and _is_attrs_class(cls):
            cls.set_member("__init__", _attrs_init(cls))
