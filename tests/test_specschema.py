"""The prebuilt validation schema (``_specschema.py``) is the one the models give, and
validating with it (validator.py) is validating with the models: the same records, the
same errors, as pydantic-core gives them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pydantic_core
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from ovs_ignite import _specschema, models, records
from ovs_ignite.specschema import (
    core_schema,
    derived,
    document,
    keys,
    module_text,
    record_at,
    validate,
)
from ovs_ignite.validator import SchemaInvalid
from ovs_ignite.yamlsource import load_located

from .support.specs import DATA, ROOT
from .test_fuzz_specs import _mutate, coherent_documents, documents

SAME_CORE = pydantic_core.__version__ == _specschema.PYDANTIC_CORE
OTHER_CORE = f"made with pydantic-core {_specschema.PYDANTIC_CORE}, not {pydantic_core.__version__}"
DOCUMENTS = sorted(
    [
        *(ROOT / "examples").glob("*.yaml"),
        *(DATA / "valid").glob("*.yaml"),
        *(DATA / "invalid").glob("*.yaml"),
        *(DATA / "hostile").glob("*.yaml"),
    ]
)


def _data(path: Path) -> Any:
    try:
        return load_located(path.read_text(encoding="utf-8"), strict=False).data
    except Exception:  # (what the loader refuses never reaches validation)
        return None


@pytest.mark.skipif(not SAME_CORE, reason=OTHER_CORE)
def test_the_made_schema_is_what_the_models_give_now() -> None:
    """Regenerate with `.venv/bin/python -m ovs_ignite.specschema` (then ruff format it)
    after changing models.py, valuetypes.py or a check's function."""
    made = derived()
    assert made == _specschema.SCHEMA
    assert core_schema() is _specschema.SCHEMA
    assert "_0 = " in module_text(made)


def _errors(exc: pydantic_core.ValidationError | SchemaInvalid) -> list[tuple[Any, ...]]:
    return [
        (e["type"], e["loc"], e["msg"], repr(e.get("input")), repr(e.get("ctx")))
        for e in exc.errors()
    ]


def _same_both_ways(data: Any) -> None:
    """The prebuilt schema, run by validator.py and by pydantic-core, and pydantic's models
    give data the same errors, or the same spec (as written out)."""
    core = pydantic_core.SchemaValidator(core_schema())
    try:
        model = models.Spec.model_validate(data)
    except ValidationError as exc:
        with pytest.raises(SchemaInvalid) as ours:
            validate(data)
        with pytest.raises(pydantic_core.ValidationError) as theirs:
            core.validate_python(data)
        assert _errors(ours.value) == _errors(exc) == _errors(theirs.value)
        return
    spec = validate(data)
    # (pydantic's serializer warns of the uplink union's model branch, which it then writes)
    written = model.model_dump(mode="json", by_alias=True, exclude_none=True, warnings=False)
    assert document(spec) == written == document(core.validate_python(data))


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_records_are_the_models_and_the_errors_theirs(path: Path) -> None:
    """Every example and corpus document."""
    _same_both_ways(_data(path))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(documents, coherent_documents()))
def test_random_documents_get_the_models_records_and_errors(document: dict[str, Any]) -> None:
    _same_both_ways(document)


@st.composite
def _mutated(draw: st.DrawFn) -> dict[str, Any]:
    document = draw(coherent_documents())
    _mutate(draw, document)
    return document


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutated())
# (what this test found while validator.py was written: a boolean integer literal, the input
# a check function's error names, a tag's quoting)
@example({"version": True, "ovs": {"image": "x/ovs"}})
@example({"version": 1, "ovs": {"image": "x/ovs"}, "dpdk": {"isolcpus": -1}})
@example({"version": 1, "ovs": {"image": "x/ovs"}, "bridges": [{"ports": [{"type": "x\ny"}]}]})
def test_mutated_specs_get_the_models_records_and_errors(document: dict[str, Any]) -> None:
    _same_both_ways(document)


def test_each_record_has_its_models_fields_in_order() -> None:
    for name in dir(models):
        model = getattr(models, name)
        if (
            isinstance(model, type)
            and issubclass(model, models.Model)
            and model is not models.Model
        ):
            record = getattr(records, name)
            assert tuple(model.model_fields) == record.FIELDS, name
            if not model.__subclasses__():  # (a base of others is in no spec by itself)
                written = [f.alias or k for k, f in model.model_fields.items()]
                assert list(keys(record)) == written, name


def test_records_are_read_only_and_replaced_as_copies() -> None:
    spec = records.Spec
    loaded = validate({"version": 1, "ovs": {"image": "x/ovs", "schema": "/s.json"}})
    assert isinstance(loaded, spec)
    with pytest.raises(AttributeError, match="read-only"):
        loaded.version = 1
    other = loaded.replaced(bridges=[])
    assert other == loaded and other is not loaded
    assert loaded.ovs.schema_path == "/s.json"
    assert document(loaded)["ovs"]["schema"] == "/s.json"
    assert json.loads(json.dumps(document(loaded)))["target"] == {
        "os": "fcos",
        "ignition": "3.4.0",
    }
    with pytest.raises(TypeError, match="no field"):
        loaded.replaced(colour="blue")


def test_the_record_at_a_path_is_the_models() -> None:
    assert record_at(()) is records.Spec
    assert record_at(("bridges", 0)) is records.Bridge
    assert record_at(("bridges", 0, "uplink")) is records.UplinkMac
    assert record_at(("bridges", 0, "ports", 2)) is records.SystemPort
    assert record_at(("files", 0)) is records.ExtraFile
    assert record_at(("ovs", "other_config")) is None
    assert record_at(("nothing",)) is None
