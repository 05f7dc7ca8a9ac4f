"""GitHub Actions expressions (${{ ... }}), as the runner evaluates them, for the subset docs/workflows/ may use.

The grammar, the truthiness, the loose comparisons (strings case-insensitive, other types compared as numbers) and
the functions follow GitHub's "Evaluate expressions in workflows and actions". Anything outside that subset (an unknown
context, function or operator) raises ExpressionError, so a workflow that uses it fails the end-to-end script instead
of being run with a guess.
"""
import fnmatch
import glob
import hashlib
import json
import math
import os
import re

CONTEXTS = {"github", "env", "secrets", "steps", "needs", "inputs", "matrix", "runner", "job", "strategy", "vars"}
STATUS_FUNCTIONS = {"always", "success", "failure", "cancelled"}


class ExpressionError(Exception):
    pass


TOKEN = re.compile(r"""\s*(?:
    (?P<number>-?\d+(?:\.\d+)?)
  | (?P<string>'(?:[^']|'')*')
  | (?P<op>==|!=|<=|>=|&&|\|\||[<>!().\[\],*])
  | (?P<name>[A-Za-z_][A-Za-z0-9_-]*)
)""", re.VERBOSE)


def tokenize(text):
    tokens, position = [], 0
    while position < len(text):
        if text[position:].strip() == "":
            break
        match = TOKEN.match(text, position)
        if not match:
            raise ExpressionError(f"cannot read the expression at: {text[position:]!r}")
        position = match.end()
        kind = match.lastgroup
        value = match.group(kind)
        if kind == "string":
            value = value[1:-1].replace("''", "'")
        elif kind == "number":
            value = float(value)
        tokens.append((kind, value))
    return tokens


class Parser:
    def __init__(self, text):
        self.tokens = tokenize(text)
        self.position = 0

    def peek(self, value=None):
        if self.position >= len(self.tokens):
            return None
        token = self.tokens[self.position]
        if value is not None and not (token[0] == "op" and token[1] == value):
            return None
        return token

    def take(self, value=None):
        token = self.peek(value)
        if token is None:
            raise ExpressionError(f"expected {value or 'more'} in the expression")
        self.position += 1
        return token

    def parse(self):
        tree = self.parse_or()
        if self.position != len(self.tokens):
            raise ExpressionError(f"unexpected {self.tokens[self.position][1]!r} in the expression")
        return tree

    def parse_or(self):
        left = self.parse_and()
        while self.peek("||"):
            self.take()
            left = ("or", left, self.parse_and())
        return left

    def parse_and(self):
        left = self.parse_compare()
        while self.peek("&&"):
            self.take()
            left = ("and", left, self.parse_compare())
        return left

    def parse_compare(self):
        left = self.parse_unary()
        for op in ("==", "!=", "<=", ">=", "<", ">"):
            if self.peek(op):
                self.take()
                return ("compare", op, left, self.parse_unary())
        return left

    def parse_unary(self):
        if self.peek("!"):
            self.take()
            return ("not", self.parse_unary())
        return self.parse_postfix()

    def parse_postfix(self):
        node = self.parse_primary()
        while True:
            if self.peek("."):
                self.take()
                if self.peek("*"):
                    raise ExpressionError("object filters (.*) are not supported")
                kind, name = self.take()
                if kind != "name":
                    raise ExpressionError(f"expected a property name after '.', got {name!r}")
                node = ("index", node, ("literal", name))
            elif self.peek("["):
                self.take()
                index = self.parse_or()
                self.take("]")
                node = ("index", node, index)
            else:
                return node

    def parse_primary(self):
        kind, value = self.take()
        if kind in ("number", "string"):
            return ("literal", value)
        if kind == "op" and value == "(":
            inner = self.parse_or()
            self.take(")")
            return inner
        if kind == "name":
            if value in ("true", "false"):
                return ("literal", value == "true")
            if value == "null":
                return ("literal", None)
            if self.peek("("):
                self.take()
                arguments = []
                while not self.peek(")"):
                    arguments.append(self.parse_or())
                    if not self.peek(")"):
                        self.take(",")
                self.take(")")
                return ("call", value.lower(), arguments)
            if value not in CONTEXTS:
                raise ExpressionError(f"unknown context '{value}'")
            return ("context", value)
        raise ExpressionError(f"unexpected {value!r} in the expression")


def truthy(value):
    if value is None or value is False or value == "":
        return False
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value != 0 and not math.isnan(value)
    return True


def to_number(value):
    if value is None:
        return 0.0
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        text = value.strip()
        if text == "":
            return 0.0
        try:
            return float(int(text, 16)) if text.lower().startswith("0x") else float(text)
        except ValueError:
            return math.nan
    return math.nan


def to_string(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, indent=2)
    return str(value)


def compare(op, left, right):
    if isinstance(left, str) and isinstance(right, str):
        left, right = left.casefold(), right.casefold()
    elif type(left) is not type(right) or not isinstance(left, (int, float, bool, type(None))):
        if isinstance(left, (dict, list)) or isinstance(right, (dict, list)):
            return op == "!=" if left is not right else op == "=="
        left, right = to_number(left), to_number(right)
    return {"==": left == right, "!=": left != right, "<": left < right, ">": left > right,
            "<=": left <= right, ">=": left >= right}[op]


