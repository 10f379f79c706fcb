# backprep's test harness: runs a person's solution against an item's test data.
#
# It is shipped with backprep and fixed: a pack supplies data only (never code), and this file
# is the only code besides the person's own that runs.
#
#   python3 -I -S -B harness.py SPEC.json SOLUTION.py
#
# SPEC.json is {"entry": NAME, "tests": [TEST, ...]}, one TEST per item test:
#   {"args": [...], "expect": VALUE}            call NAME(*args), compare with VALUE
#   {"args": [...], "raises": "ValueError"}     the call must raise that exception (or a subclass)
#   {"ops": [[NAME, args...], [method, args...], ...], "expect": [VALUE, ...]}
#        a stateful class: the first op builds the instance (its expect entry is null), each
#        later op calls a method; an expect entry {"raises": "KeyError"} expects that exception
#   "compare": "unordered" (lists as multisets) or "float" (relative 1e-9), optional
#
# Results are JSON lines on file descriptor 3 (or stdout when 3 is not open), so that what the
# solution prints cannot be mistaken for a result:
#   {"event": "loaded"} | {"event": "load_error", "error": "...", "trace": "..."}
#   {"event": "test", "i": N, "ok": BOOL, "call": "...", "expect": "...", "actual": "...",
#    "error": "..." or null, "trace": "last traceback line" or null, "ms": FLOAT}
#   {"event": "done", "passed": N, "total": N}
# A run that ends without "done" was ended from outside (a timeout, a limit, os._exit).

import importlib.util
import json
import math
import os
import sys
import time
import traceback

REPR_MAX = 300


def short(value):
    text = repr(value)
    return text if len(text) <= REPR_MAX else text[:REPR_MAX - 3] + "..."


def normal(value):
    """The value as JSON would carry it: tuples are lists, sets sorted lists, keys strings."""
    if isinstance(value, (list, tuple)):
        return [normal(v) for v in value]
    if isinstance(value, (set, frozenset)):
        items = [normal(v) for v in value]
        try:
            return sorted(items)
        except TypeError:
            return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, default=repr))
    if isinstance(value, dict):
        return {k if isinstance(k, str) else json.dumps(normal(k), default=repr): normal(v)
                for k, v in value.items()}
    return value


def key_of(value):
    return json.dumps(value, sort_keys=True, default=repr)


def equal(want, got, mode):
    if isinstance(want, bool) or isinstance(got, bool):
        return isinstance(want, bool) and isinstance(got, bool) and want == got
    if isinstance(want, (int, float)) and isinstance(got, (int, float)):
        if mode == "float":
            return math.isclose(want, got, rel_tol=1e-9, abs_tol=1e-12)
        return want == got
    if isinstance(want, list) and isinstance(got, list):
        if len(want) != len(got):
            return False
        if mode == "unordered":
            want, got = sorted(want, key=key_of), sorted(got, key=key_of)
        return all(equal(w, g, mode if mode == "float" else None) for w, g in zip(want, got))
    if isinstance(want, dict) and isinstance(got, dict):
        return want.keys() == got.keys() and all(equal(want[k], got[k], mode if mode == "float" else None) for k in want)
    return type(want) is type(got) and want == got


def raised_as(exc, name):
    return any(cls.__name__ == name for cls in type(exc).__mro__)


def last_trace_line(exc):
    lines = traceback.format_exception(type(exc), exc, exc.__traceback__)
    frames = [l for l in lines if l.startswith('  File "') and "harness.py" not in l]
    where = frames[-1].strip().splitlines()[0] if frames else ""
    where = where.replace(os.path.dirname(sys.argv[2]) + os.sep, "") if len(sys.argv) > 2 else where
    return (where + " " if where else "") + lines[-1].strip()


def describe_call(name, args):
    text = "%s(%s)" % (name, ", ".join(short(a) for a in args))
    return text if len(text) <= REPR_MAX else text[:REPR_MAX - 3] + "..."


