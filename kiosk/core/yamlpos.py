"""YAML to plain data, keeping where every key and value stood so errors can name file, line and column.

PyYAML's constructors forget positions and silently accept duplicate keys, so we compose the node tree
(in C where available) and build the data ourselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path = tuple[str | int, ...]
Position = tuple[int, int]

# Anchors and aliases can make a tiny file expand exponentially; no real manifest comes near this.
MAX_NODES = 500_000


class YamlSyntaxError(Exception):
    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


@dataclass
class PositionedData:
    data: Any
    value_positions: dict[Path, Position] = field(default_factory=dict)
    key_positions: dict[Path, Position] = field(default_factory=dict)
    duplicate_keys: list[tuple[Path, Position]] = field(default_factory=list)

    def position_of(self, path: Path, *, prefer_key: bool = False) -> Position:
        """The position of the longest prefix of `path` that exists in the document."""
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            if prefer_key and prefix in self.key_positions:
                return self.key_positions[prefix]
            if prefix in self.value_positions:
                return self.value_positions[prefix]
        return (1, 1)


def _mark(node: yaml.Node) -> Position:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    def __init__(self, result: PositionedData) -> None:
        self.result = result
        self.constructor = yaml.constructor.SafeConstructor()
        self.nodes = 0

    def build(self, node: yaml.Node, path: Path, ancestors: frozenset[int]) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise YamlSyntaxError("document is too large (too many nodes or aliases)", *_mark(node))
        if id(node) in ancestors:
            raise YamlSyntaxError("recursive alias", *_mark(node))
        self.result.value_positions[path] = _mark(node)
        if isinstance(node, yaml.MappingNode):
            inner = ancestors | {id(node)}
            mapping: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise YamlSyntaxError("a key must be plain text", *_mark(key_node))
                key = key_node.value
                if key == "<<":
                    raise YamlSyntaxError("merge keys ('<<') are not supported", *_mark(key_node))
                child = (*path, key)
                if key in mapping:
                    self.result.duplicate_keys.append((child, _mark(key_node)))
                    continue
                self.result.key_positions[child] = _mark(key_node)
                mapping[key] = self.build(value_node, child, inner)
            return mapping
        if isinstance(node, yaml.SequenceNode):
            inner = ancestors | {id(node)}
            return [self.build(item, (*path, i), inner) for i, item in enumerate(node.value)]
        try:
            return self.constructor.construct_object(node, deep=True)
        except yaml.MarkedYAMLError as exc:
            raise YamlSyntaxError(f"unreadable value: {exc.problem}", *_mark(node)) from exc
        except Exception as exc:
            # PyYAML's scalar constructors fail in many ways on explicit tags (`!!int -`,
            # `!!bool maybe`): all of them are a value the editor must fix, never a crash.
            if node.tag == "tag:yaml.org,2002:timestamp":
                # Looks like a date (2024-13-01) but is none: YAML's own words would not help.
                raise YamlSyntaxError(
                    f"{node.value!r} is not a date: write it as YYYY-MM-DD, e.g. 2026-12-31", *_mark(node)
                ) from exc
            raise YamlSyntaxError(
                f"unreadable value {node.value!r} for tag {node.tag}", *_mark(node)
            ) from exc


def load_yaml(text: str) -> PositionedData:
    """Parse one YAML document; raises YamlSyntaxError with a 1-based position."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        context = exc.context or ""
        # An unclosed quote or bracket is noticed at the end of the file; the editor needs the
        # place where it was opened.
        if exc.context_mark is not None and ("quoted" in context or "flow" in context):
            mark = exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = exc.problem or context or "invalid YAML"
        if context and exc.problem:
            message = f"{exc.problem} ({context})"
        raise YamlSyntaxError(f"YAML syntax error: {message}", line, column) from exc
    except yaml.reader.ReaderError as exc:
        # libyaml counts the position in UTF-8 bytes, the Python reader in characters.
        before = text[: exc.position]
        if _Loader.__name__ == "CSafeLoader":
            before = text.encode("utf-8")[: exc.position].decode("utf-8", errors="ignore")
        lines = re.split(r"\r\n|[\r\n\x85\u2028\u2029]", before)  # YAML's line breaks
        line, column = len(lines), len(lines[-1]) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character[:1] or "\0")
        raise YamlSyntaxError(
            f"the control character U+{code:04X} is not allowed in YAML (remove it)", line, column
        ) from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(f"YAML syntax error: {exc}", 1, 1) from exc
    result = PositionedData(data=None)
    if node is None:
        return result
    try:
        result.data = _Builder(result).build(node, (), frozenset())
    except RecursionError as exc:
        raise YamlSyntaxError("document is nested too deeply", 1, 1) from exc
    return result
