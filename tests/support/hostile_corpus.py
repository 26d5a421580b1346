"""The hostile corpus of tests/data/hostile/: made by this module, kept as files.

Every string field of a spec gets every class of hostile payload (line breaks of every
kind, shell and systemd metacharacters, quotes, NUL, bidi, surrogates, huge and non-ASCII
numbers, path tricks), plus whole-document attacks (aliases, deep nesting, tags, a bomb).
Values are written as YAML double-quoted strings with JSON's escapes, so that each file is
plain ASCII whatever it holds. A bug found later gets a case here:

    .venv/bin/python -m tests.support.hostile_corpus     # writes the files anew
"""

from __future__ import annotations

import json
import re
from pathlib import Path

FOLDER = Path(__file__).resolve().parent.parent / "data" / "hostile"

BASE = """version: 1
host: {hostname: HOSTNAME, users: [{name: USER, ssh_authorized_keys: [SSHKEY]}]}
ovs: {image: OVSIMAGE, other_config: {OCKEY: OCVALUE}, managers: [MANAGER],
      external_ids: {OVNKEY: OVNVALUE, ovn-remote: OVNREMOTE, ovn-bridge-mappings: OVNMAP}}
dpdk: {hugepages: [{size: 2M, count: 512}, {size: 1G, count: 1}], isolcpus: ISOLCPUS,
       socket_mem: SOCKETMEM, socket_limit: SOCKETLIMIT, pmd_cpu_mask: "0x4",
       max_idle: MAXIDLE, emc_insert_inv_prob: EMCPROB}
bridges:
  - name: BRIDGE
    datapath: system
    address: 10.0.0.1/24
    controllers: [CONTROLLER, {target: CTLTARGET, connection_mode: out-of-band}]
    datapath_id: DPID
    other_config: {BRKEY: BRVALUE}
    external_ids: {site: BEVALUE}
    ports:
      - {name: PORT, trunks: [10, TRUNKS], other_config: {PKEY: PVALUE}, external_ids: {n: x},
         ingress_policing_rate: POLICE, qos: {max_rate: QOSRATE, queues: [{id: QUEUEID}]}}
      - {name: vx9, type: vxlan, remote_ip: 192.0.2.9, local_ip: TUNLOCAL, dst_port: 4790,
         in_key: TUNKEY}
    mirrors: [{name: MIRROR, select_src_ports: [vx9], output_port: SPANTO}]
  - name: br-up
    datapath: system
    uplink: UPLINK
    address: [10.9.0.2/24]
    routes: [{to: ROUTETO, via: ROUTEVIA}]
    dns: [DNS]
  - {name: br-up2, datapath: system, uplink: {mac: UPLINKMAC}, address: dhcp}
  - name: br-dp
    ports:
      - {name: dpdk9, type: dpdk, devargs: "net_tap9,iface=tap9", n_rxq: NRXQ,
         n_rxq_desc: RXDESC, pmd_rxq_affinity: RXQAFFINITY}
      - name: dbond9
        type: bond
        members: [{name: MEMBER, devargs: MEMBERARGS, pmd_rxq_affinity: "0:2"},
                  {name: dm8, devargs: "net_tap8,iface=tap8", pmd_rxq_affinity: "0:2"}]
containers:
  - name: CONTAINER
    image: IMAGE
    command: [nginx, COMMAND]
    env: {ENVKEY: ENVVALUE}
    volumes: [VOLUME]
    interfaces:
      - {bridge: BRIDGE, name: IFNAME, address: ADDRESS, gateway: GATEWAY, mac: MAC,
         qos: {max_rate: 1000000, queues: [{id: 0, max_rate: QUEUERATE}]}}
      - bridge: BRIDGE
        name: eth2
        address: [10.0.0.12/24, ADDRESS6]
        routes: [{to: CROUTETO, via: 10.0.0.1}]
        vlan_mode: native-untagged
        vlan: 10
        trunks: [20-29]
        external_ids: {IFKEY: IFVALUE}
  - name: pmd
    image: quay.io/x/testpmd:1
    interfaces: [{bridge: br-dp, type: IFTYPE, name: VHOSTIF, mtu: 9000}]
  - name: own
    unit: UNIT
    interfaces: [{bridge: BRIDGE, address: 10.0.0.11/24}]
switches: [{name: SWNAME}]
files:
  - {path: FILEPATH, contents: FILECONTENTS}
  - {path: /etc/local-file, local: LOCAL}
units:
  - name: SVCNAME
    contents: "[Service]\\nExecStart=/usr/bin/podman version\\n"
    dropins: [{name: DROPNAME, contents: "[Unit]\\nDescription=y\\n"}]
expect:
  - {from: EXPECTFROM, to: EXPECTTO}
  - {from: own, to: EXPECTPING, mtu: EXPECTMTU, reach: true}
"""
# field -> (good value, how a payload goes in: alone or inside a good value)
FIELDS: dict[str, tuple[str | int, str]] = {
    "HOSTNAME": ("edge-01", "edge{}"),
    "USER": ("core", "core{}"),
    "SSHKEY": ("ssh-ed25519 AAAA admin@example", "ssh-ed25519 AAAA admin{}"),
    "OVSIMAGE": ("quay.io/x/ovs:3.3", "quay.io/x/ovs:3.3{}"),
    "OCKEY": ("stats-update-interval", "k{}"),
    "OCVALUE": ("5000", "{}"),
    "MANAGER": ("ptcp:6640:127.0.0.1", "ptcp:6640:{}"),
    "OVNKEY": ("hostname", "h{}"),
    "OVNVALUE": ("chassis-1", "chassis{}"),
    "OVNREMOTE": ("tcp:192.0.2.10:6642", "tcp:192.0.2.10:{}"),
    "OVNMAP": ("physnet1:br0", "physnet{}:br0"),
    "ISOLCPUS": ("2-7", "2-{}"),
    "SOCKETMEM": ("512", "{}"),
    "SOCKETLIMIT": ("1024", "{}"),
    "MAXIDLE": (10000, "1000{}"),
    "EMCPROB": (100, "{}"),
    "NRXQ": (2, "{}"),
    "MEMBER": ("dm9", "dm{}"),
    "MEMBERARGS": ("net_af_packet7,iface=eth7", "net_af_packet7,iface=eth{}"),
    "RXDESC": (1024, "1024{}"),
    "RXQAFFINITY": ("0:2,1:2", "0:2,1:{}"),
    "BRIDGE": ("br0", "br{}"),
    "CONTROLLER": ("tcp:192.0.2.5:6653", "tcp:192.0.2.5:{}"),
    "CTLTARGET": ("unix:/run/ctl.sock", "unix:/run/ctl{}.sock"),
    "DPID": ("0000000000000001", "000000000000000{}"),
    "BRKEY": ("dp-desc", "dp{}"),
    "BRVALUE": ("edge-01 br0", "edge {}"),
    "BEVALUE": ("edge-01", "{}"),
    "PORT": ("eth1", "eth{}"),
    "PKEY": ("priority-tags", "p{}"),
    "POLICE": (1000, "1000{}"),
    "PVALUE": ("if-nonzero", "a {}"),
    "QOSRATE": (100000000, "1000{}"),
    "QUEUEID": (0, "{}"),
    "QUEUERATE": (500000, "5000{}"),
    "TRUNKS": ("20-29", "20-{}"),
    "TUNLOCAL": ("192.0.2.10", "192.0.2.{}"),
    "TUNKEY": ("flow", "{}"),
    "MIRROR": ("span0", "span{}"),
    "SPANTO": ("web/eth2", "web/eth{}"),
    "UPLINK": ("eth7", "eth{}"),
    "UPLINKMAC": ("52:54:00:00:00:07", "52:54:00:00:00:{}"),
    "ROUTETO": ("10.8.0.0/16", "10.8.0.0/{}"),
    "ROUTEVIA": ("10.9.0.1", "10.9.0.{}"),
    "DNS": ("10.9.0.53", "10.9.0.{}"),
    "CONTAINER": ("web", "web{}"),
    "IMAGE": ("docker.io/library/nginx:1.27", "docker.io/library/nginx:{}"),
    "COMMAND": ("-g", "{}"),
    "ENVKEY": ("A", "A{}"),
    "ENVVALUE": ("x", "a{}b"),
    "VOLUME": ("/srv/www:/html:ro", "/srv/w{}:/html"),
    "IFNAME": ("eth1", "e{}"),
    "IFTYPE": ("vhost-user", "vhost-user{}"),
    "VHOSTIF": ("vh0", "vh{}"),
    "ADDRESS": ("10.0.0.10/24", "10.0.0.10/{}"),
    "GATEWAY": ("10.0.0.1", "fe80::1%{}"),
    "ADDRESS6": ("2001:db8::12/64", "2001:db8::12/{}"),
    "CROUTETO": ("192.168.0.0/16", "192.168.0.0/{}"),
    "IFKEY": ("iface-id", "i{}"),
    "IFVALUE": ("web-eth2", "a {}"),
    "MAC": ("02:00:00:00:00:0a", "02:00:00:00:00:{}"),
    "UNIT": ("my-web.service", "my{}.service"),
    "SWNAME": ("lab1", "lab{}"),  # (an instance: a netns, unit and container names)
    "FILEPATH": ("/etc/extra", "/etc/extra{}"),
    "FILECONTENTS": ("hello\n", "a{}b\n"),
    "LOCAL": ("local/ok.txt", "local/ok{}.txt"),  # (tests/data/hostile/local/ok.txt)
    "SVCNAME": ("extra.service", "extra{}.service"),
    "DROPNAME": ("10-extra.conf", "10-extra{}.conf"),
    "EXPECTFROM": ("web", "web{}"),  # (what verify runs in: a container's netns)
    "EXPECTTO": ("own:80", "own:{}"),  # (a container and a port: bash's /dev/tcp path)
    "EXPECTPING": ("10.0.0.10", "10.0.0.{}"),  # (ping's last argument)
    "EXPECTMTU": (1500, "1500{}"),  # (ping's -s)
}
PAYLOADS = {
    "lf": "x\nExecStartPre=/bin/touch /tmp/pwned",
    "cr": "x\rY",
    "nel": "hi\x85[Install]\x85Also=debug-shell.service\x85X=",
    "ls": "hi\u2028ExecStartPre=/bin/sh",
    "ps": "hi\u2029X=1",
    "vt-ff": "a\x0bb\x0cc",
    "tab": "a\tb",
    "nul": "a\x00b",
    "esc": "\x1b[31mred",
    "c1": "a\x9bb",
    "bidi": "abc\u202edcba",
    "isolate": "a\u2066b\u2069",
    "surrogate": "a\ud800b",
    "shell-subst": "$(touch /tmp/pwned)",
    "backticks": "`touch /tmp/pwned`",
    "shell-ops": "a;b|c&&d>e<f",
    "quotes": 'it\'s "quoted" \\back',
    "specifiers": "%n%i%H%%",
    "env-refs": "${PATH}$HOME$$",
    "path-up": "../../etc/shadow",
    "path-abs": "/etc/passwd",
    "space": "a b",
    "glob": "*?[a]",
    "long": "y" * 3000,
    "arabic-digits": "\u0662\u0667",
    "fullwidth-digits": "\uff11\uff12",
    "huge-number": "9" * 5000,
    "empty": "",
    "go-template": "{{.Env.SECRET}}",
}
# Whole documents: (name, text)
DOCUMENTS = {
    "alias-bomb": "a: &a [x, x, x, x, x, x, x, x, x]\n"
    + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + "version: 1\novs: {image: x}\n",
    "alias-recursive": "version: 1\novs: {image: x}\nbridges: &a [*a, *a]\n",
    "alias-reuse": "version: 1\novs: &o {image: x}\nextra: *o\n",
    "deep-nesting": "version: 1\novs: {image: x}\nbridges: " + "[" * 10000 + "]" * 10000 + "\n",
    "deep-nesting-65": "version: 1\novs: {image: x}\nbridges: " + "[" * 65 + "]" * 65 + "\n",
    "merge-key": "version: 1\nbase: {image: x}\novs:\n  <<: {image: y}\n",
    "python-tag": "version: 1\novs: !!python/object/apply:os.system [id]\n",
    "python-tag-key": "version: 1\novs: {image: x}\n!!python/name:os.system : 1\n",
    "binary-tag": "version: 1\novs: {image: !!binary aGk=}\n",
    "custom-tag": "version: 1\novs: {image: !evil x}\n",
    "inf": "version: 1\novs: {image: x}\nbridges: [{name: br0, mtu: .inf}]\n",
    "nan": "version: 1\novs: {image: x}\nbridges: [{name: br0, mtu: .nan}]\n",
    "huge-int": "version: 1\novs: {image: x}\nbridges: [{name: br0, mtu: " + "9" * 5000 + "}]\n",
    "huge-vlan": "version: 1\novs: {image: x}\nbridges: [{name: br0, ports: [{name: p, vlan: "
    + "1" * 400
    + "}]}]\n",
    "isolcpus-400m": "version: 1\novs: {image: x}\ndpdk: {hugepages: {size: 2M, count: 8}, "
    'isolcpus: "0-400000000"}\n',
    "isolcpus-many-ranges": "version: 1\novs: {image: x}\ndpdk: {hugepages: {size: 2M, "
    'count: 8}, isolcpus: "' + ",".join(["0-8191"] * 400) + '"}\n',
    "pmd-mask-huge": "version: 1\novs: {image: x}\ndpdk: {hugepages: {size: 2M, count: 8}, "
    'isolcpus: "2-7", pmd_cpu_mask: "0x' + "f" * 5000 + '"}\n',
    "duplicate-keys": "version: 1\nversion: 1\novs: {image: x}\n",
    "not-a-mapping": "- version: 1\n",
    "empty": "",
    "bom-and-nul": '\ufeffversion: 1\novs: {image: "a\\0b"}\n',
    "many-containers": "version: 1\novs: {image: x}\nbridges: [{name: br0}]\ncontainers:\n"
    + "".join(f"  - {{name: c{i}, image: x, interfaces: [{{bridge: br0}}]}}\n" for i in range(300)),
    "shadow-docker": "version: 1\ntarget: {os: flatcar, ignition: 3.4.0}\novs: {image: x}\n"
    "containers: [{name: docker, image: nginx}]\n",
    "own-unit-is-ovs": "version: 1\novs: {image: x}\nbridges: [{name: br0}]\n"
    "containers: [{name: w, unit: ovsdb-server.service, interfaces: [{bridge: br0}]}]\n",
}


