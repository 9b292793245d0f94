"""Tables: addressed by cell id, immutable, typed by cell kind, no arithmetic."""

from __future__ import annotations

import re
from decimal import Decimal

import attrs
import pytest

from govinfo_report import BLANK, NOT_APPLICABLE, ExtraRow, Money, Table, get_format

T3 = get_format("2021").applications
T2 = get_format("2021").proactive


def test_blank_table_has_every_cell_blank():
    table = Table.blank(T3)
    assert set(table.values) == {BLANK}
    assert len(table.values) == 175


def test_cells_are_read_and_replaced_by_id():
    table = Table.blank(T3).replace({"new_received.natural_person": 5})
    assert table["new_received.natural_person"] == 5
    assert table.get("new_received", "natural_person") == 5
    assert table["new_received.total"] is BLANK


def test_replace_returns_a_new_table():
    table = Table.blank(T3)
    changed = table.replace({"new_received.total": 1})
    assert table["new_received.total"] is BLANK
    assert changed != table


def test_tables_are_frozen():
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        Table.blank(T3).values = ()  # type: ignore[misc]


def test_unknown_cell_id_is_a_key_error_naming_the_table():
    with pytest.raises(KeyError, match="applications"):
        Table.blank(T3)["nope.total"]
    with pytest.raises(KeyError, match="nope"):
        Table.blank(T3).replace({"nope.total": 1})


def test_wrong_number_of_values_is_rejected():
    with pytest.raises(ValueError, match="175 cells, got 3"):
        Table(spec=T3, values=(1, 2, 3))


def test_count_cells_refuse_strings_floats_and_bools():
    for bad in ("1", 1.0, True, Decimal(1)):
        with pytest.raises(TypeError, match="holds a count"):
            Table.blank(T3).replace({"new_received.total": bad})  # type: ignore[dict-item]


def test_money_cells_hold_money_only():
    table = Table.blank(T2).replace({"fees.amount": Money(Decimal("7730.28"))})
    assert table["fees.amount"] == Money(Decimal("7730.28"))
    with pytest.raises(TypeError, match="holds money"):
        Table.blank(T2).replace({"fees.amount": 5})


def test_a_table_holds_a_published_mistake_as_is():
    # Negative counts and wrong totals are the checks' business, not the model's.
    table = Table.blank(T3).replace({"new_received.natural_person": -3, "new_received.total": 99})
    assert table["new_received.natural_person"] == -3
    assert table["new_received.total"] == 99


def test_not_applicable_is_kept():
    table = Table.blank(T3).replace({"carried_over.total": NOT_APPLICABLE})
    assert table["carried_over.total"] is NOT_APPLICABLE


def test_blank_with_a_number_fills_money_cells_with_money():
    table = Table.blank(T2, 0)
    assert table["rules.issued"] == 0
    assert table["fees.amount"] == Money(Decimal(0))


def test_as_dict_lists_every_cell_in_document_order():
    ids = list(Table.blank(T2).as_dict())
    assert ids[:3] == ["rules.issued", "rules.repealed", "rules.in_force"]
    assert ids[-1] == "fees.amount"


# --- extra rows -------------------------------------------------------------------------


def test_extra_row_after_a_row_of_the_table_or_first_is_kept():
    extras = (ExtraRow(label="其他", values=(1,)), ExtraRow(label="其他文件", after="rules"))
    table = attrs.evolve(Table.blank(T2), extra_rows=extras)
    assert table.extra_rows == extras


def test_extra_row_after_a_row_the_table_lacks_is_refused_naming_the_rows():
    with pytest.raises(
        ValueError,
        match=r"is after 'typo'.*expected None \(first\) or one of 'rules', 'normative_documents'",
    ):
        Table(
            spec=T2,
            values=Table.blank(T2).values,
            extra_rows=(ExtraRow(label="其他", after="typo"),),
        )


def test_extra_row_after_a_misspelt_row_suggests_the_closest():
    with pytest.raises(ValueError, match=r"did you mean 'normative_documents'\?"):
        attrs.evolve(
            Table.blank(T2), extra_rows=(ExtraRow(label="其他", after="normative_document"),)
        )


def test_extra_row_after_a_row_of_another_table_is_refused():
    with pytest.raises(
        ValueError, match=r"extra row 0 \('其他'\) of applications \(2021 format\) is after 'rules'"
    ):
        attrs.evolve(Table.blank(T3), extra_rows=(ExtraRow(label="其他", after="rules"),))


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"label": None}, "'label' must be <class 'str'>"),
        ({"label": "其他", "values": {1}}, "extra row values must be a tuple, got set"),
        ({"label": "其他", "values": (1.5,)}, "must be int, Money, blank or '/', got float 1.5"),
        ({"label": "其他", "values": (True,)}, "got bool True"),
        ({"label": "其他", "after": 3}, "'after' must be <class 'str'>"),
    ],
)
def test_extra_row_refuses_values_of_the_wrong_shape(fields, message):
    with pytest.raises(TypeError, match=re.escape(message)):
        ExtraRow(**fields)


@pytest.mark.parametrize("label", ["", " ", "\n", "\u3000\t"])
def test_extra_row_without_a_visible_label_is_refused(label):
    # Printed, it would be values without a label, which no reader reads back as this row.
    with pytest.raises(ValueError, match="an extra row needs a label with a visible character"):
        ExtraRow(label=label, values=(1,))
    assert ExtraRow(label=" 其他 ").label == " 其他 "


def test_extra_rows_must_be_a_tuple_of_extra_rows():
    # A list is taken as a tuple; another collection is refused.
    with pytest.raises(TypeError, match="proactive extra_rows must be a tuple of ExtraRow"):
        attrs.evolve(Table.blank(T2), extra_rows={ExtraRow(label="其他")})
    with pytest.raises(TypeError, match="proactive extra_rows must be a tuple of ExtraRow"):
        attrs.evolve(Table.blank(T2), extra_rows=["其他"])
