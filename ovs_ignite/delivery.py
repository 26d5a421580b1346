"""Getting a rendered Ignition config to a host whose user data is small: size limits, a
gzip-wrapped config, and a pointer config with the full config served elsewhere.

Ignition reads user data as is (it does not decompress it), but it does decompress and
follow ``ignition.config.replace``: a config whose only content is a replace with a gzip
``data:`` URL is the same config, smaller; a replace with an ``https://`` URL and a sha512
is a pointer that fetches the full config and refuses any other.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import DeliveryError
from .ignition import dump_ignition

if TYPE_CHECKING:
    from .fetch import Budget


@dataclass(frozen=True)
class Platform:
    limit: int  # bytes of the config as given to the platform (before any base64)
    what: str
    source: str


# User-data limits, as each platform documents them (docs/guides/small-user-data.md).
PLATFORMS = {
    "aws": Platform(
        16384,
        "EC2 user data: 16 KB in raw form, before base64",
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-add-user-data.html",
    ),
    "azure": Platform(
        65535,
        "custom data: 65535 bytes once base64-decoded",
        "https://learn.microsoft.com/en-us/dotnet/api/azure.resourcemanager.computeschedule.models."
        "virtualmachineosprofile.customdata",
    ),
    "gcp": Platform(
        262144,
        "a metadata value (user-data): 256 KiB",
        "https://cloud.google.com/dotnet/docs/reference/Google.Cloud.Compute.V1/latest/"
        "Google.Cloud.Compute.V1.Items",
    ),
    "openstack": Platform(
        49149,  # the most bytes whose base64 fits in 65535
        "nova user_data: 65535 bytes base64-encoded",
        "https://docs.openstack.org/nova/stein/user/user-data.html",
    ),
}
POINTER_SCHEMES = ("http://", "https://", "tftp://", "s3://", "gs://")
_NAME_FIELD = "{name}"


def _version(config_text: str) -> str:
    version = json.loads(config_text)["ignition"]["version"]
    assert isinstance(version, str)
    return version


def _replace(version: str, replace: dict[str, Any]) -> str:
    return dump_ignition({"ignition": {"version": version, "config": {"replace": replace}}})


def wrap_gzip(config_text: str) -> str:
    """A config that is config_text, gzip-compressed into a data URL Ignition follows."""
    payload = gzip.compress(config_text.encode("utf-8"), 9, mtime=0)
    source = "data:;base64," + base64.b64encode(payload).decode("ascii")
    return _replace(_version(config_text), {"compression": "gzip", "source": source})


def sha512_hash(data: bytes) -> str:
    """An Ignition verification hash of data."""
    return "sha512-" + hashlib.sha512(data).hexdigest()


def pointer_url(url: str, name: str) -> str:
    """url with {name} as name; raises DeliveryError when Ignition could not fetch it."""
    if not url.startswith(POINTER_SCHEMES):
        raise DeliveryError(
            f"--pointer {url!r}: Ignition fetches only {', '.join(POINTER_SCHEMES)} URLs"
        )
    resolved = url.replace(_NAME_FIELD, name)
    if not resolved.isascii() or re.search(r"[\s\x00-\x1f\x7f\"<>\\^`{|}]", resolved):
        raise DeliveryError(f"--pointer {url!r}: not a URL Ignition can fetch (spaces, quotes?)")
    return resolved


def pointer(config_text: str, url: str) -> str:
    """A config that makes Ignition fetch url and apply it only when it is config_text."""
    verification = {"hash": sha512_hash(config_text.encode("utf-8"))}
    return _replace(_version(config_text), {"source": url, "verification": verification})


def size_limit(max_bytes: int | None, platform: str | None) -> tuple[int, str] | None:
    """(limit, what it is) of the options, or None for no limit."""
    if platform is not None:
        found = PLATFORMS[platform]
        return found.limit, f"{platform} ({found.what})"
    if max_bytes is not None:
        return max_bytes, "--max-bytes"
    return None


def check_size(text: str, limit: tuple[int, str] | None, wrapped: bool) -> None:
    """Raises DeliveryError when text is over limit, saying by how much and how to fix it."""
    if limit is None:
        return
    size = len(text.encode("utf-8"))
    most, what = limit
    if size <= most:
        return
    fixes = (
        "render with --pointer URL (a small config that fetches the full one from URL)"
        if wrapped
        else "render with --wrap gzip (the config gzip-compressed inside a small one), or "
        "--pointer URL (a small config that fetches the full one from URL)"
    )
    raise DeliveryError(
        f"the config is {size:,} bytes, {size - most:,} over the limit of {most:,} of "
        f"{what}; {fixes}"
    )


def full_config_path(out: Path) -> Path:
    """Where the full config goes beside pointer config out: <stem>.full.ign."""
    return out.with_name(out.name.removesuffix(".ign") + ".full.ign")


# What a PXE-booted Fedora CoreOS needs to run Ignition on its first boot, with its config
# from a URL (matchbox's profiles carry the same).
PXE_ARGUMENTS = ("ignition.firstboot", "ignition.platform.id=metal")
PXE_SCHEMES = ("http://", "https://", "tftp://")


def pxe_command_line(url: str, kernel_arguments: list[str]) -> str:
    """The kernel command line of a first PXE boot that fetches its Ignition config from
    url, with the spec's own kernel arguments; raises DeliveryError for a URL the
    initramfs cannot fetch or that would split the command line."""
    bad = not url.isascii() or re.search(r"[\s\x00-\x1f\x7f\"']", url)
    if not url.startswith(PXE_SCHEMES) or bad:
        raise DeliveryError(
            f"--pxe {url!r}: the initramfs fetches {', '.join(PXE_SCHEMES)} URLs, with no "
            "spaces or quotes"
        )
    return " ".join([*PXE_ARGUMENTS, f"ignition.config.url={url}", *kernel_arguments])


def check_url(url: str, full: bytes, name: str, budget: Budget | None = None) -> str:
    """What url serves, compared byte for byte with full (the config file called name), as
    Ignition fetches it (redirects followed, the body as sent): one line when it serves
    exactly that; raises DeliveryError saying what differs, went wrong or which bound
    (time, size) was hit."""
    import requests

    from .fetch import Budget, FetchError, fetch  # (only this command fetches)

    if not url.startswith(("http://", "https://")):
        raise DeliveryError(f"{url}: check-url fetches http:// and https:// URLs")
    session = requests.Session()
    try:
        reply = fetch(session, url, budget or Budget(), _web_url)
    except FetchError as exc:
        raise DeliveryError(f"{url}: cannot fetch it: {exc}") from None
    if reply.status != 200:
        raise DeliveryError(f"{url}: HTTP {reply.status}: it serves no config")
    body = reply.body
    if body != full:
        offset = next(
            (i for i, (a, b) in enumerate(zip(body, full, strict=False)) if a != b),
            min(len(body), len(full)),
        )
        encoding = reply.header("Content-Encoding")
        why = (
            f"; it was sent with Content-Encoding: {encoding[:40]}, though Ignition asks "
            "for identity and hashes the bytes as sent"
            if encoding and encoding.lower() != "identity"
            else ""
        )
        raise DeliveryError(
            f"{url} serves {len(body):,} bytes that are not {name} ({len(full):,} bytes; "
            f"they differ from byte {offset}{why}): Ignition would refuse it "
            f"(its pointer asks for {sha512_hash(full)[:23]}..., this is "
            f"{sha512_hash(body)[:23]}...)"
        )
    return f"{url} serves {name} exactly ({len(full):,} bytes, {sha512_hash(full)[:23]}...)"


def _web_url(url: str) -> str | None:
    """check-url follows redirects as Ignition does: to http:// and https:// URLs."""
    if not url.startswith(("http://", "https://")):
        return f"a redirect to {url[:80]!r}, which is not http:// or https://"
    return None


