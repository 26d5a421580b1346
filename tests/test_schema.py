"""``ovs-ignite schema``: every property described, and the schema agreeing with validate.

The schema is what editors check a spec against as it is typed. It must never refuse a spec
validate takes (the valid corpus and the examples), and it must refuse every spec validate
refuses for a single value (the invalid corpus), except where the rule is one JSON Schema
cannot say: BEYOND_SCHEMA lists those, and docs/getting-started.md says so.
Cross-references (a patch port's peer, a bridge an interface names) are validate's alone.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_args

import jsonschema
import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from ovs_ignite import SpecError, parse_spec
from ovs_ignite.cli import app
from ovs_ignite.models import PORT_MODELS, Spec
from ovs_ignite.yamlsource import YamlError, load_located

from .support.specs import DATA, EXAMPLES

runner = CliRunner()
VALID = [*EXAMPLES, *sorted((DATA / "valid").glob("*.yaml"))]
INVALID = sorted((DATA / "invalid").glob("*.yaml"))
# Rules of a value that JSON Schema cannot say; the schema checks the value's shape only.
BEYOND_SCHEMA = [
    re.compile(r"is not an address in CIDR form"),  # octets above 255, prefix lengths
    re.compile(r"is not an IP address"),
    re.compile(r"runs backwards"),  # a CPU range 7-2
]


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    loaded: dict[str, Any] = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(loaded)
    return loaded


def _properties(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for name, definition in [("Spec", schema), *schema["$defs"].items()]:
        for key, value in definition.get("properties", {}).items():
            yield f"{name}.{key}", value


def test_every_property_has_a_description(schema: dict[str, Any]) -> None:
    properties = dict(_properties(schema))
    assert len(properties) > 70
    assert [name for name, value in properties.items() if not value.get("description")] == []


def test_schema_lists_every_spec_key(schema: dict[str, Any]) -> None:
    assert schema["additionalProperties"] is False
    assert set(schema["properties"]) == set(Spec.model_fields)
    defs = schema["$defs"]
    assert all(d.get("additionalProperties") is False for d in defs.values() if "properties" in d)


def test_each_port_type_takes_its_own_keys(schema: dict[str, Any]) -> None:
    defs = schema["$defs"]
    keys = {name: set(d["properties"]) for name, d in defs.items() if name.endswith("Port")}
    common = {"name", "type", "vlan", "trunks", "vlan_mode", "mtu", "other_config", "external_ids"}
    common |= {"ingress_policing_rate", "ingress_policing_burst"}  # (refused on patch, tunnels)
    common |= {"qos"}  # (refused on patch, tunnels and dpdk)
    one = common | {"ofport"}  # a port that is one interface can ask for its OpenFlow number
    assert keys["SystemPort"] == keys["InternalPort"] == one
    tunnel = one | {"remote_ip", "key", "in_key", "out_key", "local_ip", "tos", "ttl"}
    tunnel |= {"df_default", "csum"}
    assert keys["GrePort"] == tunnel
    assert keys["VxlanPort"] == keys["GenevePort"] == tunnel | {"dst_port"}
    assert keys["PatchPort"] == one | {"peer"}
    bond = {"interfaces", "bond_mode", "lacp", "updelay", "downdelay", "lacp_time"}
    bond |= {"lacp_fallback_ab", "bond_rebalance_interval"}
    assert keys["BondPort"] == common | bond | {"members"}
    assert keys["DpdkPort"] == one | {"pci", "devargs", "n_rxq", "n_rxq_desc", "n_txq_desc"} | {
        "pmd_rxq_affinity"
    }
    assert "remote_ip" in defs["VxlanPort"]["required"]
    flow, number = defs["VxlanPort"]["properties"]["key"]["anyOf"][0]["oneOf"]
    assert flow == {"const": "flow", "type": "string"}
    assert number == {"maximum": 0xFFFFFF, "minimum": 0, "type": "integer"}


SPEC = {"version": 1, "ovs": {"image": "quay.io/x/ovs:3.3"}}


@pytest.mark.parametrize(
    "bridge",
    [
        {"name": "br0", "mtu": 10},
        {"name": "br0", "mtu": 70000},
        {"name": "a-name-too-long-for-linux"},
        {"name": "br0", "ports": [{"name": "vx0", "type": "vxlan"}]},
        {
            "name": "br0",
            "ports": [{"name": "vx0", "type": "vxlan", "remote_ip": "1.2.3.4", "key": 1 << 24}],
        },
        {"name": "br0", "ports": [{"name": "eth1", "pci": "0000:01:00.0"}]},
        {"name": "br0", "ports": [{"name": "eth1", "vlan": 4095}]},
        {"name": "br0", "ports": [{"name": "b0", "type": "bond", "interfaces": ["e1"]}]},
        {"name": "br0", "ports": [{"name": "eth1", "type": "tap"}]},
    ],
)
def test_schema_refuses_what_validate_refuses_for_one_value(
    schema: dict[str, Any], bridge: dict[str, Any]
) -> None:
    spec = {**SPEC, "bridges": [bridge]}
    assert not jsonschema.Draft202012Validator(schema).is_valid(spec)
    with pytest.raises(SpecError):
        parse_spec(json.dumps(spec))


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_schema_takes_every_valid_spec(schema: dict[str, Any], path: Path) -> None:
    jsonschema.validate(load_located(path.read_text()).data, schema)


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_schema_refuses_every_spec_validate_refuses_for_a_value(
    schema: dict[str, Any], path: Path
) -> None:
    try:
        located = load_located(path.read_text(), strict=False)
    except YamlError:
        return  # not YAML: nothing for a schema to see
    if located.problems:
        return  # refused by the loader (a tag, a duplicate key, a control character)
    try:
        Spec.model_validate(located.data)
    except ValidationError as exc:
        messages = [str(error["msg"]) for error in exc.errors()]
    else:
        return  # every value is good: what is wrong is a cross-reference, validate's alone
    if jsonschema.Draft202012Validator(schema).is_valid(located.data):
        beyond = [m for m in messages if any(rule.search(m) for rule in BEYOND_SCHEMA)]
        assert beyond == messages, f"the schema takes {path.name}, which validate refuses"


def test_each_port_model_is_named_by_its_own_type(schema: dict[str, Any]) -> None:
    """PORT_MODELS (which the errors and the pruning read) and the union agree, type by type."""
    for kind, model in PORT_MODELS.items():
        assert get_args(model.model_fields["type"].annotation) == (kind,)
        assert (
            Spec.model_validate({**SPEC, "bridges": [{"name": "br0", "ports": [_a_port(kind)]}]})
            .bridges[0]
            .ports[0]
            .__class__
            is model
        )
    refs = schema["$defs"]["Bridge"]["properties"]["ports"]["items"]["oneOf"]
    assert sorted(r["$ref"].rsplit("/", 1)[1] for r in refs) == sorted(
        m.__name__ for m in PORT_MODELS.values()
    )


def _a_port(kind: str) -> dict[str, Any]:
    needs: dict[str, dict[str, Any]] = {
        "vxlan": {"remote_ip": "192.0.2.1"},
        "geneve": {"remote_ip": "192.0.2.1"},
        "gre": {"remote_ip": "192.0.2.1"},
        "patch": {"peer": "p1"},
        "link": {"peer_switch": "lab1", "peer": "p1"},
        "bond": {"interfaces": ["e1", "e2"]},
    }
    return {"name": "p0", "type": kind, **needs.get(kind, {})}
