"""--merge EXTRA as hostile input (issue 26, items 1-5): no route through an EXTRA, in
either format, masks, disables, replaces or drops into what ovs-ignite writes or needs, or
puts a file where the first boot would fail; a Butane EXTRA reaches Butane exactly as Butane
reads it (YAML 1.2); every malformed EXTRA is a located error in bounded time, never a
traceback, a silently dropped section or a config ignition-validate refuses."""

from __future__ import annotations

import base64
import json
import re
import subprocess
import urllib.parse
from pathlib import Path
from typing import Any

import pytest
import yaml

from ovs_ignite import load_spec, render
from ovs_ignite.errors import MergeError
from ovs_ignite.merge import load_extra

from .support.realparts import upstream
from .support.specs import DATA, ROOT

NGINX = ROOT / "examples" / "nginx.yaml"  # fcos, podman, a container web on br0
EVERYTHING = DATA / "valid" / "everything.yaml"


def _ign(tmp_path: Path, data: Any, name: str = "extra.ign") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return path


def _render(spec_path: Path, extra: Path, fmt: str = "ignition") -> str:
    return render(load_spec(spec_path), spec_path.name, fmt, extras=(load_extra(extra),))  # type: ignore[arg-type]


def _problems(spec_path: Path, extra: Path, fmt: str = "ignition") -> list[str]:
    with pytest.raises(MergeError) as caught:
        _render(spec_path, extra, fmt)
    return [line.removeprefix(f"{extra}: ") for line in str(caught.value).splitlines()]


def _load_problems(extra: Path) -> list[str]:
    with pytest.raises(MergeError) as caught:
        load_extra(extra)
    return [line.removeprefix(f"{extra}: ") for line in str(caught.value).splitlines()]


IGN = {"version": "3.4.0"}


# -- item 1: ovs-ignite's own units, drop-ins and paths, by every route ----------------------


def test_an_ignition_extra_cannot_mask_disable_replace_or_drop_into_ovs_ignite(
    tmp_path: Path,
) -> None:
    extra = {
        "ignition": IGN,
        "systemd": {
            "units": [
                {"name": "ovs-attach@web.service", "mask": True},
                {"name": "ovs-attach@web.service", "enabled": False},
                {"name": "ovs-ignite-detach.target", "contents": "[Unit]\n"},
                {
                    "name": "ovs-vswitchd.service",
                    "dropins": [{"name": "99-x.conf", "contents": ""}],
                },
                {"name": "ovs-.service", "dropins": [{"name": "99-x.conf", "contents": ""}]},
            ]
        },
        "storage": {
            "files": [
                {"path": "/etc/systemd/system/ovsdb-server.service.d/99-x.conf"},
                {"path": "/etc/systemd/system/service.d/99-x.conf"},
                {"path": "/etc/systemd/system-preset/10-off.preset"},
            ],
            "links": [
                {"path": "/etc/systemd/system/ovs-attach@web.service", "target": "/dev/null"},
                {"path": "/etc/ovs-ignite", "target": "/tmp"},
            ],
            "directories": [{"path": "/etc/ovs-ignite/bridges"}],
        },
    }
    problems = _problems(NGINX, _ign(tmp_path, extra))
    assert [p.split(":")[0] for p in problems] == [
        "storage.files[0].path",
        "storage.files[1].path",
        "storage.files[2].path",
        "storage.links[0].path",
        "storage.links[1].path",
        "storage.directories[0].path",
        "systemd.units[0].name",
        "systemd.units[1].name",
        "systemd.units[2].name",
        "systemd.units[3].name",
        "systemd.units[4].dropins[0].name",
    ]
    assert "a drop-in that would change ovs-ignite-bridges.service" in problems[1]
    assert "ovs-attach@web.service, a unit of ovs-ignite's" in problems[3]


