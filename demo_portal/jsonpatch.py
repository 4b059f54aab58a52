"""A small RFC 6902 JSON Patch (add, remove, replace, test) for FHIR PATCH requests."""

from __future__ import annotations

import copy
from typing import Any


class PatchError(ValueError):
    pass


def _pointer(path: str) -> list[str]:
    if path == "":
        return []
    if not path.startswith("/"):
        raise PatchError(f"invalid JSON pointer {path!r}")
    return [p.replace("~1", "/").replace("~0", "~") for p in path[1:].split("/")]


def _container(doc: Any, parts: list[str]) -> Any:
    node = doc
    for part in parts:
        if isinstance(node, list):
            try:
                node = node[int(part)]
            except (ValueError, IndexError) as exc:
                raise PatchError(f"no element {part!r}") from exc
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            raise PatchError(f"no element {part!r}")
    return node


def apply_patch(document: dict, operations: Any) -> dict:
    if not isinstance(operations, list):
        raise PatchError("a JSON Patch is a list of operations")
    doc = copy.deepcopy(document)
    for op in operations:
        if not isinstance(op, dict) or "op" not in op or "path" not in op:
            raise PatchError("each operation needs 'op' and 'path'")
        parts = _pointer(op["path"])
        if not parts:
            raise PatchError("the whole resource cannot be patched")
        parent, last = _container(doc, parts[:-1]), parts[-1]
        kind = op["op"]
        if kind in ("add", "replace", "test") and "value" not in op:
            raise PatchError(f"'{kind}' needs a value")
        if isinstance(parent, list):
            index = len(parent) if last == "-" else _index(last, len(parent) + (kind == "add"))
            if kind == "add":
                parent.insert(index, op["value"])
            elif kind == "remove":
                parent.pop(_index(last, len(parent)))
            elif kind == "replace":
                parent[_index(last, len(parent))] = op["value"]
            elif kind == "test":
                if parent[_index(last, len(parent))] != op["value"]:
                    raise PatchError(f"test failed at {op['path']}")
            else:
                raise PatchError(f"unsupported op {kind!r}")
        elif isinstance(parent, dict):
            if kind == "add":
                parent[last] = op["value"]
            elif kind in ("remove", "replace", "test") and last not in parent:
                raise PatchError(f"no element {op['path']!r}")
            elif kind == "remove":
                del parent[last]
            elif kind == "replace":
                parent[last] = op["value"]
            elif kind == "test":
                if parent[last] != op["value"]:
                    raise PatchError(f"test failed at {op['path']}")
            else:
                raise PatchError(f"unsupported op {kind!r}")
        else:
            raise PatchError(f"cannot patch inside {op['path']!r}")
    return doc


def _index(text: str, size: int) -> int:
    if not text.isdigit() or int(text) >= size:
        raise PatchError(f"bad array index {text!r}")
    return int(text)
