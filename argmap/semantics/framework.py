"""Abstract argumentation frameworks (Dung 1995): arguments and who attacks whom.

A :class:`Framework` holds its arguments in a fixed order and its attacks as adjacency lists of
argument indices, so that the algorithms over it (:mod:`argmap.semantics.grounded`,
:mod:`argmap.semantics.extensions`) run in time linear in its size, without recursion.

Examples:
    >>> af = Framework(["a", "b", "c"], [("a", "b"), ("b", "c")])
    >>> len(af), af.number_of_attacks()
    (3, 2)
    >>> af.attackers("c")
    ['b']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from argmap.exceptions import EvaluationError

__all__ = ["Framework"]


class Framework:
    """An abstract argumentation framework: arguments (strings) and attacks between them.

    Args:
        arguments: The arguments' names, each once.
        attacks: Pairs ``(attacker, attacked)``; both must be arguments. A pair given twice counts
            once.
        roles: For a framework translated from a map, what each argument stands for
            (``"statement"``, ``"support"``, ``"attack"``, ``"premise-link"``,
            ``"support-link"``); see :mod:`argmap.semantics.translate`.

    Raises:
        EvaluationError: An argument is named twice, or an attack names an unknown argument.

    Examples:
        >>> af = Framework(["a", "b"], [("a", "b"), ("b", "a")])
        >>> af.attacks()
        [('a', 'b'), ('b', 'a')]
    """

    __slots__ = ("_attacked", "_attackers", "arguments", "index", "roles")

    def __init__(
        self,
        arguments: Iterable[str],
        attacks: Iterable[tuple[str, str]] = (),
        *,
        roles: Mapping[str, str] | None = None,
    ) -> None:
        self.arguments: tuple[str, ...] = tuple(arguments)
        self.index: dict[str, int] = {a: i for i, a in enumerate(self.arguments)}
        if len(self.index) != len(self.arguments):
            seen: set[str] = set()
            twice = next(a for a in self.arguments if a in seen or seen.add(a))  # type: ignore[func-returns-value]
            raise EvaluationError(f"argument {twice!r} is given twice; name each argument once")
        n = len(self.arguments)
        self._attacked: list[list[int]] = [[] for _ in range(n)]
        self._attackers: list[list[int]] = [[] for _ in range(n)]
        index = self.index
        seen_pairs: set[tuple[int, int]] = set()
        for attacker, attacked in attacks:
            try:
                pair = (index[attacker], index[attacked])
            except KeyError as exc:
                raise EvaluationError(
                    f"attack ({attacker!r}, {attacked!r}) names unknown argument {exc.args[0]!r}; "
                    "list every argument first"
                ) from None
            if pair in seen_pairs:
                continue
            seen_pairs.add(pair)
            self._attacked[pair[0]].append(pair[1])
            self._attackers[pair[1]].append(pair[0])
        self.roles: dict[str, str] = dict(roles or {})

    @classmethod
    def from_indices(
        cls,
        n: int,
        attacks: Iterable[tuple[int, int]],
        *,
        names: Iterable[str] | None = None,
    ) -> Framework:
        """Build a framework of ``n`` arguments from attacks as index pairs, fast.

        Args:
            n: How many arguments.
            attacks: Pairs ``(attacker, attacked)`` of indices in ``0 .. n - 1``; a pair given
                twice counts once.
            names: The arguments' names, in index order (``"0"`` .. ``str(n - 1)`` when not
                given); each once.

        Raises:
            EvaluationError: An index outside ``0 .. n - 1``, or names that are not ``n``
                distinct strings.

        Examples:
            >>> Framework.from_indices(2, [(0, 1)]).attacks()
            [('0', '1')]
            >>> Framework.from_indices(2, [(1, 0), (1, 0)], names=["a", "b"]).attacks()
            [('b', 'a')]
        """
        af = cls.__new__(cls)
        af.arguments = tuple(str(i) for i in range(n)) if names is None else tuple(names)
        af.index = {a: i for i, a in enumerate(af.arguments)}
        if len(af.arguments) != n or len(af.index) != n:
            raise EvaluationError(
                f"expected {n} distinct argument names, got {len(af.arguments)} "
                f"({len(af.index)} distinct)"
            )
        pairs = attacks if isinstance(attacks, list) else list(attacks)
        if len(set(pairs)) != len(pairs):
            pairs = list(dict.fromkeys(pairs))
        attacked: list[list[int]] = [[] for _ in range(n)]
        attackers: list[list[int]] = [[] for _ in range(n)]
        try:
            for a, b in pairs:
                if a < 0 or b < 0:
                    raise IndexError
                attacked[a].append(b)
                attackers[b].append(a)
        except IndexError:
            a, b = next((a, b) for a, b in pairs if not (0 <= a < n and 0 <= b < n))
            raise EvaluationError(f"attack ({a}, {b}) is outside 0..{n - 1}") from None
        af._attacked = attacked
        af._attackers = attackers
        af.roles = {}
        return af

    def __len__(self) -> int:
        return len(self.arguments)

    def __iter__(self) -> Iterator[str]:
        return iter(self.arguments)

    def __contains__(self, argument: object) -> bool:
        return argument in self.index

    def __repr__(self) -> str:
        return f"<Framework: {len(self)} arguments, {self.number_of_attacks()} attacks>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Framework):
            return NotImplemented
        return set(self.arguments) == set(other.arguments) and set(self.attacks()) == set(
            other.attacks()
        )

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (self.arguments, self.attacks(), self.roles))

    def number_of_attacks(self) -> int:
        """Return how many attacks the framework has."""
        return sum(len(targets) for targets in self._attacked)

    def attacks(self) -> list[tuple[str, str]]:
        """Return every attack as a pair of argument names, attackers in argument order."""
        args = self.arguments
        return [(args[i], args[j]) for i, targets in enumerate(self._attacked) for j in targets]

    def attackers(self, argument: str) -> list[str]:
        """Return the arguments that attack ``argument``."""
        return [self.arguments[i] for i in self._attackers[self._at(argument)]]

    def attacked_by(self, argument: str) -> list[str]:
        """Return the arguments that ``argument`` attacks."""
        return [self.arguments[j] for j in self._attacked[self._at(argument)]]

    def _at(self, argument: str) -> int:
        try:
            return self.index[argument]
        except KeyError:
            raise EvaluationError(
                f"unknown argument {argument!r}; the framework has {len(self)} arguments"
            ) from None


def _rebuild(
    arguments: tuple[str, ...], attacks: list[tuple[str, str]], roles: dict[str, str]
) -> Framework:
    return Framework(arguments, attacks, roles=roles)