def test_a_butane_extra_is_held_to_the_same_rule(tmp_path: Path) -> None:
    extra = tmp_path / "x.bu"
    extra.write_text(
        "variant: fcos\nversion: 1.5.0\n"
        "systemd:\n  units:\n"
        "    - name: ovs-attach@web.service\n      mask: yes\n"
        "    - name: podman-auto-update.timer\n      enabled: off\n"
        "storage:\n  files:\n"
        "    - path: /var/usrlocal/bin/ovs-ignite-host\n"
        "    - path: /usr/local/bin\n"
    )
    problems = _problems(NGINX, extra, "butane")
    assert problems[0].startswith("storage.files[0].path: /var/usrlocal/bin/ovs-ignite-host is")
    assert problems[1].startswith("storage.files[1].path: /usr/local/bin (on the host")
    assert problems[2].startswith("systemd.units[0].name: ovs-attach@web.service is a unit")
    # (nginx.yaml has no auto_update: the timer is not one ovs-ignite needs there)
    assert len(problems) == 3


@pytest.mark.ignition
def test_a_unit_container_unit_takes_extra_contents_and_drop_ins_of_its_own(
    tmp_path: Path,
) -> None:
    contents = (
        "[Unit]\nDescription=db\n[Service]\nExecStart=/bin/true\n"
        "[Install]\nWantedBy=multi-user.target\n"
    )
    extra = {
        "ignition": IGN,
        "systemd": {
            "units": [
                {
                    "name": "my-db.service",
                    "enabled": True,
                    "contents": contents,
                    "dropins": [{"name": "60-mine.conf", "contents": "[Service]\n"}],
                },
                {"name": "ovs-vswitchd-exporter.service", "contents": "[Service]\n"},
            ]
        },
    }
    config = json.loads(_render(EVERYTHING, _ign(tmp_path, extra)))
    unit = next(u for u in config["systemd"]["units"] if u["name"] == "my-db.service")
    assert unit["contents"] == contents
    assert {d["name"] for d in unit["dropins"]} == {"50-ovs-attach.conf", "60-mine.conf"}
    validate = upstream("ignition-validate")
    path = _ign(tmp_path, config, "merged.ign")
    result = subprocess.run([validate, str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


# -- item 2: a Butane EXTRA reads as Butane reads it -----------------------------------------

YAML_1_1_TRAPS = ["yes", "1_000", "12:30:00", "on", "0b11", "0x1F", "1:30", "=", "~x", "1.50"]


def _decoded(ignition: dict[str, Any]) -> dict[str, str]:
    out = {}
    for file in ignition.get("storage", {}).get("files", []):
        source = file.get("contents", {}).get("source")
        if source is None:
            continue
        head, _, data = source.partition(",")
        text = (
            base64.b64decode(data)
            if head.endswith(";base64")
            else urllib.parse.unquote_to_bytes(data)
        )
        if file.get("contents", {}).get("compression") == "gzip":
            import gzip

            text = gzip.decompress(text)
        out[file["path"]] = text.decode()
    return out


@pytest.mark.ignition
def test_butane_extra_contents_come_out_as_butane_makes_them(tmp_path: Path) -> None:
    butane = upstream("butane")
    files = "".join(
        f"    - path: /etc/trap/{i}\n      contents:\n        inline: {value}\n"
        for i, value in enumerate(YAML_1_1_TRAPS)
    )
    files += (
        "    - path: /etc/trap/mode\n      mode: 0640\n      overwrite: yes\n"
        "      contents:\n        inline: x\n"
    )
    extra = tmp_path / "traps.bu"
    extra.write_text(f"variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n{files}")
    alone = subprocess.run([butane, "--strict", str(extra)], capture_output=True, text=True)
    assert alone.returncode == 0, alone.stderr
    expected = json.loads(alone.stdout)
    merged_bu = _render(NGINX, extra, "butane")
    out = subprocess.run(
        [butane, "--strict"], input=merged_bu, capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stderr
    merged = json.loads(out.stdout)
    theirs = _decoded(expected)
    ours = _decoded(merged)
    assert {p: ours[p] for p in theirs} == theirs
    assert theirs["/etc/trap/0"] == "yes" and theirs["/etc/trap/1"] == "1_000"
    want = next(f for f in expected["storage"]["files"] if f["path"] == "/etc/trap/mode")
    got = next(f for f in merged["storage"]["files"] if f["path"] == "/etc/trap/mode")
    assert (got["mode"], got["overwrite"]) == (want["mode"], want["overwrite"]) == (0o640, True)


# -- item 3: no replacement of the whole config, in either format ----------------------------


def test_config_replace_and_merge_are_refused_in_both_formats(tmp_path: Path) -> None:
    extra = tmp_path / "r.bu"
    extra.write_text(
        "variant: fcos\nversion: 1.5.0\nignition:\n  config:\n    replace:\n"
        "      source: https://example.com/other.ign\n"
    )
    assert (
        "ignition.config.replace would replace the whole config"
        in _problems(NGINX, extra, "butane")[0]
    )
    merge = {"ignition": {**IGN, "config": {"merge": [{"source": "https://example.com/m.ign"}]}}}
    assert (
        "ignition.config.merge fetches a config at boot"
        in _problems(NGINX, _ign(tmp_path, merge))[0]
    )


# -- item 5: malformed EXTRAs: located errors, bounded, never a traceback --------------------

MALFORMED: list[tuple[Any, str]] = [
    ({"ignition": {"version": "3.4.0", "config": []}}, "ignition.config: expected an object"),
    (
        {"ignition": IGN, "systemd": {"units": [{"name": []}]}},
        "systemd.units[0].name: expected a string",
    ),
    (
        {"ignition": IGN, "storage": {"files": [{"path": {}}]}},
        "storage.files[0].path: expected a string",
    ),
    (
        {"ignition": IGN, "kernelArguments": {"shouldExist": [["a"]]}},
        "kernelArguments.shouldExist[0]: expected a string",
    ),
    ({"ignition": {"version": "3." + "9" * 5000}}, "is not a Ignition spec version"),
    ({"ignition": IGN, "storage": []}, "storage: expected an object, found a list"),
    ({"ignition": IGN, "storage": {"files": "x"}}, "storage.files: expected a list"),
    ({"ignition": IGN, "systemd": {"units": {}}}, "systemd.units: expected a list"),
    (
        {"ignition": IGN, "storage": {"files": [{"mode": 420}]}},
        "storage.files[0].path: is required",
    ),
    (
        {
            "ignition": IGN,
            "storage": {
                "links": [{"path": "/etc/x", "target": "/"}],
                "directories": [{"path": "/etc/x/"}],
            },
        },
        "not a clean path",
    ),
    (
        {
            "ignition": IGN,
            "storage": {"files": [{"path": "/etc/x", "contents": {"source": "data:,{{x}}"}}]},
        },
        "is not a data URL Ignition reads",
    ),
    (
        {"ignition": IGN, "storage": {"files": [{"path": "/etc/x", "mode": -1}]}},
        "is not a file mode",
    ),
    ({"ignition": IGN, "passwd": {"users": [{"name": "a", "uid": "x"}]}}, "passwd.users[0].uid"),
    (
        {"ignition": IGN, "storage": {"links": [{"path": "/etc/ovs-ignite/x", "target": "/"}]}},
        "/etc/ovs-ignite",
    ),
]


@pytest.mark.parametrize(("data", "message"), MALFORMED, ids=[m for _, m in MALFORMED])
def test_a_malformed_ignition_extra_is_a_located_error(
    data: Any, message: str, tmp_path: Path
) -> None:
    extra = _ign(tmp_path, data)
    with pytest.raises(MergeError) as caught:
        _render(NGINX, extra)
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '{"ignition": {"version": "3.4.0"}, "storage": '
            '{"files": [{"path": "/x", "mode": NaN}]}}',
            "NaN is not a JSON number",
        ),
        ("[" * 100_000 + "]" * 100_000, "nested more than 64 levels deep"),
        (
            '{"ignition": {"version": "3.4.0"}, "a": ' + "[" * 70 + "]" * 70 + "}",
            "nested more than 64",
        ),
        ('{"ignition": {"version": "3.4.0"}, "a": ' + "1" * 200 + "}", "a number of 200 digits"),
        ('{"ignition": {"version": "3.4.0"}} trailing', "not JSON"),
    ],
)
def test_hostile_json_text_is_refused(text: str, message: str, tmp_path: Path) -> None:
    problems = _load_problems(_ign(tmp_path, text))
    assert any(message in p for p in problems), problems


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "variant: fcos\nversion: 1.5.0\nx: " + "[" * 500 + "]" * 500 + "\n",
            "nested more than 64",
        ),
        (
            "variant: fcos\nversion: 1.5.0\nx: " + "[" * 4000 + "]" * 4000 + "\n",
            "nested more than 64",
        ),
        (
            "variant: fcos\nversion: 1.5.0\nx:\n"
            + "".join(" " * i + "- \n" for i in range(0, 400, 2)),
            "nested more than 64",
        ),
        ("variant: fcos\nversion: 1.5.0\nstorage: !!binary aGk=\n", "YAML tags are not allowed"),
        ("variant: fcos\nversion: 1.5.0\nversion: 1.4.0\n", "duplicate key 'version'"),
        ("base: &b {variant: fcos}\n<<: *b\nversion: 1.5.0\n", "aliases (*name) are not allowed"),
        (
            "variant: fcos\nversion: 1.5.0\nstorage:\n  files:\n    - path: /x\n      mode: .nan\n",
            "expected a file mode",
        ),
        (
            "variant: fcos\nversion: 1.5.0\nsystemd:\n  units:\n"
            "    - name: x.service\n      mask: maybe\n",
            "systemd.units[0].mask: expected true or false",
        ),
    ],
)
def test_hostile_butane_text_is_refused(text: str, message: str, tmp_path: Path) -> None:
    problems = _load_problems(_ign(tmp_path, text, "x.bu"))
    assert any(message in p for p in problems), problems