# Spec routes of issue 26: what the spec's files: and units: may not change or break.
DOCUMENTS.update(
    {
        "units-replace-detach-target": "version: 1\novs: {image: x}\nbridges: [{name: br0}]\n"
        "containers: [{name: w, image: x, interfaces: [{bridge: br0}]}]\n"
        'units: [{name: ovs-ignite-detach.target, contents: "[Unit]\\n"}]\n',
        "units-disable-auto-update": "version: 1\novs: {image: quay.io/x/ovs:3.3, "
        "auto_update: registry}\nunits: [{name: podman-auto-update.timer, enabled: false}]\n",
        "units-prefix-dropin": "version: 1\novs: {image: x}\nunits: [{name: ovs-.service, "
        'dropins: [{name: 10-x.conf, contents: "[Service]\\nExecStart=\\n"}]}]\n',
        "file-at-own-folder": "version: 1\novs: {image: x}\n"
        'files: [{path: /etc/ovs-ignite, contents: "x"}]\n',
        "file-through-fcos-link": "version: 1\novs: {image: x}\n"
        'files: [{path: /var/usrlocal/bin/ovs-ignite-host, contents: "x"}]\n',
        "file-under-file": "version: 1\novs: {image: x}\n"
        'files: [{path: /opt/a, contents: "x"}, {path: /opt/a/b, contents: "y"}]\n',
        "file-setuid-before-3-6": "version: 1\ntarget: {ignition: 3.4.0}\novs: {image: x}\n"
        'files: [{path: /etc/x, mode: "4755", contents: "x"}]\n',
        "unit-enabled-without-install": "version: 1\novs: {image: x}\n"
        "units: [{name: x.service, enabled: true, "
        'contents: "[Service]\\nExecStart=/bin/true\\n"}]\n',
        "container-named-like-an-instance": "version: 1\novs: {image: x}\n"
        "switches: [{name: lab1}]\ncontainers: [{name: ovsdb-server-lab1, image: x}]\n",
        "port-double-dash": "version: 1\novs: {image: x}\n"
        'bridges: [{name: br0, ports: [{name: "--"}]}]\n',
        "controller-ipv6-unbracketed": "version: 1\novs: {image: x}\n"
        'bridges: [{name: br0, controllers: ["tcp:::1:6633"]}]\n',
    }
)

