"""The prebuilt validation schema (``_specschema.py``) is the one the models give, and
validating with it is validating with the models: the same records, the same errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pydantic_core
import pytest
from pydantic import ValidationError

from ovs_ignite import _specschema, models, records
from ovs_ignite.specschema import core_schema, derived, document, keys, module_text, record_at
from ovs_ignite.yamlsource import load_located

from .conftest import DATA, ROOT

SAME_CORE = pydantic_core.__version__ == _specschema.PYDANTIC_CORE
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


@pytest.mark.skipif(
    not SAME_CORE,
    reason=f"made for pydantic-core {_specschema.PYDANTIC_CORE}; "
    f"{pydantic_core.__version__} makes it live",
)
def test_the_made_schema_is_what_the_models_give_now() -> None:
    """Regenerate with `.venv/bin/python -m ovs_ignite.specschema` (then ruff format it)
    after changing models.py, valuetypes.py or a check's function."""
    made = derived()
    assert made == _specschema.SCHEMA
    assert core_schema() is _specschema.SCHEMA
    assert "_0 = " in module_text(made)


def test_another_pydantic_core_gets_the_schema_made_live(monkeypatch: pytest.MonkeyPatch) -> None:
    core_schema.cache_clear()
    monkeypatch.setattr(_specschema, "PYDANTIC_CORE", "0.0.0")
    try:
        assert core_schema() == derived()
        assert core_schema() is not _specschema.SCHEMA
    finally:
        core_schema.cache_clear()


def _errors(exc: pydantic_core.ValidationError) -> list[tuple[Any, ...]]:
    return [(e["type"], e["loc"], e["msg"], repr(e.get("input"))) for e in exc.errors()]


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_records_are_the_models_and_the_errors_theirs(path: Path) -> None:
    """Every example and corpus document gives the same spec (written out) or the same
    errors through the prebuilt schema as through pydantic's models."""
    data = _data(path)
    validator = pydantic_core.SchemaValidator(core_schema())
    try:
        model = models.Spec.model_validate(data)
    except ValidationError as exc:
        with pytest.raises(pydantic_core.ValidationError) as made:
            validator.validate_python(data)
        assert _errors(made.value) == _errors(exc)
        return
    spec = validator.validate_python(data)
    assert isinstance(spec, records.Spec)
    # (pydantic's serializer warns of the uplink union's model branch, which it then writes)
    written = model.model_dump(mode="json", by_alias=True, exclude_none=True, warnings=False)
    assert document(spec) == written


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
    loaded = pydantic_core.SchemaValidator(core_schema()).validate_python(
        {"version": 1, "ovs": {"image": "x/ovs", "schema": "/s.json"}}
    )
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