def check_one(fn, name, args, want, raises, mode):
    """One call: returns (ok, actual text, error text, trace line)."""
    try:
        got = fn(*args)
    except Exception as exc:  # the person's exception is a result, not a harness failure
        kind = type(exc).__name__
        text = "%s: %s" % (kind, exc) if str(exc) else kind
        if raises is not None and raised_as(exc, raises):
            return True, text, None, None
        return False, text, text, last_trace_line(exc)
    if raises is not None:
        return False, short(got), "returned instead of raising " + raises, None
    return equal(want, normal(got), mode), short(got), None, None


def run_function(entry, test):
    fn = entry
    name = getattr(entry, "__name__", "solution")
    args = test.get("args", [])
    ok, actual, error, trace = check_one(fn, name, args, test.get("expect"), test.get("raises"),
                                         test.get("compare"))
    want = test["raises"] if "raises" in test else short(test.get("expect"))
    return ok, describe_call(name, args), want, actual, error, trace


def run_ops(entry, test):
    ops, wants, mode = test["ops"], test.get("expect", []), test.get("compare")
    name = getattr(entry, "__name__", "Solution")
    calls, actuals = [], []
    obj = None
    for n, op in enumerate(ops):
        method, args = op[0], op[1:]
        want = wants[n] if n < len(wants) else None
        raises = want.get("raises") if isinstance(want, dict) and set(want) == {"raises"} else None
        if n == 0:
            calls.append(describe_call(name, args))
            try:
                obj = entry(*args)
            except Exception as exc:
                text = "%s: %s" % (type(exc).__name__, exc)
                return False, "; ".join(calls), short(wants), text, text, last_trace_line(exc)
            actuals.append(None)
            continue
        calls.append(describe_call("." + method, args))
        fn = getattr(obj, method, None)
        if fn is None:
            text = "AttributeError: no method %r" % method
            return False, " ".join(calls), short(wants), text, text, None
        ok, actual, error, trace = check_one(fn, method, args, want, raises, mode)
        actuals.append(actual if raises is None and error is None else {"raised": actual})
        if not ok:
            return (False, " ".join(calls), short(want if raises is None else {"raises": raises}),
                    actual, error or "op %d (.%s) gave %s" % (n, method, actual), trace)
    return True, " ".join(calls), short(wants), short(actuals), None, None


def main():
    spec_path, solution_path = sys.argv[1], sys.argv[2]
    try:
        out = os.fdopen(3, "w", buffering=1)
    except OSError:
        out = sys.stdout

    def emit(obj):
        out.write(json.dumps(obj) + "\n")
        out.flush()

    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    tests = spec["tests"]
    try:
        module_spec = importlib.util.spec_from_file_location("solution", solution_path)
        module = importlib.util.module_from_spec(module_spec)
        module_spec.loader.exec_module(module)
        entry = getattr(module, spec["entry"])
    except AttributeError:
        emit({"event": "load_error", "error": "the solution defines no %s" % spec["entry"],
              "trace": None})
        return 1
    except BaseException as exc:  # SyntaxError, SystemExit, anything the module's top level does
        emit({"event": "load_error", "error": "%s: %s" % (type(exc).__name__, exc),
              "trace": last_trace_line(exc)})
        return 1
    emit({"event": "loaded"})
    passed = 0
    for i, test in enumerate(tests):
        start = time.perf_counter()
        try:
            if "ops" in test:
                result = run_ops(entry, test)
            else:
                result = run_function(entry, test)
        except RecursionError as exc:
            result = (False, "", "", "RecursionError", "RecursionError: " + str(exc), None)
        ok, call, want, actual, error, trace = result
        ms = (time.perf_counter() - start) * 1000.0
        passed += ok
        emit({"event": "test", "i": i, "ok": bool(ok), "call": call, "expect": want,
              "actual": actual, "error": error, "trace": trace, "ms": round(ms, 3)})
    emit({"event": "done", "passed": passed, "total": len(tests)})
    return 0


if __name__ == "__main__":
    sys.exit(main())
