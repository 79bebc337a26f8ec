"""The tables as pandas DataFrames for notebooks, every column with a nullable dtype, so a
headline row's empty ``action_no`` stays an integer column with ``<NA>`` instead of turning the
column into floats. pandas is an optional dependency: ``pip install 'plankg[pandas]'``."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from plankg.errors import UsageError
from plankg.graph.export.tables import COLUMN_TYPES, csv_tables
from plankg.graph.rdf.build import Triple
from plankg.tables import Table

if TYPE_CHECKING:
    import pandas as pd

DTYPES = {
    "text": "string",
    "integer": "Int64",
    "decimal": "Float64",
    "boolean": "boolean",
    "date": "datetime64[s]",
}
"""Each cell type of :data:`~plankg.graph.export.tables.COLUMN_TYPES` → its pandas dtype."""


class MissingPandasError(UsageError):
    """pandas is not installed."""


def to_dataframes(triples: Iterable[Triple]) -> dict[str, pd.DataFrame]:
    """``plans``, ``assignments``, ``targets`` and ``families`` as DataFrames with the dtypes of
    :data:`DTYPES`: the CSV export's columns, typed."""
    return {name: table_frame(table) for name, table in csv_tables(triples).items()}


def table_frame(table: Table) -> pd.DataFrame:
    """A table as a DataFrame, each column of the dtype its name has in ``COLUMN_TYPES``."""
    pandas = _pandas()
    columns = {
        name: _column(pandas, COLUMN_TYPES.get(name, "text"), [row[i] for row in table.rows])
        for i, name in enumerate(table.columns)
    }
    frame: pd.DataFrame = pandas.DataFrame(columns, columns=list(table.columns))
    return frame


def _column(pandas: Any, kind: str, values: list[Any]) -> Any:
    if kind == "date":
        stamps = [None if v is None else pandas.Timestamp(v) for v in values]
        return pandas.Series(stamps, dtype="datetime64[ns]").astype(DTYPES[kind])
    if kind == "decimal":
        values = [float(v) if isinstance(v, Decimal) else v for v in values]
    elif kind == "text":
        values = [v.isoformat() if isinstance(v, date) else v for v in values]
    return pandas.array(values, dtype=DTYPES[kind])


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as e:
        raise MissingPandasError(
            "DataFrames need pandas: pip install 'plankg[pandas]' (or pandas itself)"
        ) from e
    return pandas
