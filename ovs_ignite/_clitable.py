"""What the fast path of the command line answers (see clitable.py, which makes
this file: do not edit it)."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

TABLE: dict[str, Any] = {
    "commands": [
        ["render", "plain", '"render":"Render SPEC as an Ignition config..."'],
        ["validate", "plain", '"validate":"Check specs; print only their errors and a..."'],
        ["init", "plain", '"init":"Write a commented starter spec."'],
        ["schema", "plain", '"schema":"Print the JSON Schema of the spec (for..."'],
        ["kargs", "plain", '"kargs":"Print the kernel arguments SPEC needs, on..."'],
        ["pin", "plain", '"pin":"Pin every image of SPEC to its registry\'\'s..."'],
        ["check-url", "plain", '"check-url":"Say whether URL serves exactly FULL, as a..."'],
        ["verify", "plain", '"verify":"Check provisioned hosts against SPEC\\\\: host..."'],
        ["dpdk-plan", "plain", "\"dpdk-plan\":\"Check SPEC''s dpdk section against a host''s...\""],
        ["plan", "plain", '"plan":"Say what changing the hosts from spec OLD..."'],
        ["apply", "plain", '"apply":"Change running hosts to SPEC without..."'],
    ],
    "help": {
        "": "Usage: ovs-ignite [OPTIONS] COMMAND [ARGS]...\n"
        "\n"
        "  Turn a YAML switch spec into Butane and Ignition configs that run Open\n"
        "  vSwitch in containers on Fedora CoreOS and Flatcar, and attach your\n"
        "  containers to its bridges.\n"
        "\n"
        "Options:\n"
        "  --version             Print the version.\n"
        "  --install-completion  Install completion for the current shell.\n"
        "  --show-completion     Show completion for the current shell, to copy it or\n"
        "                        customize the installation.\n"
        "  -h, --help            Show this message and exit.\n"
        "\n"
        "Commands:\n"
        "  render     Render SPEC as an Ignition config (default) or a Butane config.\n"
        "  validate   Check specs; print only their errors and a summary.\n"
        "  init       Write a commented starter spec.\n"
        "  schema     Print the JSON Schema of the spec (for editors).\n"
        "  kargs      Print the kernel arguments SPEC needs, on one line (for a...\n"
        "  pin        Pin every image of SPEC to its registry's digest for the tag...\n"
        "  check-url  Say whether URL serves exactly FULL, as a pointer config...\n"
        "  verify     Check provisioned hosts against SPEC: host name, SSH keys,...\n"
        "  dpdk-plan  Check SPEC's dpdk section against a host's NUMA layout, and...\n"
        "  plan       Say what changing the hosts from spec OLD to spec NEW would...\n"
        "  apply      Change running hosts to SPEC without reprovisioning them,...\n",
        "apply": "Usage: ovs-ignite apply [OPTIONS] [spec]\n"
        "\n"
        "  Change running hosts to SPEC without reprovisioning them, with a rollback.\n"
        "\n"
        "  Reads what each host has (as plan --hosts does), then writes the files,\n"
        "  units and links render would write (the same bytes) and runs the reconcile:\n"
        "  containers and units that left the spec stopped, systemd reloaded, ports\n"
        "  that left a bridge removed, the bridges' transactions run again, containers\n"
        "  that came started, those changed restarted (or only attached again). The\n"
        "  host keeps each change as a generation under /var/lib/ovs-\n"
        "  ignite/generations/ and arms a timer that undoes it by itself; apply then\n"
        "  runs verify, and keeps the change (or, with --confirm, leaves it pending "
        "for\n"
        "  --commit) unless a check fails that did not fail before. Kernel arguments\n"
        "  are written for the next boot (rpm-ostree kargs, Flatcar's GRUB config):\n"
        "  --reboot reboots and verifies again. What only Ignition sets is refused.\n"
        "  YAML per host; exit 0, 1 refused, 3 rolled back (or failing after the\n"
        "  reboot), 4 a host did not answer.\n"
        "\n"
        "Arguments:\n"
        "  spec <path>  The spec to change the hosts to (YAML); not with --commit or\n"
        "               --rollback.\n"
        "\n"
        "Options:\n"
        "  --hosts <list[str]>         testinfra URL of a host: ssh://core@edge-01,\n"
        "                              local://, ...\n"
        "  --timeout <int range>       Seconds after the reconcile until the host\n"
        "                              undoes the change by itself unless it is kept.\n"
        "                              [default: 60; 10<=x<=86400]\n"
        "  --confirm                   Leave the change pending until apply --commit\n"
        "                              (within --timeout).\n"
        "  --commit                    Keep the pending change of the hosts.\n"
        "  --rollback                  Undo the pending change, or else the newest one\n"
        "                              kept, of the hosts.\n"
        "  --reboot                    Reboot a host whose kept change needs it "
        "(kernel\n"
        "                              arguments), wait for it and verify it again.\n"
        "  --sudo                      Change the hosts with sudo.\n"
        "  --ssh-config <path>         ssh configuration file to use.\n"
        "  --ssh-identity-file <path>  ssh private key to use.\n"
        "  --root <str>                Change the files under this folder of the host,\n"
        "                              not /.\n"
        "  -h, --help                  Show this message and exit.\n",
        "check-url": "Usage: ovs-ignite check-url [OPTIONS] {url} {full}\n"
        "\n"
        "  Say whether URL serves exactly FULL, as a pointer config needs (exit 0), "
        "or\n"
        "  what differs (exit 1): before a fleet boots from it.\n"
        "\n"
        "Arguments:\n"
        "  url <str>    Where a pointer config fetches the full config.  "
        "[required]\n"
        "  full <path>  The full config (<stem>.full.ign).  [required]\n"
        "\n"
        "Options:\n"
        "  -h, --help  Show this message and exit.\n",
        "dpdk-plan": "Usage: ovs-ignite dpdk-plan [OPTIONS] [spec]\n"
        "\n"
        "  Check SPEC's dpdk section against a host's NUMA layout, and propose "
        "one.\n"
        "\n"
        "  Prints YAML: a comment line a check (each NIC's node has a PMD core and\n"
        "  socket memory, hugepages there, PMD cores present and isolated; a FAIL "
        "says\n"
        "  what to change in the spec), then a dpdk section for SPEC's NICs and "
        "--pci\n"
        "  ones (PMD cores on their nodes, socket_mem, lcore_mask, isolcpus,\n"
        "  hugepages). Exit 0, 1 for bad input, 3 when a check failed (the text is\n"
        "  printed still).\n"
        "\n"
        "Arguments:\n"
        "  spec <path>  The switch spec whose dpdk section to check (YAML; - for\n"
        "               stdin).\n"
        "\n"
        "Options:\n"
        "  --sysfs <path>               A copy of the host's /sys (or /sys itself "
        "on\n"
        "                               the host): its NUMA nodes, their CPUs and\n"
        "                               hugepages, the NICs' nodes.  [required]\n"
        "  --pci <list[str]>            A DPDK NIC's PCI address beside SPEC's "
        "(repeat\n"
        "                               for several).\n"
        "  --pmds-per-node <int range>  PMD cores to propose on each NIC's node.\n"
        "                               [default: 1; 1<=x<=64]\n"
        "  -h, --help                   Show this message and exit.\n",
        "init": "Usage: ovs-ignite init [OPTIONS]\n"
        "\n"
        "  Write a commented starter spec.\n"
        "\n"
        "Options:\n"
        "  --example <str>      Which example to start from.  [default: nginx]\n"
        "  -o, --output <path>  Write here (- for stdout).\n"
        "  --force              Overwrite an existing file.\n"
        "  -h, --help           Show this message and exit.\n",
        "kargs": "Usage: ovs-ignite kargs [OPTIONS] {spec}\n"
        "\n"
        "  Print the kernel arguments SPEC needs, on one line (for a PXE APPEND line).\n"
        "\n"
        "Arguments:\n"
        "  spec <path>  The switch spec (YAML; - for stdin).  [required]\n"
        "\n"
        "Options:\n"
        "  --pxe <str>  Print the whole kernel command line of a first PXE boot whose\n"
        "               Ignition config is at this URL (ignition.firstboot,\n"
        "               ignition.platform.id=metal, ignition.config.url, then the\n"
        "               spec's own).\n"
        "  -h, --help   Show this message and exit.\n",
        "pin": "Usage: ovs-ignite pin [OPTIONS] {spec}\n"
        "\n"
        "  Pin every image of SPEC to its registry's digest for the tag\n"
        "  (name:tag@sha256:...).\n"
        "\n"
        "  Hosts then never run another image, whatever is pushed under the tag later.\n"
        "  Comments and layout stay; what was pinned is listed on stderr (not with\n"
        "  --quiet).\n"
        "\n"
        "Arguments:\n"
        "  spec <path>  The switch spec (YAML; - for stdin).  [required]\n"
        "\n"
        "Options:\n"
        "  -o, --output <path>  Write the pinned spec here (atomically; may be SPEC\n"
        "                       itself), not stdout.\n"
        "  --insecure           Ask a registry on this machine (localhost, 127.0.0.1,\n"
        "                       [::1]) over plain HTTP.\n"
        "  -q, --quiet          No notices on stderr (errors only).\n"
        "  -h, --help           Show this message and exit.\n",
        "plan": "Usage: ovs-ignite plan [OPTIONS] {old} [new]\n"
        "\n"
        "  Say what changing the hosts from spec OLD to spec NEW would change, and how.\n"
        "\n"
        "  From the two specs alone (no host is asked), or with --hosts from what each\n"
        "  host has now (its files, units and links, read as verify reads them) to spec\n"
        "  OLD: every file, unit, link, user and kernel argument render writes,\n"
        "  compared, each difference under how it can be applied: live (bridges, a\n"
        "  container's interfaces, host files), restart (of the containers or units\n"
        "  named: an image, a command, volumes, a unit's text), reboot (kernel\n"
        "  arguments, modules, the DPDK binding) or reprovision (what Ignition sets at\n"
        "  the first boot only: the OS, users' creation). Prints YAML, a mapping per\n"
        "  host; exit 4 when a host could not be read.\n"
        "\n"
        "Arguments:\n"
        "  old <path>  The spec the hosts run now (YAML); with --hosts, the spec to\n"
        "              change them to.  [required]\n"
        "  new <path>  The spec to change them to (YAML); not with --hosts.\n"
        "\n"
        "Options:\n"
        "  --inventory <path>          Compare each host of this inventory (HOSTS),\n"
        "                              with its values.\n"
        "  --hosts <list[str]>         Compare with what this host (a testinfra URL)\n"
        "                              has now.\n"
        "  --sudo                      Read the hosts with sudo.\n"
        "  --ssh-config <path>         ssh configuration file to use.\n"
        "  --ssh-identity-file <path>  ssh private key to use.\n"
        "  --root <str>                With --hosts: read the files under this folder\n"
        "                              of the host.\n"
        "  -h, --help                  Show this message and exit.\n",
        "render": "Usage: ovs-ignite render [OPTIONS] {spec}\n"
        "\n"
        "  Render SPEC as an Ignition config (default) or a Butane config.\n"
        "\n"
        "Arguments:\n"
        "  spec <path>  The switch spec (YAML; - for stdin).  [required]\n"
        "\n"
        "Options:\n"
        "  -o, --output <path>             Write here (atomically, through a symlink; "
        "-\n"
        "                                  for stdout), not stdout.\n"
        "  --format <ignition|butane>      Ignition (JSON) or Butane (YAML).  "
        "[default:\n"
        "                                  ignition]\n"
        "  --pretty                        Indent the Ignition JSON.\n"
        "  --wrap <gzip>                   gzip: write a small config that holds the\n"
        "                                  real one gzip-compressed\n"
        "                                  (ignition.config.replace with a data URL).\n"
        "  --pointer <str>                 Write a pointer config that fetches the "
        "full\n"
        "                                  config from this URL and checks its "
        "sha512;\n"
        "                                  the full config goes beside OUT as\n"
        "                                  <stem>.full.ign.\n"
        "  --max-bytes <int range>         Refuse a config over this many bytes.\n"
        "                                  [x>=1]\n"
        "  --platform <aws|azure|gcp|openstack>\n"
        "                                  Refuse a config over this platform's user-\n"
        "                                  data limit.\n"
        "  --inventory <path>              Render SPEC for every host of this "
        "inventory\n"
        "                                  (HOSTS), one config per host in the folder\n"
        "                                  -o names.\n"
        "  --matchbox <path>               With --inventory: write matchbox's data\n"
        "                                  layout here (groups by MAC, profiles,\n"
        "                                  ignition).\n"
        "  --matchbox-url <str>            Where matchbox serves, e.g.\n"
        "                                  http://matchbox:8080.\n"
        "  -q, --quiet                     No notices on stderr (errors only).\n"
        "  --merge <list[Path]>            Merge this config of yours into the output\n"
        "                                  (Ignition JSON into Ignition, Butane into\n"
        "                                  Butane; repeat for several): a clash with\n"
        "                                  ovs-ignite's own files or units is an "
        "error.\n"
        "  -h, --help                      Show this message and exit.\n",
        "schema": "Usage: ovs-ignite schema [OPTIONS]\n"
        "\n"
        "  Print the JSON Schema of the spec (for editors).\n"
        "\n"
        "Options:\n"
        "  -h, --help  Show this message and exit.\n",
        "validate": "Usage: ovs-ignite validate [OPTIONS] {specs}...\n"
        "\n"
        "  Check specs; print only their errors and a summary.\n"
        "\n"
        "Arguments:\n"
        "  specs... <list[Path]>  Switch specs to check.  [required]\n"
        "\n"
        "Options:\n"
        "  --format <text|json>  text: one error a line on stderr; json: one JSON "
        "array\n"
        "                        of every error (file, line, column, path, message) "
        "on\n"
        "                        stdout.  [default: text]\n"
        "  -h, --help            Show this message and exit.\n",
        "verify": "Usage: ovs-ignite verify [OPTIONS] {spec}\n"
        "\n"
        "  Check provisioned hosts against SPEC: host name, SSH keys, kernel modules\n"
        "  and arguments, hugepages, DPDK NICs, files and units as rendered (drift),\n"
        "  units, containers, bridges, ports and attached interfaces. One line a "
        "check:\n"
        "  PASS, FAIL with what was expected and found, or SKIP when a check it needs\n"
        "  did not pass. Exit 0 when all pass, 1 for bad input, 3 when a check "
        "failed,\n"
        "  4 when a host could not be reached.\n"
        "\n"
        "Arguments:\n"
        "  spec <path>  The switch spec the hosts were provisioned with.  [required]\n"
        "\n"
        "Options:\n"
        "  --hosts <list[str]>         testinfra URL of a host: ssh://core@edge-01,\n"
        "                              local://, ... (repeat for several).  "
        "[required]\n"
        "  --sudo                      Run the checks with sudo.\n"
        "  --ssh-config <path>         ssh configuration file to use.\n"
        "  --ssh-identity-file <path>  ssh private key to use.\n"
        "  --junit <path>              Also write a JUnit XML report here.\n"
        "  --format <text|json>        text: a line a check; json: one JSON array on\n"
        "                              stdout.  [default: text]\n"
        "  --root <str>                Compare the files under this folder of the "
        "host\n"
        "                              (a root Ignition was applied to with --root)\n"
        "                              instead of /.\n"
        "  -h, --help                  Show this message and exit.\n",
    },
    "options": {
        "": [
            {
                "flag": True,
                "multiple": False,
                "names": ["--version"],
                "param": "version",
                "zsh": ['"--version":"Print the version."'],
            },
            {
                "flag": True,
                "multiple": False,
                "names": ["--install-completion"],
                "param": "install_completion",
                "zsh": ['"--install-completion":"Install completion for the current shell."'],
            },
            {
                "flag": True,
                "multiple": False,
                "names": ["--show-completion"],
                "param": "show_completion",
                "zsh": [
                    '"--show-completion":"Show completion for the current shell, to copy it '
                    'or customize the installation."'
                ],
            },
            {
                "flag": True,
                "multiple": False,
                "names": ["--help", "-h"],
                "param": "help",
                "zsh": [
                    '"--help":"Show this message and exit."',
                    '"-h":"Show this message and exit."',
                ],
            },
        ],
        "apply": [
            {
                "flag": False,
                "multiple": True,
                "names": ["--hosts"],
                "param": "hosts",
                "zsh": [
                    '"--hosts":"testinfra URL of a host\\\\: ssh\\\\://core@edge-01, '
                    'local\\\\://, ..."'
                ],
            },
            {
                "flag": False,
                "multiple": False,
                "names": ["--timeout"],
                "param": "timeout",
                "zsh": [
                    '"--timeout":"Seconds after the reconcile until the host undoes '
                    "the change by itself unless it\n"
                    'is kept."'
                ],
            },
            {
                "flag": True,
                "multiple": False,
                "names": ["--confirm"],
                "param": "confirm",
                "zsh": [
                    '"--confirm":"Leave the change pending until apply --commit '
                    '(within --timeout)."'
                ],
            },
            {
                "flag": True,
                "multiple": False,
                "names": ["--commit"],
                "param": "commit",
                "zsh": ['"--commit":"Keep the pending change of the hosts."'],
            },
            {
                "flag": True,
                "multiple": False,
                "names": ["--rollback"],
                "param": "rollback",
                "zsh": [
                    '"--rollback":"Undo the pending change, or else the newest one '
                    'kept, of the hosts."'
                ],
            },
            {
                "flag": True,
                "multiple": False,
                "names": ["--reboot"],
                "param": "reboot",
                "zsh": [
                    '"--reboot":"Reboot a host whose kept change needs it (kernel '
                    "arguments), wait for it and \n"
                    'verify it again."'
                ],
            },
            {
                "flag": True,
                "multiple": False,
                "names": ["--sudo"],
                "param": "sudo",
                "zsh": ['"--sudo":"Change the hosts with sudo."'],
            },
            {
                "flag": False,
                "multiple": False,
                "names": ["--ssh-config"],
                "param": "ssh_config",
                "zsh": ['"--ssh-config":"ssh configuration file to use."'],
            },
            {
                "flag": False,
                "multiple": False,
                "names": ["--ssh-identity-file"],
                "param": "ssh_identity_file",
                "zsh": ['"--ssh-identity-file":"ssh private key to use."'],
            },
            {
                "flag": False,
                "multiple": False,
                "names": ["--root"],
                "param": "root",
                "zsh": ['"--root":"Change the files under this folder of the host, not /."'],
            },
            {
                "flag": True,
                "multiple": False,
                "names": ["--help", "-h"],
                "param": "help",
                "zsh": [
                    '"--help":"Show this message and exit."',
                    '"-h":"Show this message and exit."',
                ],
            },
        ],
        "check-url": [
            {
                "flag": True,
                "multiple": False,
                "names": ["--help", "-h"],
                "param": "help",
                "zsh": [
                    '"--help":"Show this message and exit."',
                    '"-h":"Show this message and exit."',
                ],
            }
        ],
        "dpdk-plan": [
            {
                "flag": False,
                "multiple": False,
                "names": ["--sysfs"],
                "param": "sysfs",
                "zsh": [
                    '"--sysfs":"A copy of the host\'\'s /sys (or /sys itself on '
                    "the host)\\\\: its NUMA nodes, their\n"
                    "CPUs and hugepages, the NICs'' nodes.\""
                ],
            },
            {
                "flag": False,
                "multiple": True,
                "names": ["--pci"],
                "param": "pci",
                "zsh": [
                    "\"--pci\":\"A DPDK NIC''s PCI address beside SPEC''s (repeat for several).\""
                ],
            },
            {
                "flag": False,
                "multiple": False,
                "names": ["--pmds-per-node"],
                "param": "pmds_per_node",
                "zsh": ['"--pmds-per-node":"PMD cores to propose on each NIC\'\'s node."'],
            },
            {
                "flag": True,
                "multiple": False,
                "names": ["--help", "-h"],
                "param": "help",
                "zsh": [
                    '"--help":"Show this message and exit."',
                    '"-h":"Show this message and exit."',
                ],
            },
        ],
        "init": [
            {
                "flag": False,
                "multiple": False,
                "names": ["--example"],
                "param": "example",
                "zsh": ['"--example":"Which example to start from."'],
            },
            {
                "flag": False,
                "multiple": False,
                "names": ["--output", "-o"],
                "param": "output",
                "zsh": [
                    '"--output":"Write here (- for stdout)."',
                    '"-o":"Write here (- for stdout)."',
                ],
            },
            {
                "flag": True,
                "multiple": False,
                "names": ["--force"],
                "param": "force",
                "zsh": ['"--force":"Overwrite an existing file."'],
            },
            {
                "flag": True,
                "multiple": False,
                "names": ["--help", "-h"],
                "param": "help",
                "zsh": [
                    '"--help":"Show this message and exit."',
                    '"-h":"Show this message and exit."',
                ],
            },
        ],
        "kargs": [
            {
                "flag": False,
                "multiple": False,
                "names": ["--pxe"],
                "param": "pxe",
                "zsh": [
                    '"--pxe":"Print the whole kernel command line of a first PXE boot '
                    "whose Ignition config is\n"
                    "at this URL (ignition.firstboot, ignition.platform.id=metal, \n"
                    "ignition.config.url, then the spec''s own).\""
                ],
            },
            {
                "flag": True,
                "multiple": False,
                "names": ["--help", "-h"],
                "param": "help",
                "zsh": [
                    '"--help":"Show this message and exit."',
                    '"-h":"Show this message and exit."',
                ],
            },
        ],
        "pin": [
            {
                "flag": False,
                "multiple": False,
                "names": ["--output", "-o"],
                "param": "output",
                "zsh": [
                    '"--output":"Write the pinned spec here (atomically; may be SPEC '
                    'itself), not stdout."',
                    '"-o":"Write the pinned spec here (atomically; may be SPEC itself), '
                    'not stdout."',
                ],
            },
            {
                "flag": True,
                "multiple": False,
                "names": ["--insecure"],
                "param": "insecure",
                "zsh": [
                    '"--insecure":"Ask a registry on this machine (localhost, 127.0.0.1, '
                    "[\\\\:\\\\:1]) over plain \n"
                    'HTTP."'
                ],
            },
            {
                "flag": True,
                "multiple": False,
                "names": ["--quiet", "-q"],
                "param": "quiet",
                "zsh": [
                    '"--quiet":"No notices on stderr (errors only)."',
                    '"-q":"No notices on stderr (errors only)."',
                ],
            },
            {
                "flag": True,
                "multiple": False,
                "names": ["--help", "-h"],
                "param": "help",
                "zsh": [
                    '"--help":"Show this message and exit."',
                    '"-h":"Show this message and exit."',
                ],
            },
        ],
        "plan": [
            {
                "flag": False,
                "multiple": False,
                "names": ["--inventory"],
                "param": "inventory",
                "zsh": [
                    '"--inventory":"Compare each host of this inventory (HOSTS), with its values."'
                ],
            },
            {
                "flag": False,
                "multiple": True,
                "names": ["--hosts"],
                "param": "hosts",
                "zsh": ['"--hosts":"Compare with what this host (a testinfra URL) has now."'],
            },
            {
                "flag": True,
                "multiple": False,
                "names": ["--sudo"],
                "param": "sudo",
                "zsh": ['"--sudo":"Read the hosts with sudo."'],
            },
            {
                "flag": False,
                "multiple": False,
                "names": ["--ssh-config"],
                "param": "ssh_config",
                "zsh": ['"--ssh-config":"ssh configuration file to use."'],
            },
            {
                "flag": False,
                "multiple": False,
                "names": ["--ssh-identity-file"],
                "param": "ssh_identity_file",
                "zsh": ['"--ssh-identity-file":"ssh private key to use."'],
            },
            {
                "flag": False,
                "multiple": False,
                "names": ["--root"],
                "param": "root",
                "zsh": [
                    '"--root":"With --hosts\\\\: read the files under this folder of the host."'
                ],
            },
            {
                "flag": True,
                "multiple": False,
                "names": ["--help", "-h"],
                "param": "help",
                "zsh": [
                    '"--help":"Show this message and exit."',
                    '"-h":"Show this message and exit."',
                ],
            },
        ],
        "render": [
            {
                "flag": False,
                "multiple": False,
                "names": ["--output", "-o"],
                "param": "output",
                "zsh": [
                    '"--output":"Write here (atomically, through a symlink; - for '
                    'stdout), not stdout."',
                    '"-o":"Write here (atomically, through a symlink; - for stdout), not stdout."',
                ],
            },
            {
                "flag": False,
                "multiple": False,
                "names": ["--format"],
                "param": "fmt",
                "zsh": ['"--format":"Ignition (JSON) or Butane (YAML)."'],
            },
            {
                "flag": True,
                "multiple": False,
                "names": ["--pretty"],
                "param": "pretty",
                "zsh": ['"--pretty":"Indent the Ignition JSON."'],
            },
            {
                "flag": False,
                "multiple": False,
                "names": ["--wrap"],
                "param": "wrap",
                "zsh": [
                    '"--wrap":"gzip\\\\: write a small config that holds the real one '
                    "gzip-compressed \n"
                    '(ignition.config.replace with a data URL)."'
                ],
            },
            {
                "flag": False,
                "multiple": False,
                "names": ["--pointer"],
                "param": "pointer_url",
                "zsh": [
                    '"--pointer":"Write a pointer config that fetches the full config '
                    "from this URL and checks its\n"
                    'sha512; the full config goes beside OUT as <stem>.full.ign."'
                ],
            },
            {
                "flag": False,
                "multiple": False,
                "names": ["--max-bytes"],
                "param": "max_bytes",
                "zsh": ['"--max-bytes":"Refuse a config over this many bytes."'],
            },
            {
                "flag": False,
                "multiple": False,
                "names": ["--platform"],
                "param": "platform",
                "zsh": ['"--platform":"Refuse a config over this platform\'\'s user-data limit."'],
            },
            {
                "flag": False,
                "multiple": False,
                "names": ["--inventory"],
                "param": "inventory",
                "zsh": [
                    '"--inventory":"Render SPEC for every host of this inventory '
                    "(HOSTS), one config per host in the\n"
                    'folder -o names."'
                ],
            },
            {
                "flag": False,
                "multiple": False,
                "names": ["--matchbox"],
                "param": "matchbox",
                "zsh": [
                    '"--matchbox":"With --inventory\\\\: write matchbox\'\'s data '
                    "layout here (groups by MAC, profiles,\n"
                    'ignition)."'
                ],
            },
            {
                "flag": False,
                "multiple": False,
                "names": ["--matchbox-url"],
                "param": "matchbox_url",
                "zsh": [
                    '"--matchbox-url":"Where matchbox serves, e.g. http\\\\://matchbox\\\\:8080."'
                ],
            },
            {
                "flag": True,
                "multiple": False,
                "names": ["--quiet", "-q"],
                "param": "quiet",
                "zsh": [
                    '"--quiet":"No notices on stderr (errors only)."',
                    '"-q":"No notices on stderr (errors only)."',
                ],
            },
            {
                "flag": False,
                "multiple": True,
                "names": ["--merge"],
                "param": "merge",
                "zsh": [
                    '"--merge":"Merge this config of yours into the output (Ignition '
                    "JSON into Ignition, Butane \n"
                    "into Butane; repeat for several)\\\\: a clash with ovs-ignite''s "
                    "own files or \n"
                    'units is an error."'
                ],
            },
            {
                "flag": True,
                "multiple": False,
                "names": ["--help", "-h"],
                "param": "help",
                "zsh": [
                    '"--help":"Show this message and exit."',
                    '"-h":"Show this message and exit."',
                ],
            },
        ],
        "schema": [
            {
                "flag": True,
                "multiple": False,
                "names": ["--help", "-h"],
                "param": "help",
                "zsh": [
                    '"--help":"Show this message and exit."',
                    '"-h":"Show this message and exit."',
                ],
            }
        ],
        "validate": [
            {
                "flag": False,
                "multiple": False,
                "names": ["--format"],
                "param": "fmt",
                "zsh": [
                    '"--format":"text\\\\: one error a line on stderr; json\\\\: '
                    "one JSON array of every error (file,\n"
                    'line, column, path, message) on stdout."'
                ],
            },
            {
                "flag": True,
                "multiple": False,
                "names": ["--help", "-h"],
                "param": "help",
                "zsh": [
                    '"--help":"Show this message and exit."',
                    '"-h":"Show this message and exit."',
                ],
            },
        ],
        "verify": [
            {
                "flag": False,
                "multiple": True,
                "names": ["--hosts"],
                "param": "hosts",
                "zsh": [
                    '"--hosts":"testinfra URL of a host\\\\: ssh\\\\://core@edge-01, '
                    "local\\\\://, ... (repeat for \n"
                    'several)."'
                ],
            },
            {
                "flag": True,
                "multiple": False,
                "names": ["--sudo"],
                "param": "sudo",
                "zsh": ['"--sudo":"Run the checks with sudo."'],
            },
            {
                "flag": False,
                "multiple": False,
                "names": ["--ssh-config"],
                "param": "ssh_config",
                "zsh": ['"--ssh-config":"ssh configuration file to use."'],
            },
            {
                "flag": False,
                "multiple": False,
                "names": ["--ssh-identity-file"],
                "param": "ssh_identity_file",
                "zsh": ['"--ssh-identity-file":"ssh private key to use."'],
            },
            {
                "flag": False,
                "multiple": False,
                "names": ["--junit"],
                "param": "junit",
                "zsh": ['"--junit":"Also write a JUnit XML report here."'],
            },
            {
                "flag": False,
                "multiple": False,
                "names": ["--format"],
                "param": "format_",
                "zsh": [
                    '"--format":"text\\\\: a line a check; json\\\\: one JSON array on stdout."'
                ],
            },
            {
                "flag": False,
                "multiple": False,
                "names": ["--root"],
                "param": "root",
                "zsh": [
                    '"--root":"Compare the files under this folder of the host (a '
                    "root Ignition was applied to \n"
                    'with --root) instead of /."'
                ],
            },
            {
                "flag": True,
                "multiple": False,
                "names": ["--help", "-h"],
                "param": "help",
                "zsh": [
                    '"--help":"Show this message and exit."',
                    '"-h":"Show this message and exit."',
                ],
            },
        ],
    },
    "values": {
        "apply --hosts": [],
        "apply --root": [],
        "apply --ssh-config": [],
        "apply --ssh-identity-file": [],
        "apply --timeout": [],
        "dpdk-plan --pci": [],
        "dpdk-plan --pmds-per-node": [],
        "dpdk-plan --sysfs": [],
        "init --example": [
            ["dpdk", "plain", '"dpdk"'],
            ["faucet", "plain", '"faucet"'],
            ["nginx", "plain", '"nginx"'],
            ["ovn", "plain", '"ovn"'],
            ["span", "plain", '"span"'],
            ["tunnels", "plain", '"tunnels"'],
            ["uplink", "plain", '"uplink"'],
            ["vlans", "plain", '"vlans"'],
        ],
        "init --output": [],
        "kargs --pxe": [],
        "pin --output": [],
        "plan --hosts": [],
        "plan --inventory": [],
        "plan --root": [],
        "plan --ssh-config": [],
        "plan --ssh-identity-file": [],
        "render --format": [["ignition", "plain", '"ignition"'], ["butane", "plain", '"butane"']],
        "render --inventory": [],
        "render --matchbox": [],
        "render --matchbox-url": [],
        "render --max-bytes": [],
        "render --merge": [],
        "render --output": [],
        "render --platform": [
            ["aws", "plain", '"aws"'],
            ["azure", "plain", '"azure"'],
            ["gcp", "plain", '"gcp"'],
            ["openstack", "plain", '"openstack"'],
        ],
        "render --pointer": [],
        "render --wrap": [["gzip", "plain", '"gzip"']],
        "validate --format": [["text", "plain", '"text"'], ["json", "plain", '"json"']],
        "verify --format": [["text", "plain", '"text"'], ["json", "plain", '"json"']],
        "verify --hosts": [],
        "verify --junit": [],
        "verify --root": [],
        "verify --ssh-config": [],
        "verify --ssh-identity-file": [],
    },
}
