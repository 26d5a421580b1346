"""The spec's validation schema, made by specschema.py from models.py: do not edit
(python -m ovs_ignite.specschema writes it anew)."""

from __future__ import annotations

from typing import Any

from . import records, values

PYDANTIC_CORE = "2.50.5"
_0 = {"type": "no-info", "function": values.image_ref}
_1 = {"type": "function-after", "function": _0, "schema": {"type": "str"}}
_2 = {"type": "default", "schema": {"type": "bool"}, "default": False}
_3 = {"type": "model-field", "schema": _2}
_4 = {"type": "no-info", "function": values.other_config_key}
_5 = {"type": "function-after", "function": _4, "schema": {"type": "str"}}
_6 = {"type": "no-info", "function": values.text}
_7 = {"type": "function-after", "function": _6, "schema": {"type": "str"}}
_8 = {"type": "dict", "keys_schema": _5, "values_schema": _7}
_9 = {"type": "default", "schema": _8, "default": {}}
_10 = {"type": "model-field", "schema": _9}
_11 = {"type": "no-info", "function": values.abs_path}
_12 = {"type": "function-after", "function": _11, "schema": {"type": "str"}}
_13 = {"type": "default", "schema": {"type": "bool"}, "default": True}
_14 = {"type": "model-field", "schema": _13}
_15 = {"type": "no-info", "function": values.int_as_text}
_16 = {"type": "function-before", "function": _15, "schema": {"type": "str"}}
_17 = {"type": "no-info", "function": values.hex_mask}
_18 = {"type": "no-info", "function": values.int_as_hex}
_19 = {"type": "function-before", "function": _18, "schema": {"type": "str"}}
_20 = {"type": "function-after", "function": _17, "schema": _19}
_21 = {"type": "nullable", "schema": _20}
_22 = {"type": "default", "schema": _21, "default": None}
_23 = {"type": "model-field", "schema": _22}
_24 = {"type": "no-info", "function": values.pci_address}
_25 = {"type": "function-after", "function": _24, "schema": {"type": "str"}}
_26 = {"type": "no-info", "function": values.if_name}
_27 = {"type": "function-after", "function": _26, "schema": {"type": "str"}}
_28 = {"type": "model-field", "schema": _27}
_29 = {"type": "no-info", "function": values.switch_name}
_30 = {"type": "function-after", "function": _29, "schema": {"type": "str"}}
_31 = {"type": "list", "items_schema": _7}
_32 = {"type": "literal", "expected": ["dhcp"]}
_33 = {"type": "no-info", "function": values.cidr}
_34 = {"type": "function-after", "function": _33, "schema": {"type": "str"}}
_35 = {"type": "list", "items_schema": _34, "min_length": 1, "max_length": 32}
_36 = {"by-dhcp": _32, "cidr-list": _35, "a-cidr": _34}
_37 = {"type": "tagged-union", "choices": _36, "discriminator": records.address_kind}
_38 = {"type": "nullable", "schema": _37}
_39 = {"type": "default", "schema": _38, "default": None}
_40 = {"type": "model-field", "schema": _39}
_41 = {"type": "literal", "expected": ["default"]}
_42 = {"type": "no-info", "function": values.network}
_43 = {"type": "function-after", "function": _42, "schema": {"type": "str"}}
_44 = {"to-default": _41, "a-cidr": _43}
_45 = {"type": "tagged-union", "choices": _44, "discriminator": records.route_to_kind}
_46 = {"type": "model-field", "schema": _45}
_47 = {"type": "no-info", "function": values.ip_address}
_48 = {"type": "function-after", "function": _47, "schema": {"type": "str"}}
_49 = {"type": "model-field", "schema": _48}
_50 = {"to": _46, "via": _49}
_51 = {"type": "model-fields", "fields": _50, "model_name": "Route", "computed_fields": []}
_52 = {"extra_fields_behavior": "forbid", "strict": True, "title": "Route"}
_53 = {
    "type": "model",
    "cls": records.Route,
    "schema": _51,
    "custom_init": False,
    "root_model": False,
    "config": _52,
    "ref": "Route",
}
_54 = {"type": "no-info", "function": values.mtu}
_55 = {"type": "function-after", "function": _54, "schema": {"type": "int"}}
_56 = {"type": "nullable", "schema": _55}
_57 = {"type": "default", "schema": _56, "default": None}
_58 = {"type": "model-field", "schema": _57}
_59 = {"type": "nullable", "schema": _1}
_60 = {"type": "default", "schema": _59, "default": None}
_61 = {"type": "model-field", "schema": _60}
_62 = {"type": "nullable", "schema": _48}
_63 = {"type": "default", "schema": _62, "default": None}
_64 = {"type": "model-field", "schema": _63}
_65 = {"type": "no-info", "function": values.mac_address}
_66 = {"type": "function-after", "function": _65, "schema": {"type": "str"}}
_67 = {"type": "no-info", "function": values.vlan_id}
_68 = {"type": "function-after", "function": _67, "schema": {"type": "int"}}
_69 = {"type": "nullable", "schema": _68}
_70 = {"type": "default", "schema": _69, "default": None}
_71 = {"type": "model-field", "schema": _70}
_72 = {"type": "no-info", "function": values.vlan_range}
_73 = {"type": "function-after", "function": _72, "schema": {"type": "str"}}
_74 = {"a-vlan": _68, "a-range": _73}
_75 = {"type": "tagged-union", "choices": _74, "discriminator": records.trunk_kind}
_76 = {"type": "list", "items_schema": _75}
_77 = {"type": "nullable", "schema": _76}
_78 = {"type": "default", "schema": _77, "default": None}
_79 = {"type": "model-field", "schema": _78}
_80 = ["access", "trunk", "native-tagged", "native-untagged"]
_81 = {"type": "literal", "expected": _80}
_82 = {"type": "nullable", "schema": _81}
_83 = {"type": "default", "schema": _82, "default": None}
_84 = {"type": "model-field", "schema": _83}
_85 = {"type": "no-info", "function": values.ofport}
_86 = {"type": "function-after", "function": _85, "schema": {"type": "int"}}
_87 = {"type": "nullable", "schema": _86}
_88 = {"type": "default", "schema": _87, "default": None}
_89 = {"type": "model-field", "schema": _88}
_90 = {"type": "model-field", "schema": _30}
_91 = {"type": "no-info", "function": values.text_block}
_92 = {"type": "function-after", "function": _91, "schema": {"type": "str"}}
_93 = {"type": "nullable", "schema": _92}
_94 = {"type": "default", "schema": _93, "default": None}
_95 = {"type": "model-field", "schema": _94}
_96 = {"type": "no-info", "function": values.local_path}
_97 = {"type": "function-after", "function": _96, "schema": {"type": "str"}}
_98 = {"type": "nullable", "schema": _97}
_99 = {"type": "default", "schema": _98, "default": None}
_100 = {"type": "model-field", "schema": _99}
_101 = {"type": "nullable", "schema": {"type": "bool"}}
_102 = {"type": "default", "schema": _101, "default": None}
_103 = {"type": "model-field", "schema": _102}
_104 = {"type": "nullable", "schema": {"type": "int", "ge": 0, "le": 255}}
_105 = {"type": "default", "schema": _104, "default": None}
_106 = {"type": "model-field", "schema": _105}
_107 = {"type": "nullable", "schema": {"type": "int", "ge": 1, "le": 255}}
_108 = {"type": "default", "schema": _107, "default": None}
_109 = {"type": "model-field", "schema": _108}
_110 = {"type": "nullable", "schema": {"type": "int", "ge": 1, "le": 65535}}
_111 = {"type": "default", "schema": _110, "default": None}
_112 = {"type": "model-field", "schema": _111}
_113 = {"type": "nullable", "schema": {"type": "int", "ge": 0, "le": 3600000}}
_114 = {"type": "default", "schema": _113, "default": None}
_115 = {"type": "model-field", "schema": _114}
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
                                "privileged": _3,
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
                                "other_config": _10,
                                "schema_path": {
                                    "type": "model-field",
                                    "schema": {
                                        "type": "default",
                                        "schema": _12,
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
                                "init": _14,
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
                                                        "schema": _16,
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
                                                        "schema": _16,
                                                    },
                                                },
                                                "default": None,
                                            },
                                        },
                                        "lcore_mask": _23,
                                        "pmd_cpu_mask": _23,
                                        "extra": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {"type": "nullable", "schema": _7},
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
                                                                    "schema": _25,
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
                                        "name": _28,
                                        "switch": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {"type": "nullable", "schema": _30},
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
                                                "schema": {"type": "nullable", "schema": _31},
                                                "default": None,
                                            },
                                        },
                                        "address": _40,
                                        "uplink": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {
                                                    "type": "nullable",
                                                    "schema": {
                                                        "type": "tagged-union",
                                                        "choices": {
                                                            "by-name": _27,
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
                                                    "schema": {"type": "list", "items_schema": _53},
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
                                                        "items_schema": _48,
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
                                        "mtu": _58,
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
                                        "other_config": _10,
                                        "external_ids": _10,
                                        "stp": _3,
                                        "rstp": _3,
                                        "mcast_snooping": _3,
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
                                        "image": _61,
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
                                                "schema": _31,
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
                                                    "values_schema": _7,
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
                                                                "bridge": _28,
                                                                "name": {
                                                                    "type": "model-field",
                                                                    "schema": {
                                                                        "type": "default",
                                                                        "schema": {
                                                                            "type": "nullable",
                                                                            "schema": _27,
                                                                        },
                                                                        "default": None,
                                                                    },
                                                                },
                                                                "address": _40,
                                                                "gateway": _64,
                                                                "routes": {
                                                                    "type": "model-field",
                                                                    "schema": {
                                                                        "type": "default",
                                                                        "schema": {
                                                                            "type": "nullable",
                                                                            "schema": {
                                                                                "type": "list",
                                                                                "items_schema": _53,
                                                                                "max_length": 64,
                                                                            },
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
                                                                            "schema": _66,
                                                                        },
                                                                        "default": None,
                                                                    },
                                                                },
                                                                "mtu": _58,
                                                                "vlan": _71,
                                                                "trunks": _79,
                                                                "vlan_mode": _84,
                                                                "ofport": _89,
                                                                "external_ids": _10,
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
                                        "init": _14,
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
                                    "fields": {"name": _90, "image": _61},
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
                                        "contents": _95,
                                        "local": _100,
                                        "path": {"type": "model-field", "schema": _12},
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
                                        "contents": _95,
                                        "local": _100,
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
                                        "enabled": _103,
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
                                                                "contents": _95,
                                                                "local": _100,
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
                "fields": {"mac": {"type": "model-field", "schema": _66}},
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
                    "name": _28,
                    "vlan": _71,
                    "trunks": _79,
                    "vlan_mode": _84,
                    "mtu": _58,
                    "other_config": _10,
                    "external_ids": _10,
                    "ofport": _89,
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
                    "name": _28,
                    "vlan": _71,
                    "trunks": _79,
                    "vlan_mode": _84,
                    "mtu": _58,
                    "other_config": _10,
                    "external_ids": _10,
                    "ofport": _89,
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
                    "name": _28,
                    "vlan": _71,
                    "trunks": _79,
                    "vlan_mode": _84,
                    "mtu": _58,
                    "other_config": _10,
                    "external_ids": _10,
                    "ofport": _89,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["dpdk"]},
                    },
                    "pci": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {"type": "nullable", "schema": _25},
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
                    "name": _28,
                    "vlan": _71,
                    "trunks": _79,
                    "vlan_mode": _84,
                    "mtu": _58,
                    "other_config": _10,
                    "external_ids": _10,
                    "ofport": _89,
                    "local_ip": _64,
                    "tos": _106,
                    "ttl": _109,
                    "df_default": _103,
                    "csum": _103,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["vxlan"]},
                    },
                    "remote_ip": _49,
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
                    "dst_port": _112,
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
                    "name": _28,
                    "vlan": _71,
                    "trunks": _79,
                    "vlan_mode": _84,
                    "mtu": _58,
                    "other_config": _10,
                    "external_ids": _10,
                    "ofport": _89,
                    "local_ip": _64,
                    "tos": _106,
                    "ttl": _109,
                    "df_default": _103,
                    "csum": _103,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["geneve"]},
                    },
                    "remote_ip": _49,
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
                    "dst_port": _112,
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
                    "name": _28,
                    "vlan": _71,
                    "trunks": _79,
                    "vlan_mode": _84,
                    "mtu": _58,
                    "other_config": _10,
                    "external_ids": _10,
                    "ofport": _89,
                    "local_ip": _64,
                    "tos": _106,
                    "ttl": _109,
                    "df_default": _103,
                    "csum": _103,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["gre"]},
                    },
                    "remote_ip": _49,
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
                    "name": _28,
                    "vlan": _71,
                    "trunks": _79,
                    "vlan_mode": _84,
                    "mtu": _58,
                    "other_config": _10,
                    "external_ids": _10,
                    "ofport": _89,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["patch"]},
                    },
                    "peer": _28,
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
                    "name": _28,
                    "vlan": _71,
                    "trunks": _79,
                    "vlan_mode": _84,
                    "mtu": _58,
                    "other_config": _10,
                    "external_ids": _10,
                    "ofport": _89,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["link"]},
                    },
                    "peer_switch": _90,
                    "peer": _28,
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
                    "name": _28,
                    "vlan": _71,
                    "trunks": _79,
                    "vlan_mode": _84,
                    "mtu": _58,
                    "other_config": _10,
                    "external_ids": _10,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["bond"]},
                    },
                    "interfaces": {
                        "type": "model-field",
                        "schema": {"type": "list", "items_schema": _27},
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
                    "updelay": _115,
                    "downdelay": _115,
                    "lacp_time": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "nullable",
                                "schema": {"type": "literal", "expected": ["fast", "slow"]},
                            },
                            "default": None,
                        },
                    },
                    "lacp_fallback_ab": _103,
                    "bond_rebalance_interval": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "nullable",
                                "schema": {"type": "int", "ge": 0, "le": 10000000},
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
