"""ovs-ignite pin against a real registry on the loopback (Debian's docker-registry): the
digest of each tag as the registry serves it, a manifest list's own digest, the bearer-token
flow, every failure as one clear error, and a pinned spec whose units run the pinned image
even after the tag moved."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from ovs_ignite import parse_spec, render
from ovs_ignite.errors import PinError
from ovs_ignite.pin import Reference, Registry, credentials, is_local, pin_text

from .support.images import derived_image, httpd_image, podman
from .support.realparts import apply_ignition, need
from .support.registry import TokenService, free_port, manifest, registry

pytestmark = [pytest.mark.podman, pytest.mark.registry, pytest.mark.ignition]

DIGEST = re.compile(r"sha256:[0-9a-f]{64}")
LIST_TYPES = (
    "application/vnd.oci.image.index.v1+json",
    "application/vnd.docker.distribution.manifest.list.v2+json",
)


def pin(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ovs_ignite", "pin", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


def derived(conf: Path, base: str, label: str, work: Path) -> str:
    """A small image of its own: base with a label more."""
    return derived_image(conf, work, base, f"pin-{label}", f"LABEL ovs-ignite-test={label}\n")


@pytest.fixture(scope="module")
def images(conf: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """Two small images that differ, both made from the httpd image."""
    work = tmp_path_factory.mktemp("pin-images")
    base = httpd_image(conf, work)
    return derived(conf, base, "first", work), derived(conf, base, "second", work)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    with registry(tmp_path / "registry") as host:
        yield host


def pushed(conf: Path, image: str, target: str, work: Path) -> str:
    """Push image to target; the digest podman says it pushed (not the registry's word)."""
    digest_file = work / "digest"
    podman(conf, "push", "--quiet", "--tls-verify=false", "--digestfile", str(digest_file),
           image, f"docker://{target}")  # fmt: skip
    digest = digest_file.read_text().strip()
    assert DIGEST.fullmatch(digest)
    return digest


SPEC = """\
# a spec with comments, quoting and layout that pin must keep
version: 1
ovs:
  image: "{host}/ovs-ignite/openvswitch:3.1"   # quoted
bridges: [{{name: br0}}]
containers:
  - name: web
    image: {host}/app:1          # plain
    interfaces: [{{bridge: br0}}]
  - name: old
    image: {host}/app:1@sha256:{zeros}
"""


def test_pin_rewrites_each_image_to_the_digest_pushed_and_keeps_the_rest(
    conf: Path, images: tuple[str, str], served: str, tmp_path: Path
) -> None:
    first, second = images
    ovs_digest = pushed(conf, second, f"{served}/ovs-ignite/openvswitch:3.1", tmp_path)
    app_digest = pushed(conf, first, f"{served}/app:1", tmp_path)
    assert ovs_digest != app_digest
    spec = tmp_path / "site.yaml"
    text = SPEC.format(host=served, zeros="0" * 64)
    spec.write_text(text)

    result = pin(str(spec), "--insecure", "-o", str(spec))
    assert result.returncode == 0, result.stderr
    expected = text.replace(
        f'"{served}/ovs-ignite/openvswitch:3.1"',
        f'"{served}/ovs-ignite/openvswitch:3.1@{ovs_digest}"',
    ).replace(f"{served}/app:1          #", f"{served}/app:1@{app_digest}          #")
    assert spec.read_text() == expected
    assert f"ovs.image: {served}/ovs-ignite/openvswitch:3.1 -> " in result.stderr
    assert "containers[1].image" in result.stderr and "(pinned already)" in result.stderr
    # A pinned spec pins again to itself; --quiet lists nothing.
    again = pin(str(spec), "--insecure", "--quiet")
    assert again.returncode == 0 and again.stdout == expected
    assert again.stderr == ""


def test_a_multi_arch_image_is_pinned_to_its_manifest_list(
    conf: Path, images: tuple[str, str], served: str, tmp_path: Path
) -> None:
    first, second = images
    listed = "localhost/ovs-ignite-test/pin-list:1"
    podman(conf, "manifest", "rm", listed, check=False)
    podman(conf, "manifest", "create", listed)
    try:
        for image in (first, second):
            podman(conf, "manifest", "add", listed, f"containers-storage:{image}")
        podman(conf, "manifest", "push", "--all", "--quiet", "--tls-verify=false", listed,
               f"docker://{served}/multi:1")  # fmt: skip
    finally:
        podman(conf, "manifest", "rm", listed, check=False)
    stored = manifest(f"{served}/multi:1", ", ".join(LIST_TYPES))
    assert json.loads(stored.content)["mediaType"] in LIST_TYPES
    list_digest = "sha256:" + hashlib.sha256(stored.content).hexdigest()

    result = pin("-", "--insecure", stdin=f"version: 1\novs: {{image: {served}/multi:1}}\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"version: 1\novs: {{image: {served}/multi:1@{list_digest}}}\n"


def test_a_registry_that_wants_a_token_gets_one_for_the_repository(
    conf: Path, images: tuple[str, str], tmp_path: Path
) -> None:
    with TokenService().serving() as tokens, registry(tmp_path / "reg", tokens) as host:
        digest = pushed(conf, images[0], f"{host}/team/app:2", tmp_path)
        tokens.asked.clear()
        result = pin("-", "--insecure", stdin=f"version: 1\novs: {{image: {host}/team/app:2}}\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(f"{host}/team/app:2@{digest}}}\n")
    assert len(tokens.asked) == 1
    assert "scope=repository%3Ateam%2Fapp%3Apull" in tokens.asked[0]
    assert "service=test-registry" in tokens.asked[0]


def test_a_wrong_tag_an_unreachable_registry_and_a_401_are_each_one_clear_error(
    conf: Path, images: tuple[str, str], served: str, tmp_path: Path
) -> None:
    pushed(conf, images[0], f"{served}/app:1", tmp_path)
    closed = f"127.0.0.1:{free_port()}"
    with TokenService(refuse=True).serving() as tokens, registry(tmp_path / "r2", tokens) as host:
        spec = tmp_path / "site.yaml"
        spec.write_text(
            "version: 1\n"
            f"ovs: {{image: {served}/app:no-such-tag}}\n"
            "containers:\n"
            f"  - {{name: a, image: {closed}/app:1}}\n"
            f"  - {{name: b, image: {host}/private/app:1}}\n"
        )
        out = tmp_path / "pinned.yaml"
        result = pin(str(spec), "--insecure", "-o", str(out))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines == [
        f"{spec}:2:14: ovs.image: {served}/app:no-such-tag: the registry {served} has no "
        "app:no-such-tag (HTTP 404)",
        f"{spec}:4:22: containers[0].image: {closed}/app:1: cannot reach the registry "
        f"{closed}: Connection refused",
        f"{spec}:5:22: containers[1].image: {host}/private/app:1: {host} refused a token for "
        "private/app (HTTP 401): the image may be private (podman login), or its name wrong",
    ]
    assert not out.exists()


def test_insecure_is_only_for_a_registry_on_this_machine() -> None:
    result = pin("-", "--insecure", stdin="version: 1\novs: {image: registry.example.com/o:1}\n")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "<stdin>:2:14: ovs.image: --insecure asks only a registry on this machine over plain "
        "HTTP; registry.example.com is not one"
    ]
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("given", "domain", "repository", "tag", "pinned"),
    [
        ("nginx", "docker.io", "library/nginx", "latest", "docker.io/library/nginx:latest@D"),
        ("nginx:1.27", "docker.io", "library/nginx", "1.27", "docker.io/library/nginx:1.27@D"),
        ("me/app:2", "docker.io", "me/app", "2", "docker.io/me/app:2@D"),
        ("docker.io/nginx:1", "docker.io", "library/nginx", "1", "docker.io/nginx:1@D"),
        ("quay.io/a/b/c:3", "quay.io", "a/b/c", "3", "quay.io/a/b/c:3@D"),
        ("localhost:5000/x", "localhost:5000", "x", "latest", "localhost:5000/x:latest@D"),
        ("localhost/x:1", "localhost", "x", "1", "localhost/x:1@D"),
    ],
)
def test_references_split_as_the_distribution_api_needs(
    given: str, domain: str, repository: str, tag: str, pinned: str
) -> None:
    ref = Reference.parse(given)
    assert (ref.domain, ref.repository, ref.tag) == (domain, repository, tag)
    assert ref.pinned("D") == pinned