# --merge EXTRAs (issue 26): every string field of an Ignition and a Butane EXTRA gets every
# payload; each is refused (MergeError, printable lines) or merges into a config the real
# ignition-validate or butane --strict accepts.
EXTRA_IGNITION = {
    "ignition": {"version": "3.4.0"},
    "storage": {
        "files": [{"path": "FILEPATH", "contents": {"source": "data:,x"}, "mode": 420}],
        "links": [{"path": "/etc/extra-link", "target": "LINKTARGET"}],
    },
    "systemd": {
        "units": [
            {
                "name": "UNITNAME",
                "contents": "UNITCONTENTS",
                "dropins": [{"name": "DROPNAME", "contents": "[Unit]\n"}],
            }
        ]
    },
    "passwd": {"users": [{"name": "USERNAME", "sshAuthorizedKeys": ["SSHKEY"]}]},
}
EXTRA_FIELDS = {
    "FILEPATH": ("/etc/extra", "/etc/extra{}"),
    "LINKTARGET": ("/etc/extra", "{}"),
    "UNITNAME": ("extra.service", "extra{}.service"),
    "UNITCONTENTS": ("[Service]\nExecStart=/bin/true\n", "[Service]\nExecStart=/bin/echo {}\n"),
    "DROPNAME": ("10-extra.conf", "10-extra{}.conf"),
    "USERNAME": ("ops", "ops{}"),
    "SSHKEY": ("ssh-ed25519 AAAA ops@example", "ssh-ed25519 AAAA ops{}"),
}


