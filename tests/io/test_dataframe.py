"""A map's nodes as a pandas DataFrame: one row per statement and inference, with the fields of
each kind; a clear error when pandas is missing."""

from __future__ import annotations

import builtins
import sys
from typing import Any

import pytest

from argmap import ArgumentMap, MissingDependencyError
from argmap.io.dataframe import node_columns, to_dataframe
from argmap.model import Quote


def test_one_row_per_node_in_map_order(small: ArgumentMap) -> None:
    frame = to_dataframe(small)
    assert frame["id"].tolist() == [n.id for n in small.nodes()]
    assert frame["kind"].tolist() == [n.kind for n in small.nodes()]
    assert list(frame.columns) == node_columns()
    assert list(frame.columns[:4]) == ["id", "kind", "text", "title"]


def test_each_kind_fills_its_own_fields(small: ArgumentMap) -> None:
    rows = to_dataframe(small).set_index("id")
    assert rows.loc["s_link", "premises"] == ("p", "q")
    assert rows.loc["s_link", "conclusion"] == "c"
    assert rows.loc["a_u", "target"] == "s_case"
    assert rows.loc["a_u", "question"] == "example.typical"
    assert rows.loc["c", "text"] == "The river rose because of the rain."
    (quote,) = rows.loc["k", "quotes"]
    assert isinstance(quote, Quote)
    assert (quote.source, quote.start) == ("diary", 21)
    assert rows.loc["k", "cites"] == ()
    assert rows["premises"].isna()["c"]  # a claim has no premises
    assert rows["conclusion"].isna()["a_u"]


def test_article_map_as_a_frame(nk: ArgumentMap) -> None:
    frame = to_dataframe(nk)
    assert len(frame) == len(nk)
    assert (frame["kind"] == "case").sum() == len(nk.nodes("case"))
    assert frame["id"].is_unique


def test_an_empty_map_has_the_columns_and_no_rows() -> None:
    frame = ArgumentMap().to_dataframe()
    assert frame.empty
    assert list(frame.columns) == node_columns()


def test_missing_pandas_names_the_extra(
    small: ArgumentMap, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_import = builtins.__import__

    def no_pandas(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "pandas", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(MissingDependencyError, match=r'pip install "argmap\[notebook\]"'):
        small.to_dataframe()
    with pytest.raises(ImportError):  # still an ImportError, for code that catches that
        to_dataframe(small)