@pytest.mark.ignition
def test_every_accepted_extra_gives_a_config_ignition_validate_accepts(tmp_path: Path) -> None:
    validate = upstream("ignition-validate")
    extra = {
        "ignition": {**IGN, "timeouts": {"httpTotal": 30}},
        "storage": {
            "files": [
                {"path": "/etc/site/a", "mode": 0o600, "contents": {"source": "data:,a%7B%7Bb"}}
            ],
            "directories": [{"path": "/var/lib/site"}],
            "links": [{"path": "/etc/site/current", "target": "a"}],
        },
        "systemd": {"units": [{"name": "docker.service", "mask": True}]},
        "passwd": {"users": [{"name": "ops", "uid": 1500}]},
    }
    config = _render(NGINX, _ign(tmp_path, extra))
    path = _ign(tmp_path, config, "out.ign")
    result = subprocess.run([validate, str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert yaml.safe_load(config)["ignition"]["timeouts"] == {"httpTotal": 30}


# -- the corpus of hostile EXTRAs (tests/data/hostile/extras/, by tests.support.hostile_corpus)

EXTRAS = sorted((DATA / "hostile" / "extras").iterdir())
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def test_the_extras_corpus_is_what_its_maker_makes() -> None:
    from .support.hostile_corpus import extras

    assert {p.name: p.read_text(encoding="utf-8") for p in EXTRAS} == extras()
    assert len(EXTRAS) >= 400


@pytest.mark.ignition
@pytest.mark.parametrize("path", EXTRAS, ids=lambda p: p.stem)
def test_a_hostile_extra_is_refused_or_merges_into_a_valid_config(
    path: Path, tmp_path: Path
) -> None:
    fmt = "butane" if path.suffix == ".bu" else "ignition"
    try:
        text = _render(NGINX, path, fmt)
    except MergeError as exc:
        lines = str(exc).splitlines()
        assert lines and all(line.startswith(f"{path}: ") for line in lines), lines
        assert not any(_UNPRINTABLE.search(line) for line in lines), lines
        return
    assert "{{" not in text
    if fmt == "ignition":
        out = _ign(tmp_path, text, "out.ign")
        result = subprocess.run([upstream("ignition-validate"), str(out)], capture_output=True)
    else:
        result = subprocess.run(
            [upstream("butane"), "--strict"], input=text.encode(), capture_output=True
        )
    assert result.returncode == 0, result.stdout + result.stderr