def _extra_data(field: str, payload: str) -> dict[str, object]:
    text = json.dumps(EXTRA_IGNITION)
    for name, (good, wrap) in EXTRA_FIELDS.items():
        value = wrap.format(payload) if name == field else good
        text = text.replace(f'"{name}"', json.dumps(value, ensure_ascii=True))
    data: dict[str, object] = json.loads(text)
    return data


def _butane(data: dict[str, object]) -> str:
    """data as a Butane config (fcos 1.5.0): JSON's escapes in YAML double quotes."""
    text = json.dumps(data, ensure_ascii=True)
    for camel, snake in (("sshAuthorizedKeys", "ssh_authorized_keys"),):
        text = text.replace(camel, snake)
    body = json.loads(text)
    body.pop("ignition")
    return "variant: fcos\nversion: 1.5.0\n" + "".join(
        f"{key}: {json.dumps(value, ensure_ascii=True)}\n" for key, value in body.items()
    )


def extras() -> dict[str, str]:
    """file name (under extras/) -> text of every EXTRA case."""
    cases = {}
    for field in EXTRA_FIELDS:
        for kind, payload in PAYLOADS.items():
            data = _extra_data(field, payload)
            cases[f"ign-{field.lower()}-{kind}.json"] = json.dumps(data, ensure_ascii=True) + "\n"
            cases[f"bu-{field.lower()}-{kind}.bu"] = _butane(data)
    return cases


