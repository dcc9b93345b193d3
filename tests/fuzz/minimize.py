"""minimize.py — delta debugging of a Python program over its AST.

minimize(source, still_fails, deadline) returns a smaller program for which
still_fails(source) is still true (the caller's predicate: "python3 and the
compiled program still differ in the same way").  Candidates that are not
valid Python (compile() refuses them: an empty body, a `nonlocal` whose
binding was removed, ...) are skipped without running the predicate, which
costs a compile by pyc2c each time.

Passes, repeated until a round removes nothing or the deadline passes:
  1. ddmin (Zeller's delta debugging) over every statement list of the
     tree, outermost first: module body, function and class bodies, the
     branches of if/for/while/try/with/match;
  2. a compound statement replaced by its own body (an `if`, a loop, a
     `try` or a `with` that the difference does not need);
  3. an expression replaced by one of its operands or by a constant, so
     long operator chains shrink too.
"""

import ast
import copy
import time

STMT_LIST_FIELDS = ('body', 'orelse', 'finalbody')


class Reducer:
    def __init__(self, tree, still_fails, deadline):
        self.tree = tree
        self.still_fails = still_fails
        self.deadline = deadline
        self.tests = 0

    def out_of_time(self):
        return time.time() > self.deadline

    def try_tree(self, tree):
        """Whether tree is valid and still fails; adopts it if so."""
        try:
            src = ast.unparse(ast.fix_missing_locations(tree))
            compile(src, '<candidate>', 'exec')
        except (SyntaxError, ValueError, RecursionError):
            return False
        self.tests += 1
        if self.still_fails(src):
            self.tree = tree
            return True
        return False

    # -- statement lists ---------------------------------------------------
    def stmt_lists(self):
        """Paths (a list of (field, index) steps) to each statement list,
        outermost first."""
        found = []

        def walk(node, path):
            for field, value in ast.iter_fields(node):
                if isinstance(value, list):
                    if value and all(isinstance(v, ast.stmt) for v in value):
                        found.append(path + [(field, None)])
                    for i, v in enumerate(value):
                        if isinstance(v, ast.AST):
                            walk(v, path + [(field, i)])
                elif isinstance(value, ast.AST):
                    walk(value, path + [(field, None)])
        walk(self.tree, [])
        found.sort(key=len)
        return found

    @staticmethod
    def resolve(tree, path):
        """The node holding the list at path, and the list's field name."""
        node = tree
        for field, index in path[:-1]:
            node = getattr(node, field)
            if index is not None:
                node = node[index]
        return node, path[-1][0]

    def with_list(self, path, items):
        tree = copy.deepcopy(self.tree)
        node, field = self.resolve(tree, path)
        if not items and field not in ('orelse', 'finalbody'):
            items = [ast.Pass()]
        setattr(node, field, items)
        return tree

    def ddmin_list(self, path):
        try:
            node, field = self.resolve(self.tree, path)
            items = list(getattr(node, field))
        except (AttributeError, IndexError, TypeError):
            return False
        changed = False
        n = 2
        while len(items) >= 1 and not self.out_of_time():
            chunk = max(1, len(items) // n)
            removed = False
            for start in range(0, len(items), chunk):
                rest = items[:start] + items[start + chunk:]
                if self.try_tree(self.with_list(path, copy.deepcopy(rest))):
                    items, removed, changed = rest, True, True
                    n = max(n - 1, 2)
                    break
                if self.out_of_time():
                    break
            if not removed:
                if chunk == 1:
                    break
                n = min(n * 2, len(items))
        return changed

    # -- compound statements and expressions ------------------------------
    def flatten_compounds(self):
        changed = False
        for path in self.stmt_lists():
            if self.out_of_time():
                break
            try:
                node, field = self.resolve(self.tree, path)
                items = getattr(node, field)
            except (AttributeError, IndexError, TypeError):
                continue
            for i, st in enumerate(items):
                if isinstance(st, (ast.If, ast.For, ast.While, ast.Try, ast.With)):
                    new = items[:i] + st.body + items[i + 1:]
                    if self.try_tree(self.with_list(path, copy.deepcopy(new))):
                        changed = True
                        break
        return changed

    def simplify_expressions(self):
        """Each expression node, in order, replaced by a child expression or
        by a constant; a success restarts the walk (the tree changed)."""
        changed = False
        index = 0
        while not self.out_of_time():
            nodes = [n for n in ast.walk(self.tree) if isinstance(n, ast.expr)
                     and not isinstance(n, (ast.Name, ast.Constant))]
            if index >= len(nodes):
                break
            done = False
            for k in range(len(self.replacements(nodes[index]))):
                tree = copy.deepcopy(self.tree)
                target = [n for n in ast.walk(tree) if isinstance(n, ast.expr)
                          and not isinstance(n, (ast.Name, ast.Constant))][index]
                repl = self.replacements(target)[k]
                if self.replace_node(tree, target, repl) and self.try_tree(tree):
                    changed = done = True
                    break
            if not done:
                index += 1
        return changed

    @staticmethod
    def replacements(node):
        subs = [c for c in ast.iter_child_nodes(node) if isinstance(c, ast.expr)
                and not isinstance(c, ast.Starred)]
        return subs[:3] + [ast.Constant(0)]

    @staticmethod
    def replace_node(tree, target, repl):
        for parent in ast.walk(tree):
            for field, value in ast.iter_fields(parent):
                if value is target:
                    setattr(parent, field, repl)
                    return True
                if isinstance(value, list):
                    for i, v in enumerate(value):
                        if v is target:
                            value[i] = repl
                            return True
        return False

    def run(self):
        while not self.out_of_time():
            changed = False
            for path in self.stmt_lists():
                if self.out_of_time():
                    break
                changed |= self.ddmin_list(path)
            changed |= self.flatten_compounds()
            if not changed:
                changed |= self.simplify_expressions()
            if not changed:
                break
        return ast.unparse(ast.fix_missing_locations(self.tree)) + '\n'


def minimize(source, still_fails, deadline):
    """A smaller source for which still_fails holds (source itself, unparsed,
    if nothing could be removed); (source, predicate runs)."""
    r = Reducer(ast.parse(source), still_fails, deadline)
    out = r.run()
    return out, r.tests