class Evaluator:
    """Evaluates against contexts (a dict of the CONTEXTS names) and the job's status for the status functions."""

    def __init__(self, contexts, workspace=None, job_status="success"):
        self.contexts = contexts
        self.workspace = workspace
        self.job_status = job_status
        self.uses_status_function = False

    def evaluate(self, text):
        return self.node(Parser(text).parse())

    def node(self, tree):
        kind = tree[0]
        if kind == "literal":
            return tree[1]
        if kind == "context":
            return self.contexts.get(tree[1], {})
        if kind == "index":
            target, key = self.node(tree[1]), self.node(tree[2])
            if isinstance(target, dict):
                if isinstance(key, str):
                    for name, value in target.items():
                        if name.casefold() == key.casefold():
                            return value
                return None
            if isinstance(target, list) and isinstance(key, (int, float)) and not isinstance(key, bool):
                index = int(key)
                return target[index] if 0 <= index < len(target) else None
            return None
        if kind == "not":
            return not truthy(self.node(tree[1]))
        if kind == "and":
            left = self.node(tree[1])
            return self.node(tree[2]) if truthy(left) else left
        if kind == "or":
            left = self.node(tree[1])
            return left if truthy(left) else self.node(tree[2])
        if kind == "compare":
            return compare(tree[1], self.node(tree[2]), self.node(tree[3]))
        if kind == "call":
            return self.call(tree[1], tree[2])
        raise ExpressionError(f"cannot evaluate {kind}")

    def call(self, name, arguments):
        if name in STATUS_FUNCTIONS:
            self.uses_status_function = True
            if arguments:
                raise ExpressionError(f"{name}() takes no arguments")
            return {"always": True, "success": self.job_status == "success",
                    "failure": self.job_status == "failure", "cancelled": False}[name]
        values = [self.node(argument) for argument in arguments]
        if name == "fromjson":
            return json.loads(to_string(values[0]))
        if name == "tojson":
            return json.dumps(values[0], indent=2)
        if name == "contains":
            haystack, needle = values
            if isinstance(haystack, list):
                return any(compare("==", item, needle) for item in haystack)
            return to_string(needle).casefold() in to_string(haystack).casefold()
        if name == "startswith":
            return to_string(values[0]).casefold().startswith(to_string(values[1]).casefold())
        if name == "endswith":
            return to_string(values[0]).casefold().endswith(to_string(values[1]).casefold())
        if name == "format":
            text = to_string(values[0])
            return re.sub(r"\{(\d+)\}", lambda m: to_string(values[1 + int(m.group(1))]), text)
        if name == "join":
            separator = to_string(values[1]) if len(values) > 1 else ","
            items = values[0] if isinstance(values[0], list) else [values[0]]
            return separator.join(to_string(item) for item in items)
        if name == "hashfiles":
            return self.hash_files([to_string(value) for value in values])
        raise ExpressionError(f"unknown function '{name}()'")

    def hash_files(self, patterns):
        """SHA-256 of the SHA-256 of each matching file, in path order; '' when nothing matches (as GitHub's)."""
        if self.workspace is None:
            raise ExpressionError("hashFiles() needs a workspace")
        matched = set()
        for pattern in patterns:
            if pattern.startswith("!"):
                excluded = pattern[1:]
                matched = {path for path in matched if not fnmatch.fnmatch(path, excluded)}
                continue
            for path in glob.glob(os.path.join(self.workspace, pattern), recursive=True):
                if os.path.isfile(path):
                    matched.add(os.path.relpath(path, self.workspace))
        if not matched:
            return ""
        outer = hashlib.sha256()
        for path in sorted(matched):
            with open(os.path.join(self.workspace, path), "rb") as handle:
                outer.update(hashlib.sha256(handle.read()).digest())
        return outer.hexdigest()


EMBEDDED = re.compile(r"\$\{\{(.*?)\}\}", re.DOTALL)


def interpolate(value, evaluator):
    """A workflow value: a string with ${{ }} parts (a whole-string expression keeps its type), or a structure."""
    if isinstance(value, dict):
        return {key: interpolate(item, evaluator) for key, item in value.items()}
    if isinstance(value, list):
        return [interpolate(item, evaluator) for item in value]
    if not isinstance(value, str):
        return value
    whole = EMBEDDED.fullmatch(value.strip())
    if whole:
        return evaluator.evaluate(whole.group(1))
    return EMBEDDED.sub(lambda match: to_string(evaluator.evaluate(match.group(1))), value)


def condition(text, evaluator):
    """A job's or step's `if:`: success() && (...) unless the condition calls a status function itself."""
    if text is None or text == "":
        return evaluator.job_status == "success"
    if isinstance(text, bool):
        return text and evaluator.job_status == "success"
    body = text.strip()
    whole = EMBEDDED.fullmatch(body)
    if whole:
        body = whole.group(1)
    evaluator.uses_status_function = False
    result = truthy(evaluator.evaluate(body))
    if not evaluator.uses_status_function:
        return result and evaluator.job_status == "success"
    return result


def path_pattern(pattern):
    """A workflow `paths:` filter pattern as a regular expression (* within a folder, ** across folders)."""
    regex, index = "", 0
    while index < len(pattern):
        if pattern.startswith("**", index):
            regex += ".*"
            index += 2
        elif pattern[index] == "*":
            regex += "[^/]*"
            index += 1
        elif pattern[index] == "?":
            regex += "[^/]"
            index += 1
        else:
            regex += re.escape(pattern[index])
            index += 1
    return re.compile(regex + r"\Z")