# Each field's name as a word (not inside a longer name: UPLINK in UPLINKMAC), longest
# first; one pass, so that a value put in is never taken for a field.
_FIELD_WORD = re.compile(r"\b(" + "|".join(sorted(FIELDS, key=len, reverse=True)) + r")\b")


def spec_text(field: str, payload: str) -> str:
    """BASE with each field's good value, and field's holding payload (field: a name of
    FIELDS, or anything else for the spec with good values only)."""

    def value(match: re.Match[str]) -> str:
        good, wrap = FIELDS[match[1]]
        return json.dumps(wrap.format(payload) if match[1] == field else good, ensure_ascii=True)

    return _FIELD_WORD.sub(value, BASE)


def corpus() -> dict[str, str]:
    """file name -> text of every case."""
    cases = {
        f"{field.lower()}-{kind}.yaml": spec_text(field, payload)
        for field in FIELDS
        for kind, payload in PAYLOADS.items()
    }
    cases.update({f"doc-{name}.yaml": text for name, text in DOCUMENTS.items()})
    return cases


def main() -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    for old in FOLDER.glob("*.yaml"):
        old.unlink()
    for name, text in corpus().items():
        (FOLDER / name).write_text(text, encoding="utf-8")
    (FOLDER / "extras").mkdir(exist_ok=True)
    for old in (FOLDER / "extras").iterdir():
        old.unlink()
    for name, text in extras().items():
        (FOLDER / "extras" / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
