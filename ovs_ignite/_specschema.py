"""The spec's validation schema, made by specschema.py from models.py: do not edit
(python -m ovs_ignite.specschema writes it anew)."""

from __future__ import annotations

from typing import Any

from . import records, values

PYDANTIC_CORE = "2.50.5"
_0 = {"type": "no-info", "function": values.image_ref}
_1 = {"type": "function-after", "function": _0, "schema": {"type": "str"}}
_2 = {"type": "no-info", "function": values.other_config_key}
_3 = {"type": "function-after", "function": _2, "schema": {"type": "str"}}
_4 = {"type": "no-info", "function": values.text}
_5 = {"type": "function-after", "function": _4, "schema": {"type": "str"}}
_6 = {"type": "dict", "keys_schema": _3, "values_schema": _5}
_7 = {"type": "default", "schema": _6, "default": {}}
_8 = {"type": "model-field", "schema": _7}
_9 = {"type": "no-info", "function": values.abs_path}
_10 = {"type": "function-after", "function": _9, "schema": {"type": "str"}}
_11 = {"type": "default", "schema": {"type": "bool"}, "default": True}
_12 = {"type": "model-field", "schema": _11}
_13 = {"type": "no-info", "function": values.int_as_text}
_14 = {"type": "function-before", "function": _13, "schema": {"type": "str"}}
_15 = {"type": "no-info", "function": values.hex_mask}
_16 = {"type": "no-info", "function": values.int_as_hex}
_17 = {"type": "function-before", "function": _16, "schema": {"type": "str"}}
_18 = {"type": "function-after", "function": _15, "schema": _17}
_19 = {"type": "nullable", "schema": _18}
_20 = {"type": "default", "schema": _19, "default": None}
_21 = {"type": "model-field", "schema": _20}
_22 = {"type": "no-info", "function": values.pci_address}
_23 = {"type": "function-after", "function": _22, "schema": {"type": "str"}}
_24 = {"type": "no-info", "function": values.if_name}
_25 = {"type": "function-after", "function": _24, "schema": {"type": "str"}}
_26 = {"type": "model-field", "schema": _25}
_27 = {"type": "no-info", "function": values.switch_name}
_28 = {"type": "function-after", "function": _27, "schema": {"type": "str"}}
_29 = {"type": "list", "items_schema": _5}
_30 = {"type": "no-info", "function": values.cidr}
_31 = {"type": "function-after", "function": _30, "schema": {"type": "str"}}
_32 = {"type": "no-info", "function": values.ip_address}
_33 = {"type": "function-after", "function": _32, "schema": {"type": "str"}}
_34 = {"type": "model-field", "schema": _33}
_35 = {"type": "no-info", "function": values.mtu}
_36 = {"type": "function-after", "function": _35, "schema": {"type": "int"}}
_37 = {"type": "nullable", "schema": _36}
_38 = {"type": "default", "schema": _37, "default": None}
_39 = {"type": "model-field", "schema": _38}
_40 = {"type": "nullable", "schema": _1}
_41 = {"type": "default", "schema": _40, "default": None}
_42 = {"type": "model-field", "schema": _41}
_43 = {"type": "no-info", "function": values.mac_address}
_44 = {"type": "function-after", "function": _43, "schema": {"type": "str"}}
_45 = {"type": "no-info", "function": values.vlan_id}
_46 = {"type": "function-after", "function": _45, "schema": {"type": "int"}}
_47 = {"type": "nullable", "schema": _46}
_48 = {"type": "default", "schema": _47, "default": None}
_49 = {"type": "model-field", "schema": _48}
_50 = {"type": "model-field", "schema": _28}
_51 = {"type": "no-info", "function": values.text_block}
_52 = {"type": "function-after", "function": _51, "schema": {"type": "str"}}
_53 = {"type": "nullable", "schema": _52}
_54 = {"type": "default", "schema": _53, "default": None}
_55 = {"type": "model-field", "schema": _54}
_56 = {"type": "no-info", "function": values.local_path}
_57 = {"type": "function-after", "function": _56, "schema": {"type": "str"}}
_58 = {"type": "nullable", "schema": _57}
_59 = {"type": "default", "schema": _58, "default": None}
_60 = {"type": "model-field", "schema": _59}
_61 = {"type": "no-info", "function": values.vlan_range}
_62 = {"type": "function-after", "function": _61, "schema": {"type": "str"}}
_63 = {"a-vlan": _46, "a-range": _62}
_64 = {"type": "tagged-union", "choices": _63, "discriminator": records.trunk_kind}
_65 = {"type": "list", "items_schema": _64}
_66 = {"type": "nullable", "schema": _65}
_67 = {"type": "default", "schema": _66, "default": None}
_68 = {"type": "model-field", "schema": _67}
_69 = ["access", "trunk", "native-tagged", "native-untagged"]
_70 = {"type": "literal", "expected": _69}
_71 = {"type": "nullable", "schema": _70}
_72 = {"type": "default", "schema": _71, "default": None}
_73 = {"type": "model-field", "schema": _72}
_74 = {"type": "no-info", "function": values.ofport}
_75 = {"type": "function-after", "function": _74, "schema": {"type": "int"}}
_76 = {"type": "nullable", "schema": _75}
_77 = {"type": "default", "schema": _76, "default": None}
_78 = {"type": "model-field", "schema": _77}
SCHEMA: dict[str, Any] = {
    "type": "definitions",
    "schema": {
        "type": "model",
        "cls": records.Spec,
        "schema": {
            "type": "model-fields",
            "fields": {
                "version": {"type": "model-field", "schema": {"type": "literal", "expected": [1]}},
                "target": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "model",
                            "cls": records.Target,
                            "schema": {
                                "type": "model-fields",
                                "fields": {
                                    "os": {
                                        "type": "model-field",
                                        "schema": {
                                            "type": "default",
                                            "schema": {
                                                "type": "literal",
                                                "expected": ["fcos", "flatcar"],
                                            },
                                            "default": "fcos",
                                        },
                                    },
                                    "ignition": {
                                        "type": "model-field",
                                        "schema": {
                                            "type": "default",
                                            "schema": {
                                                "type": "literal",
                                                "expected": ["3.3.0", "3.4.0", "3.5.0", "3.6.0"],
                                            },
                                            "default": "3.4.0",
                                        },
                                    },
                                    "runtime": {
                                        "type": "model-field",
                                        "schema": {
                                            "type": "default",
                                            "schema": {
                                                "type": "nullable",
                                                "schema": {
                                                    "type": "literal",
                                                    "expected": ["podman", "docker"],
                                                },
                                            },
                                            "default": None,
                                        },
                                    },
                                },
                                "model_name": "Target",
                                "computed_fields": [],
                            },
                            "custom_init": False,
                            "root_model": False,
                            "config": {
                                "extra_fields_behavior": "forbid",
                                "strict": True,
                                "title": "Target",
                            },
                            "ref": "Target",
                        },
                        "default": records.Target(os="fcos", ignition="3.4.0", runtime=None),
                    },
                },
                "host": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "model",
                                "cls": records.HostSettings,
                                "schema": {
                                    "type": "model-fields",
                                    "fields": {
                                        "hostname": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {
                                                    "type": "nullable",
                                                    "schema": {
                                                        "type": "function-after",
                                                        "function": {
                                                            "type": "no-info",
                                                            "function": values.hostname,
                                                        },
                                                        "schema": {"type": "str"},
                                                    },
                                                },
                                                "default": None,
                                            },
                                        },
                                        "users": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {
                                                    "type": "list",
                                                    "items_schema": {
                                                        "type": "model",
                                                        "cls": records.User,
                                                        "schema": {
                                                            "type": "model-fields",
                                                            "fields": {
                                                                "name": {
                                                                    "type": "model-field",
                                                                    "schema": {
                                                                        "type": "function-after",
                                                                        "function": {
                                                                            "type": "no-info",
                                                                            "function": values.user_name,
                                                                        },
                                                                        "schema": {"type": "str"},
                                                                    },
                                                                },
                                                                "ssh_authorized_keys": {
                                                                    "type": "model-field",
                                                                    "schema": {
                                                                        "type": "default",
                                                                        "schema": {
                                                                            "type": "list",
                                                                            "items_schema": {
                                                                                "type": "function-after",
                                                                                "function": {
                                                                                    "type": "no-info",
                                                                                    "function": values.ssh_key,
                                                                                },
                                                                                "schema": {
                                                                                    "type": "str"
                                                                                },
                                                                            },
                                                                        },
                                                                        "default": [],
                                                                    },
                                                                },
                                                            },
                                                            "model_name": "User",
                                                            "computed_fields": [],
                                                        },
                                                        "custom_init": False,
                                                        "root_model": False,
                                                        "config": {
                                                            "extra_fields_behavior": "forbid",
                                                            "strict": True,
                                                            "title": "User",
                                                        },
                                                        "ref": "User",
                                                    },
                                                },
                                                "default": [],
                                            },
                                        },
                                    },
                                    "model_name": "HostSettings",
                                    "computed_fields": [],
                                },
                                "custom_init": False,
                                "root_model": False,
                                "config": {
                                    "extra_fields_behavior": "forbid",
                                    "strict": True,
                                    "title": "HostSettings",
                                },
                                "ref": "HostSettings",
                            },
                        },
                        "default": None,
                    },
                },
                "ovs": {
                    "type": "model-field",
                    "schema": {
                        "type": "model",
                        "cls": records.Ovs,
                        "schema": {
                            "type": "model-fields",
                            "fields": {
                                "image": {"type": "model-field", "schema": _1},
                                "privileged": {
                                    "type": "model-field",
                                    "schema": {
                                        "type": "default",
                                        "schema": {"type": "bool"},
                                        "default": False,
                                    },
                                },
                                "system_id": {
                                    "type": "model-field",
                                    "schema": {
                                        "type": "default",
                                        "schema": {
                                            "type": "nullable",
                                            "schema": {
                                                "type": "function-after",
                                                "function": {
                                                    "type": "no-info",
                                                    "function": values.system_id,
                                                },
                                                "schema": {"type": "str"},
                                            },
                                        },
                                        "default": None,
                                    },
                                },
                                "other_config": _8,
                                "schema_path": {
                                    "type": "model-field",
                                    "schema": {
                                        "type": "default",
                                        "schema": _10,
                                        "default": "/usr/share/openvswitch/vswitch.ovsschema",
                                    },
                                    "validation_alias": "schema",
                                },
                                "vswitchd": {
                                    "type": "model-field",
                                    "schema": {
                                        "type": "default",
                                        "schema": {
                                            "type": "function-after",
                                            "function": {
                                                "type": "no-info",
                                                "function": values.vswitchd_binary,
                                            },
                                            "schema": {"type": "str"},
                                        },
                                        "default": "ovs-vswitchd",
                                    },
                                },
                                "init": _12,
                                "auto_update": {
                                    "type": "model-field",
                                    "schema": {
                                        "type": "default",
                                        "schema": {
                                            "type": "nullable",
                                            "schema": {
                                                "type": "literal",
                                                "expected": ["registry", "local"],
                                            },
                                        },
                                        "default": None,
                                    },
                                },
                            },
                            "model_name": "Ovs",
                            "computed_fields": [],
                        },
                        "custom_init": False,
                        "root_model": False,
                        "config": {
                            "extra_fields_behavior": "forbid",
                            "strict": True,
                            "title": "Ovs",
                        },
                        "ref": "Ovs",
                    },
                },
                "dpdk": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "nullable",
                            "schema": {
                                "type": "model",
                                "cls": records.Dpdk,
                                "schema": {
                                    "type": "model-fields",
                                    "fields": {
                                        "hugepages": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "model",
                                                "cls": records.Hugepages,
                                                "schema": {
                                                    "type": "model-fields",
                                                    "fields": {
                                                        "size": {
                                                            "type": "model-field",
                                                            "schema": {
                                                                "type": "literal",
                                                                "expected": ["2M", "1G"],
                                                            },
                                                        },
                                                        "count": {
                                                            "type": "model-field",
                                                            "schema": {
                                                                "type": "int",
                                                                "ge": 1,
                                                                "le": 1000000,
                                                            },
                                                        },
                                                    },
                                                    "model_name": "Hugepages",
                                                    "computed_fields": [],
                                                },
                                                "custom_init": False,
                                                "root_model": False,
                                                "config": {
                                                    "extra_fields_behavior": "forbid",
                                                    "strict": True,
                                                    "title": "Hugepages",
                                                },
                                                "ref": "Hugepages",
                                            },
                                        },
                                        "iommu": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {
                                                    "type": "literal",
                                                    "expected": ["intel", "amd", "none"],
                                                },
                                                "default": "intel",
                                            },
                                        },
                                        "isolcpus": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {
                                                    "type": "nullable",
                                                    "schema": {
                                                        "type": "function-after",
                                                        "function": {
                                                            "type": "no-info",
                                                            "function": values.cpu_list,
                                                        },
                                                        "schema": _14,
                                                    },
                                                },
                                                "default": None,
                                            },
                                        },
                                        "socket_mem": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {
                                                    "type": "nullable",
                                                    "schema": {
                                                        "type": "function-after",
                                                        "function": {
                                                            "type": "no-info",
                                                            "function": values.socket_mem,
                                                        },
                                                        "schema": _14,
                                                    },
                                                },
                                                "default": None,
                                            },
                                        },
                                        "lcore_mask": _21,
                                        "pmd_cpu_mask": _21,
                                        "extra": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {"type": "nullable", "schema": _5},
                                                "default": None,
                                            },
                                        },
                                        "devices": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {
                                                    "type": "list",
                                                    "items_schema": {
                                                        "type": "model",
                                                        "cls": records.DpdkDevice,
                                                        "schema": {
                                                            "type": "model-fields",
                                                            "fields": {
                                                                "pci": {
                                                                    "type": "model-field",
                                                                    "schema": _23,
                                                                }
                                                            },
                                                            "model_name": "DpdkDevice",
                                                            "computed_fields": [],
                                                        },
                                                        "custom_init": False,
                                                        "root_model": False,
                                                        "config": {
                                                            "extra_fields_behavior": "forbid",
                                                            "strict": True,
                                                            "title": "DpdkDevice",
                                                        },
                                                        "ref": "DpdkDevice",
                                                    },
                                                },
                                                "default": [],
                                            },
                                        },
                                    },
                                    "model_name": "Dpdk",
                                    "computed_fields": [],
                                },
                                "custom_init": False,
                                "root_model": False,
                                "config": {
                                    "extra_fields_behavior": "forbid",
                                    "strict": True,
                                    "title": "Dpdk",
                                },
                                "ref": "Dpdk",
                            },
                        },
                        "default": None,
                    },
                },
                "bridges": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "list",
                            "items_schema": {
                                "type": "model",
                                "cls": records.Bridge,
                                "schema": {
                                    "type": "model-fields",
                                    "fields": {
                                        "name": _26,
                                        "switch": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {"type": "nullable", "schema": _28},
                                                "default": None,
                                            },
                                        },
                                        "datapath": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {
                                                    "type": "nullable",
                                                    "schema": {
                                                        "type": "literal",
                                                        "expected": ["system", "netdev"],
                                                    },
                                                },
                                                "default": None,
                                            },
                                        },
                                        "fail_mode": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {
                                                    "type": "literal",
                                                    "expected": ["standalone", "secure"],
                                                },
                                                "default": "standalone",
                                            },
                                        },
                                        "protocols": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {
                                                    "type": "nullable",
                                                    "schema": {
                                                        "type": "list",
                                                        "items_schema": {
                                                            "type": "literal",
                                                            "expected": [
                                                                "OpenFlow10",
                                                                "OpenFlow11",
                                                                "OpenFlow12",
                                                                "OpenFlow13",
                                                                "OpenFlow14",
                                                                "OpenFlow15",
                                                            ],
                                                        },
                                                    },
                                                },
                                                "default": None,
                                            },
                                        },
                                        "controllers": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {"type": "nullable", "schema": _29},
                                                "default": None,
                                            },
                                        },
                                        "address": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {
                                                    "type": "nullable",
                                                    "schema": {
                                                        "type": "tagged-union",
                                                        "choices": {
                                                            "by-dhcp": {
                                                                "type": "literal",
                                                                "expected": ["dhcp"],
                                                            },
                                                            "cidr-list": {
                                                                "type": "list",
                                                                "items_schema": _31,
                                                                "min_length": 1,
                                                                "max_length": 32,
                                                            },
                                                            "a-cidr": _31,
                                                        },
                                                        "discriminator": records.address_kind,
                                                    },
                                                },
                                                "default": None,
                                            },
                                        },
                                        "uplink": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {
                                                    "type": "nullable",
                                                    "schema": {
                                                        "type": "tagged-union",
                                                        "choices": {
                                                            "by-name": _25,
                                                            "by-mac": {
                                                                "type": "definition-ref",
                                                                "schema_ref": "UplinkMac",
                                                            },
                                                        },
                                                        "discriminator": records.uplink_kind,
                                                    },
                                                },
                                                "default": None,
                                            },
                                        },
                                        "routes": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {
                                                    "type": "nullable",
                                                    "schema": {
                                                        "type": "list",
                                                        "items_schema": {
                                                            "type": "model",
                                                            "cls": records.Route,
                                                            "schema": {
                                                                "type": "model-fields",
                                                                "fields": {
                                                                    "to": {
                                                                        "type": "model-field",
                                                                        "schema": {
                                                                            "type": "tagged-union",
                                                                            "choices": {
                                                                                "to-default": {
                                                                                    "type": "literal",
                                                                                    "expected": [
                                                                                        "default"
                                                                                    ],
                                                                                },
                                                                                "a-cidr": {
                                                                                    "type": "function-after",
                                                                                    "function": {
                                                                                        "type": "no-info",
                                                                                        "function": values.network,
                                                                                    },
                                                                                    "schema": {
                                                                                        "type": "str"
                                                                                    },
                                                                                },
                                                                            },
                                                                            "discriminator": records.route_to_kind,
                                                                        },
                                                                    },
                                                                    "via": _34,
                                                                },
                                                                "model_name": "Route",
                                                                "computed_fields": [],
                                                            },
                                                            "custom_init": False,
                                                            "root_model": False,
                                                            "config": {
                                                                "extra_fields_behavior": "forbid",
                                                                "strict": True,
                                                                "title": "Route",
                                                            },
                                                            "ref": "Route",
                                                        },
                                                    },
                                                },
                                                "default": None,
                                            },
                                        },
                                        "dns": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {
                                                    "type": "nullable",
                                                    "schema": {
                                                        "type": "list",
                                                        "items_schema": _33,
                                                        "max_length": 8,
                                                    },
                                                },
                                                "default": None,
                                            },
                                        },
                                        "uplink_timeout": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {
                                                    "type": "nullable",
                                                    "schema": {"type": "int", "ge": 5, "le": 600},
                                                },
                                                "default": None,
                                            },
                                        },
                                        "mtu": _39,
                                        "datapath_id": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {
                                                    "type": "nullable",
                                                    "schema": {
                                                        "type": "function-after",
                                                        "function": {
                                                            "type": "no-info",
                                                            "function": values.datapath_id,
                                                        },
                                                        "schema": {
                                                            "type": "function-before",
                                                            "function": {
                                                                "type": "no-info",
                                                                "function": values.datapath_id_as_text,
                                                            },
                                                            "schema": {"type": "str"},
                                                        },
                                                    },
                                                },
                                                "default": None,
                                            },
                                        },
                                        "other_config": _8,
                                        "external_ids": _8,
                                        "ports": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {
                                                    "type": "list",
                                                    "items_schema": {
                                                        "type": "tagged-union",
                                                        "choices": {
                                                            "system": {
                                                                "type": "definition-ref",
                                                                "schema_ref": "SystemPort",
                                                            },
                                                            "internal": {
                                                                "type": "definition-ref",
                                                                "schema_ref": "InternalPort",
                                                            },
                                                            "dpdk": {
                                                                "type": "definition-ref",
                                                                "schema_ref": "DpdkPort",
                                                            },
                                                            "vxlan": {
                                                                "type": "definition-ref",
                                                                "schema_ref": "VxlanPort",
                                                            },
                                                            "geneve": {
                                                                "type": "definition-ref",
                                                                "schema_ref": "GenevePort",
                                                            },
                                                            "gre": {
                                                                "type": "definition-ref",
                                                                "schema_ref": "GrePort",
                                                            },
                                                            "patch": {
                                                                "type": "definition-ref",
                                                                "schema_ref": "PatchPort",
                                                            },
                                                            "link": {
                                                                "type": "definition-ref",
                                                                "schema_ref": "LinkPort",
                                                            },
                                                            "bond": {
                                                                "type": "definition-ref",
                                                                "schema_ref": "BondPort",
                                                            },
                                                        },
                                                        "discriminator": records.port_type,
                                                    },
                                                },
                                                "default": [],
                                            },
                                        },
                                    },
                                    "model_name": "Bridge",
                                    "computed_fields": [],
                                },
                                "custom_init": False,
                                "root_model": False,
                                "config": {
                                    "extra_fields_behavior": "forbid",
                                    "strict": True,
                                    "title": "Bridge",
                                },
                                "ref": "Bridge",
                            },
                        },
                        "default": [],
                    },
                },
                "containers": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "list",
                            "items_schema": {
                                "type": "model",
                                "cls": records.Container,
                                "schema": {
                                    "type": "model-fields",
                                    "fields": {
                                        "name": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "function-after",
                                                "function": {
                                                    "type": "no-info",
                                                    "function": values.container_name,
                                                },
                                                "schema": {"type": "str"},
                                            },
                                        },
                                        "image": _42,
                                        "unit": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {
                                                    "type": "nullable",
                                                    "schema": {
                                                        "type": "function-after",
                                                        "function": {
                                                            "type": "no-info",
                                                            "function": values.unit_name,
                                                        },
                                                        "schema": {"type": "str"},
                                                    },
                                                },
                                                "default": None,
                                            },
                                        },
                                        "command": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": _29,
                                                "default": [],
                                            },
                                        },
                                        "env": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {
                                                    "type": "dict",
                                                    "keys_schema": {
                                                        "type": "function-after",
                                                        "function": {
                                                            "type": "no-info",
                                                            "function": values.env_key,
                                                        },
                                                        "schema": {"type": "str"},
                                                    },
                                                    "values_schema": _5,
                                                },
                                                "default": {},
                                            },
                                        },
                                        "volumes": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {
                                                    "type": "list",
                                                    "items_schema": {
                                                        "type": "function-after",
                                                        "function": {
                                                            "type": "no-info",
                                                            "function": values.volume,
                                                        },
                                                        "schema": {"type": "str"},
                                                    },
                                                },
                                                "default": [],
                                            },
                                        },
                                        "interfaces": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {
                                                    "type": "list",
                                                    "items_schema": {
                                                        "type": "model",
                                                        "cls": records.Interface,
                                                        "schema": {
                                                            "type": "model-fields",
                                                            "fields": {
                                                                "bridge": _26,
                                                                "name": {
                                                                    "type": "model-field",
                                                                    "schema": {
                                                                        "type": "default",
                                                                        "schema": {
                                                                            "type": "nullable",
                                                                            "schema": _25,
                                                                        },
                                                                        "default": None,
                                                                    },
                                                                },
                                                                "address": {
                                                                    "type": "model-field",
                                                                    "schema": {
                                                                        "type": "default",
                                                                        "schema": {
                                                                            "type": "nullable",
                                                                            "schema": _31,
                                                                        },
                                                                        "default": None,
                                                                    },
                                                                },
                                                                "gateway": {
                                                                    "type": "model-field",
                                                                    "schema": {
                                                                        "type": "default",
                                                                        "schema": {
                                                                            "type": "nullable",
                                                                            "schema": _33,
                                                                        },
                                                                        "default": None,
                                                                    },
                                                                },
                                                                "mac": {
                                                                    "type": "model-field",
                                                                    "schema": {
                                                                        "type": "default",
                                                                        "schema": {
                                                                            "type": "nullable",
                                                                            "schema": _44,
                                                                        },
                                                                        "default": None,
                                                                    },
                                                                },
                                                                "mtu": _39,
                                                                "vlan": _49,
                                                            },
                                                            "model_name": "Interface",
                                                            "computed_fields": [],
                                                        },
                                                        "custom_init": False,
                                                        "root_model": False,
                                                        "config": {
                                                            "extra_fields_behavior": "forbid",
                                                            "strict": True,
                                                            "title": "Interface",
                                                        },
                                                        "ref": "Interface",
                                                    },
                                                },
                                                "default": [],
                                            },
                                        },
                                        "init": _12,
                                    },
                                    "model_name": "Container",
                                    "computed_fields": [],
                                },
                                "custom_init": False,
                                "root_model": False,
                                "config": {
                                    "extra_fields_behavior": "forbid",
                                    "strict": True,
                                    "title": "Container",
                                },
                                "ref": "Container",
                            },
                        },
                        "default": [],
                    },
                },
                "switches": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "list",
                            "items_schema": {
                                "type": "model",
                                "cls": records.Switch,
                                "schema": {
                                    "type": "model-fields",
                                    "fields": {"name": _50, "image": _42},
                                    "model_name": "Switch",
                                    "computed_fields": [],
                                },
                                "custom_init": False,
                                "root_model": False,
                                "config": {
                                    "extra_fields_behavior": "forbid",
                                    "strict": True,
                                    "title": "Switch",
                                },
                                "ref": "Switch",
                            },
                        },
                        "default": [],
                    },
                },
                "files": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "list",
                            "items_schema": {
                                "type": "model",
                                "cls": records.ExtraFile,
                                "schema": {
                                    "type": "model-fields",
                                    "fields": {
                                        "contents": _55,
                                        "local": _60,
                                        "path": {"type": "model-field", "schema": _10},
                                        "mode": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {
                                                    "type": "function-before",
                                                    "function": {
                                                        "type": "no-info",
                                                        "function": values.mode_as_text,
                                                    },
                                                    "schema": {
                                                        "type": "function-before",
                                                        "function": {
                                                            "type": "no-info",
                                                            "function": values.file_mode,
                                                        },
                                                        "schema": {"type": "int"},
                                                    },
                                                },
                                                "default": 420,
                                            },
                                        },
                                    },
                                    "model_name": "ExtraFile",
                                    "computed_fields": [],
                                },
                                "custom_init": False,
                                "root_model": False,
                                "config": {
                                    "extra_fields_behavior": "forbid",
                                    "strict": True,
                                    "title": "ExtraFile",
                                },
                                "ref": "ExtraFile",
                            },
                        },
                        "default": [],
                    },
                },
                "units": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "list",
                            "items_schema": {
                                "type": "model",
                                "cls": records.ExtraUnit,
                                "schema": {
                                    "type": "model-fields",
                                    "fields": {
                                        "contents": _55,
                                        "local": _60,
                                        "name": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "function-after",
                                                "function": {
                                                    "type": "no-info",
                                                    "function": values.any_unit_name,
                                                },
                                                "schema": {"type": "str"},
                                            },
                                        },
                                        "enabled": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {
                                                    "type": "nullable",
                                                    "schema": {"type": "bool"},
                                                },
                                                "default": None,
                                            },
                                        },
                                        "dropins": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {
                                                    "type": "list",
                                                    "items_schema": {
                                                        "type": "model",
                                                        "cls": records.ExtraDropin,
                                                        "schema": {
                                                            "type": "model-fields",
                                                            "fields": {
                                                                "contents": _55,
                                                                "local": _60,
                                                                "name": {
                                                                    "type": "model-field",
                                                                    "schema": {
                                                                        "type": "function-after",
                                                                        "function": {
                                                                            "type": "no-info",
                                                                            "function": values.dropin_name,
                                                                        },
                                                                        "schema": {"type": "str"},
                                                                    },
                                                                },
                                                            },
                                                            "model_name": "ExtraDropin",
                                                            "computed_fields": [],
                                                        },
                                                        "custom_init": False,
                                                        "root_model": False,
                                                        "config": {
                                                            "extra_fields_behavior": "forbid",
                                                            "strict": True,
                                                            "title": "ExtraDropin",
                                                        },
                                                        "ref": "ExtraDropin",
                                                    },
                                                },
                                                "default": [],
                                            },
                                        },
                                    },
                                    "model_name": "ExtraUnit",
                                    "computed_fields": [],
                                },
                                "custom_init": False,
                                "root_model": False,
                                "config": {
                                    "extra_fields_behavior": "forbid",
                                    "strict": True,
                                    "title": "ExtraUnit",
                                },
                                "ref": "ExtraUnit",
                            },
                        },
                        "default": [],
                    },
                },
            },
            "model_name": "Spec",
            "computed_fields": [],
        },
        "custom_init": False,
        "root_model": False,
        "config": {"extra_fields_behavior": "forbid", "strict": True, "title": "Spec"},
        "ref": "Spec",
    },
    "definitions": [
        {
            "type": "model",
            "cls": records.UplinkMac,
            "schema": {
                "type": "model-fields",
                "fields": {"mac": {"type": "model-field", "schema": _44}},
                "model_name": "UplinkMac",
                "computed_fields": [],
            },
            "custom_init": False,
            "root_model": False,
            "config": {"extra_fields_behavior": "forbid", "strict": True, "title": "UplinkMac"},
            "ref": "UplinkMac",
        },
        {
            "type": "model",
            "cls": records.SystemPort,
            "schema": {
                "type": "model-fields",
                "fields": {
                    "name": _26,
                    "vlan": _49,
                    "trunks": _68,
                    "vlan_mode": _73,
                    "mtu": _39,
                    "other_config": _8,
                    "external_ids": _8,
                    "ofport": _78,
                    "type": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {"type": "literal", "expected": ["system"]},
                            "default": "system",
                        },
                    },
                },
                "model_name": "SystemPort",
                "computed_fields": [],
            },
            "custom_init": False,
            "root_model": False,
            "config": {"extra_fields_behavior": "forbid", "strict": True, "title": "SystemPort"},
            "ref": "SystemPort",
        },
        {
            "type": "model",
            "cls": records.InternalPort,
            "schema": {
                "type": "model-fields",
                "fields": {
                    "name": _26,
                    "vlan": _49,
                    "trunks": _68,
                    "vlan_mode": _73,
                    "mtu": _39,
                    "other_config": _8,
                    "external_ids": _8,
                    "ofport": _78,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["internal"]},
                    },
                },
                "model_name": "InternalPort",
                "computed_fields": [],
            },
            "custom_init": False,
            "root_model": False,
            "config": {"extra_fields_behavior": "forbid", "strict": True, "title": "InternalPort"},
            "ref": "InternalPort",
        },
        {
            "type": "model",
            "cls": records.DpdkPort,
            "schema": {
                "type": "model-fields",
                "fields": {
                    "name": _26,
                    "vlan": _49,
                    "trunks": _68,
                    "vlan_mode": _73,
                    "mtu": _39,
                    "other_config": _8,
                    "external_ids": _8,
                    "ofport": _78,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["dpdk"]},
                    },
                    "pci": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {"type": "nullable", "schema": _23},
                            "default": None,
                        },
                    },
                    "devargs": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "nullable",
                                "schema": {
                                    "type": "function-after",
                                    "function": {"type": "no-info", "function": values.devargs},
                                    "schema": {"type": "str"},
                                },
                            },
                            "default": None,
                        },
                    },
                },
                "model_name": "DpdkPort",
                "computed_fields": [],
            },
            "custom_init": False,
            "root_model": False,
            "config": {"extra_fields_behavior": "forbid", "strict": True, "title": "DpdkPort"},
            "ref": "DpdkPort",
        },
        {
            "type": "model",
            "cls": records.VxlanPort,
            "schema": {
                "type": "model-fields",
                "fields": {
                    "name": _26,
                    "vlan": _49,
                    "trunks": _68,
                    "vlan_mode": _73,
                    "mtu": _39,
                    "other_config": _8,
                    "external_ids": _8,
                    "ofport": _78,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["vxlan"]},
                    },
                    "remote_ip": _34,
                    "key": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "nullable",
                                "schema": {
                                    "type": "function-after",
                                    "function": {"type": "no-info", "function": values.vxlan_vni},
                                    "schema": {"type": "int"},
                                },
                            },
                            "default": None,
                        },
                    },
                },
                "model_name": "VxlanPort",
                "computed_fields": [],
            },
            "custom_init": False,
            "root_model": False,
            "config": {"extra_fields_behavior": "forbid", "strict": True, "title": "VxlanPort"},
            "ref": "VxlanPort",
        },
        {
            "type": "model",
            "cls": records.GenevePort,
            "schema": {
                "type": "model-fields",
                "fields": {
                    "name": _26,
                    "vlan": _49,
                    "trunks": _68,
                    "vlan_mode": _73,
                    "mtu": _39,
                    "other_config": _8,
                    "external_ids": _8,
                    "ofport": _78,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["geneve"]},
                    },
                    "remote_ip": _34,
                    "key": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "nullable",
                                "schema": {
                                    "type": "function-after",
                                    "function": {"type": "no-info", "function": values.geneve_vni},
                                    "schema": {"type": "int"},
                                },
                            },
                            "default": None,
                        },
                    },
                },
                "model_name": "GenevePort",
                "computed_fields": [],
            },
            "custom_init": False,
            "root_model": False,
            "config": {"extra_fields_behavior": "forbid", "strict": True, "title": "GenevePort"},
            "ref": "GenevePort",
        },
        {
            "type": "model",
            "cls": records.GrePort,
            "schema": {
                "type": "model-fields",
                "fields": {
                    "name": _26,
                    "vlan": _49,
                    "trunks": _68,
                    "vlan_mode": _73,
                    "mtu": _39,
                    "other_config": _8,
                    "external_ids": _8,
                    "ofport": _78,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["gre"]},
                    },
                    "remote_ip": _34,
                    "key": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "nullable",
                                "schema": {"type": "int", "ge": 0, "le": 4294967295},
                            },
                            "default": None,
                        },
                    },
                },
                "model_name": "GrePort",
                "computed_fields": [],
            },
            "custom_init": False,
            "root_model": False,
            "config": {"extra_fields_behavior": "forbid", "strict": True, "title": "GrePort"},
            "ref": "GrePort",
        },
        {
            "type": "model",
            "cls": records.PatchPort,
            "schema": {
                "type": "model-fields",
                "fields": {
                    "name": _26,
                    "vlan": _49,
                    "trunks": _68,
                    "vlan_mode": _73,
                    "mtu": _39,
                    "other_config": _8,
                    "external_ids": _8,
                    "ofport": _78,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["patch"]},
                    },
                    "peer": _26,
                },
                "model_name": "PatchPort",
                "computed_fields": [],
            },
            "custom_init": False,
            "root_model": False,
            "config": {"extra_fields_behavior": "forbid", "strict": True, "title": "PatchPort"},
            "ref": "PatchPort",
        },
        {
            "type": "model",
            "cls": records.LinkPort,
            "schema": {
                "type": "model-fields",
                "fields": {
                    "name": _26,
                    "vlan": _49,
                    "trunks": _68,
                    "vlan_mode": _73,
                    "mtu": _39,
                    "other_config": _8,
                    "external_ids": _8,
                    "ofport": _78,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["link"]},
                    },
                    "peer_switch": _50,
                    "peer": _26,
                },
                "model_name": "LinkPort",
                "computed_fields": [],
            },
            "custom_init": False,
            "root_model": False,
            "config": {"extra_fields_behavior": "forbid", "strict": True, "title": "LinkPort"},
            "ref": "LinkPort",
        },
        {
            "type": "model",
            "cls": records.BondPort,
            "schema": {
                "type": "model-fields",
                "fields": {
                    "name": _26,
                    "vlan": _49,
                    "trunks": _68,
                    "vlan_mode": _73,
                    "mtu": _39,
                    "other_config": _8,
                    "external_ids": _8,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["bond"]},
                    },
                    "interfaces": {
                        "type": "model-field",
                        "schema": {"type": "list", "items_schema": _25},
                    },
                    "bond_mode": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "nullable",
                                "schema": {
                                    "type": "literal",
                                    "expected": ["active-backup", "balance-slb", "balance-tcp"],
                                },
                            },
                            "default": None,
                        },
                    },
                    "lacp": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "nullable",
                                "schema": {
                                    "type": "literal",
                                    "expected": ["off", "active", "passive"],
                                },
                            },
                            "default": None,
                        },
                    },
                },
                "model_name": "BondPort",
                "computed_fields": [],
            },
            "custom_init": False,
            "root_model": False,
            "config": {"extra_fields_behavior": "forbid", "strict": True, "title": "BondPort"},
            "ref": "BondPort",
        },
    ],
}