def test_local_means_this_machine() -> None:
    for host in ("localhost", "localhost:5000", "127.0.0.1:5000", "127.1.2.3", "[::1]:5000"):
        assert is_local(host), host
    for host in ("registry.example.com", "10.0.0.1:5000", "localhost.example.com"):
        assert not is_local(host), host


def test_the_units_of_a_pinned_spec_pull_the_pinned_image_after_the_tag_moved(
    conf: Path, images: tuple[str, str], served: str, tmp_path: Path
) -> None:
    # An image of this test's own: the host's pull below needs it gone from local storage.
    first = derived(conf, httpd_image(conf, tmp_path), f"pinned-{uuid.uuid4().hex[:8]}", tmp_path)
    second = images[1]
    tag = f"{served}/app:1"
    first_digest = pushed(conf, first, tag, tmp_path)
    text = f"version: 1\novs: {{image: {tag}}}\ncontainers: [{{name: web, image: {tag}}}]\n"
    result = pin("-", "--insecure", stdin=text)
    assert result.returncode == 0, result.stderr
    pushed(conf, second, tag, tmp_path)  # the tag moves on
    spec = parse_spec(result.stdout, "pinned.yaml")
    root, _ = apply_ignition(json.loads(render(spec, "pinned.yaml")), tmp_path / "root")
    # (what the unit of web runs: its data file, and the OVS units)
    data = (root / "etc/ovs-ignite/containers/web.conf").read_text()
    assert f"image={tag}@{first_digest}\n" in data
    unit = (root / "etc/systemd/system/ovsdb-server.service").read_text()
    references = set(re.findall(rf"{re.escape(served)}/app\S*", unit))
    assert references == {f"{tag}@{first_digest}"}

    # The host script's own pull step, as the unit runs it, with this registry over HTTP.
    registries = tmp_path / "registries.conf"
    registries.write_text(f'[[registry]]\nlocation = "{served}"\ninsecure = true\n')
    env = {
        **os.environ,
        "CONTAINERS_CONF": str(conf),
        "CONTAINERS_REGISTRIES_CONF": str(registries),
        "OVS_IGNITE_CONFIG_DIR": str(root / "etc/ovs-ignite"),
    }

    def image_id(image: str) -> str:
        return podman(conf, "image", "inspect", "--format", "{{.Id}}", image).stdout.strip()

    pinned = f"{tag}@{first_digest}"
    first_id = image_id(first)
    podman(conf, "rmi", "--force", first_id)
    script = root / "usr/local/bin/ovs-ignite-host"
    step = subprocess.run(
        [need("bash"), str(script), "image", pinned], env=env, capture_output=True, text=True
    )
    assert step.returncode == 0, step.stderr
    assert "pulling it" in step.stderr
    assert image_id(pinned) == first_id != image_id(second)
    podman(conf, "rmi", "--force", first_id)