# matchbox's data layout (github.com/poseidon/matchbox: storage/storagepb/storage.proto, and
# its file store): groups/<id>.json select a profile by labels, profiles/<id>.json carry
# the network boot and the Ignition config's name, ignition/<name> the config.
MATCHBOX_KERNEL = "/assets/fedora-coreos/fedora-coreos-live-kernel-x86_64"
MATCHBOX_INITRD = "--name main /assets/fedora-coreos/fedora-coreos-live-initramfs.x86_64.img"
MATCHBOX_ROOTFS = "/assets/fedora-coreos/fedora-coreos-live-rootfs.x86_64.img"


def matchbox_files(
    name: str, mac: str, config: str, endpoint: str, kernel_arguments: list[str]
) -> dict[str, str]:
    """relative path -> text of host name's group (selected by its MAC), profile (a first
    PXE boot of the Fedora CoreOS live image from matchbox's assets, Ignition from
    matchbox) and Ignition config, for matchbox at endpoint (http://host:port)."""
    bad = not endpoint.isascii() or re.search(r"[\s\x00-\x1f\x7f\"'{}]", endpoint)
    if not endpoint.startswith(("http://", "https://")) or bad:
        raise DeliveryError(f"--matchbox-url {endpoint!r}: matchbox's http:// or https:// URL")
    if re.search(r"[?#&;]", endpoint):
        # (the config's URL appends ?mac=...: a query, a fragment or a parameter in the base
        # would make it another URL than matchbox serves)
        raise DeliveryError(
            f"--matchbox-url {endpoint!r}: matchbox's base URL has no query (?), fragment "
            "(#) or parameters (& ;)"
        )
    base = endpoint.rstrip("/")
    url = f"{base}/ignition?mac=${{mac:hexhyp}}"
    args = [
        "initrd=main",
        f"coreos.live.rootfs_url={base}{MATCHBOX_ROOTFS}",
        *pxe_command_line(url, kernel_arguments).split(" "),
    ]
    group = {"id": name, "name": name, "profile": name, "selector": {"mac": mac.lower()}}
    profile = {
        "id": name,
        "name": name,
        "ignition_id": f"{name}.ign",
        "boot": {"kernel": MATCHBOX_KERNEL, "initrd": [MATCHBOX_INITRD], "args": args},
    }
    return {
        f"groups/{name}.json": json.dumps(group, indent=2) + "\n",
        f"profiles/{name}.json": json.dumps(profile, indent=2) + "\n",
        f"ignition/{name}.ign": config,
    }
