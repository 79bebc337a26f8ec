"""The tables as pandas DataFrames: nullable dtypes, the same cells as the CSV export, and one
clear error without pandas."""

from __future__ import annotations

import sys
from datetime import datetime

import pandas as pd
import plankg
import pytest
from plankg.errors import UsageError
from plankg.graph.export.frames import MissingPandasError, to_dataframes
from plankg.graph.export.tables import csv_tables

DTYPES = {
    "plans": {
        "issued": "datetime64[s]",
        "period_start": "Int64",
        "period_end": "Int64",
        "draft": "boolean",
        "headline_value": "Float64",
        "region": "string",
    },
    "assignments": {"action_no": "Int64", "measure_no": "Int64", "agency": "string"},
    "targets": {
        "action_no": "Int64",
        "measure_no": "Int64",
        "value": "Float64",
        "year": "Int64",
        "per_year": "boolean",
        "kind": "string",
    },
}


@pytest.fixture(scope="module")
def frames(triples):
    return to_dataframes(triples)


def test_the_frames_are_the_tables_with_their_columns(frames, triples):
    tables = csv_tables(triples)
    assert list(frames) == list(tables) == ["plans", "assignments", "targets", "families"]
    for name, table in tables.items():
        assert tuple(frames[name].columns) == table.columns
        assert len(frames[name]) == len(table.rows)


@pytest.mark.parametrize("name", list(DTYPES))
def test_every_column_has_its_documented_nullable_dtype(frames, name):
    dtypes = {column: str(dtype) for column, dtype in frames[name].dtypes.items()}
    assert {column: dtypes[column] for column in DTYPES[name]} == DTYPES[name]
    assert not any(dtype in ("float64", "object") for dtype in dtypes.values())


def test_headline_rows_leave_action_and_measure_empty_in_integer_columns(frames):
    targets = frames["targets"]
    plan_level = targets[targets["kind"] != "measure"]
    assert len(plan_level) == 6
    assert plan_level["action_no"].isna().all() and plan_level["measure_no"].isna().all()
    zhoukou = targets[(targets["region"] == "周口市") & (targets["kind"] == "headline")].iloc[0]
    assert (zhoukou["value"], zhoukou["year"], zhoukou["unit"]) == (14.4, 2025, "%")
    assert targets["action_no"].dropna().tolist()[:3] == [1, 1, 2]  # 忻州 (140900) first


def test_dates_are_timestamps(frames):
    plans = frames["plans"].set_index("region")
    assert plans.loc["忻州市", "issued"] == pd.Timestamp(datetime(2022, 4, 6))
    assert pd.isna(plans.loc["周口市", "issued"])


def test_the_package_root_offers_to_dataframes():
    assert plankg.to_dataframes is to_dataframes


def test_without_pandas_one_clear_error(triples, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingPandasError, match=r"pip install 'plankg\[pandas\]'") as raised:
        to_dataframes(triples)
    assert isinstance(raised.value, UsageError)