class _Fixed(Registry):
    """A registry answering one digest for every tag: for the text rewriting alone (the
    real registry's answers are tested above)."""

    def digest(self, ref: Reference) -> str:
        return "sha256:" + "ab" * 32


@pytest.mark.parametrize(
    "text",
    [
        "version: 1\r\novs: {image: 'q.io/o:1'}   # é\r\n"
        "containers: [{name: w, image: q.io/w}]\r\n",
        '# ünïcode ☃ comment\nversion: 1\novs:\n  image:\n    "q.io/o:1"\ncontainers:\n'
        "  - name: w\n    image: >-\n      q.io/w\n",
    ],
    ids=["crlf-and-flow", "unicode-and-folded"],
)
def test_pin_finds_each_image_wherever_the_yaml_puts_it(text: str) -> None:
    spec = parse_spec(text, "s.yaml")
    pinned, _ = pin_text(text, spec, "s.yaml", _Fixed())
    again = parse_spec(pinned, "s.yaml")
    digest = "@sha256:" + "ab" * 32
    assert again.ovs.image == f"q.io/o:1{digest}"
    assert again.containers[0].image == f"q.io/w:latest{digest}"
    assert (
        pinned.replace(f"q.io/o:1{digest}", "q.io/o:1").replace(f"q.io/w:latest{digest}", "q.io/w")
        == text
    )


def test_an_image_pin_cannot_find_in_the_text_is_an_error_not_a_guess() -> None:
    text = 'version: 1\novs: {image: "q.io/\\x6f:1"}\n'  # an escape: not the value's text
    with pytest.raises(PinError) as caught:
        pin_text(text, parse_spec(text, "s.yaml"), "s.yaml", _Fixed())
    assert str(caught.value) == (
        "s.yaml:2:14: ovs.image: written in a way pin cannot rewrite in place "
        "(escapes? write it plain)"
    )


def test_logins_are_read_from_the_auth_files_podman_and_docker_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    auth = tmp_path / "auth.json"
    encoded = base64.b64encode(b"robot:s3cr:et").decode()
    auth.write_text(json.dumps({"auths": {"quay.io": {"auth": encoded}}}))
    monkeypatch.setenv("REGISTRY_AUTH_FILE", str(auth))
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    assert credentials("quay.io") == ("robot", "s3cr:et")
    assert credentials("ghcr.io") is None
    docker = tmp_path / ".docker/config.json"
    docker.parent.mkdir()
    docker.write_text(json.dumps({"auths": {"https://index.docker.io/v1/": {"auth": encoded}}}))
    assert credentials("docker.io") == ("robot", "s3cr:et")
    auth.write_text("not json")
    assert credentials("quay.io") is None
