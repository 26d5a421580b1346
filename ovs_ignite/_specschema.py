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
_31 = {"type": "literal", "expected": ["dhcp"]}
_32 = {"type": "no-info", "function": values.cidr}
_33 = {"type": "function-after", "function": _32, "schema": {"type": "str"}}
_34 = {"type": "list", "items_schema": _33, "min_length": 1, "max_length": 32}
_35 = {"by-dhcp": _31, "cidr-list": _34, "a-cidr": _33}
_36 = {"type": "tagged-union", "choices": _35, "discriminator": records.address_kind}
_37 = {"type": "nullable", "schema": _36}
_38 = {"type": "default", "schema": _37, "default": None}
_39 = {"type": "model-field", "schema": _38}
_40 = {"type": "literal", "expected": ["default"]}
_41 = {"type": "no-info", "function": values.network}
_42 = {"type": "function-after", "function": _41, "schema": {"type": "str"}}
_43 = {"to-default": _40, "a-cidr": _42}
_44 = {"type": "tagged-union", "choices": _43, "discriminator": records.route_to_kind}
_45 = {"type": "model-field", "schema": _44}
_46 = {"type": "no-info", "function": values.ip_address}
_47 = {"type": "function-after", "function": _46, "schema": {"type": "str"}}
_48 = {"type": "model-field", "schema": _47}
_49 = {"to": _45, "via": _48}
_50 = {"type": "model-fields", "fields": _49, "model_name": "Route", "computed_fields": []}
_51 = {"extra_fields_behavior": "forbid", "strict": True, "title": "Route"}
_52 = {
    "type": "model",
    "cls": records.Route,
    "schema": _50,
    "custom_init": False,
    "root_model": False,
    "config": _51,
    "ref": "Route",
}
_53 = {"type": "no-info", "function": values.mtu}
_54 = {"type": "function-after", "function": _53, "schema": {"type": "int"}}
_55 = {"type": "nullable", "schema": _54}
_56 = {"type": "default", "schema": _55, "default": None}
_57 = {"type": "model-field", "schema": _56}
_58 = {"type": "list", "items_schema": _27}
_59 = {"type": "nullable", "schema": _58}
_60 = {"type": "default", "schema": _59, "default": None}
_61 = {"type": "model-field", "schema": _60}
_62 = {"type": "no-info", "function": values.vlan_id}
_63 = {"type": "function-after", "function": _62, "schema": {"type": "int"}}
_64 = {"type": "nullable", "schema": _63}
_65 = {"type": "default", "schema": _64, "default": None}
_66 = {"type": "model-field", "schema": _65}
_67 = {"type": "nullable", "schema": _1}
_68 = {"type": "default", "schema": _67, "default": None}
_69 = {"type": "model-field", "schema": _68}
_70 = {"type": "nullable", "schema": _47}
_71 = {"type": "default", "schema": _70, "default": None}
_72 = {"type": "model-field", "schema": _71}
_73 = {"type": "no-info", "function": values.mac_address}
_74 = {"type": "function-after", "function": _73, "schema": {"type": "str"}}
_75 = {"type": "int", "ge": 1, "le": 1000000000}
_76 = {"type": "nullable", "schema": _75}
_77 = {"type": "default", "schema": _76, "default": None}
_78 = {"type": "model-field", "schema": _77}
_79 = {"type": "no-info", "function": values.vlan_range}
_80 = {"type": "function-after", "function": _79, "schema": {"type": "str"}}
_81 = {"a-vlan": _63, "a-range": _80}
_82 = {"type": "tagged-union", "choices": _81, "discriminator": records.trunk_kind}
_83 = {"type": "list", "items_schema": _82}
_84 = {"type": "nullable", "schema": _83}
_85 = {"type": "default", "schema": _84, "default": None}
_86 = {"type": "model-field", "schema": _85}
_87 = ["access", "trunk", "native-tagged", "native-untagged"]
_88 = {"type": "literal", "expected": _87}
_89 = {"type": "nullable", "schema": _88}
_90 = {"type": "default", "schema": _89, "default": None}
_91 = {"type": "model-field", "schema": _90}
_92 = {"type": "no-info", "function": values.ofport}
_93 = {"type": "function-after", "function": _92, "schema": {"type": "int"}}
_94 = {"type": "nullable", "schema": _93}
_95 = {"type": "default", "schema": _94, "default": None}
_96 = {"type": "model-field", "schema": _95}
_97 = {"type": "model-field", "schema": _30}
_98 = {"type": "no-info", "function": values.text_block}
_99 = {"type": "function-after", "function": _98, "schema": {"type": "str"}}
_100 = {"type": "nullable", "schema": _99}
_101 = {"type": "default", "schema": _100, "default": None}
_102 = {"type": "model-field", "schema": _101}
_103 = {"type": "no-info", "function": values.local_path}
_104 = {"type": "function-after", "function": _103, "schema": {"type": "str"}}
_105 = {"type": "nullable", "schema": _104}
_106 = {"type": "default", "schema": _105, "default": None}
_107 = {"type": "model-field", "schema": _106}
_108 = {"type": "nullable", "schema": {"type": "bool"}}
_109 = {"type": "default", "schema": _108, "default": None}
_110 = {"type": "model-field", "schema": _109}
_111 = {"type": "nullable", "schema": {"type": "int", "ge": 0, "le": 3600000}}
_112 = {"type": "default", "schema": _111, "default": None}
_113 = {"type": "model-field", "schema": _112}
_114 = {"type": "nullable", "schema": {"type": "int", "ge": 0, "le": 255}}
_115 = {"type": "default", "schema": _114, "default": None}
_116 = {"type": "model-field", "schema": _115}
_117 = {"type": "nullable", "schema": {"type": "int", "ge": 1, "le": 255}}
_118 = {"type": "default", "schema": _117, "default": None}
_119 = {"type": "model-field", "schema": _118}
_120 = {"type": "literal", "expected": ["flow"]}
_121 = {"type": "no-info", "function": values.tunnel_key_word}
_122 = {"type": "no-info", "function": values.vxlan_vni}
_123 = {"type": "function-after", "function": _122, "schema": {"type": "int"}}
_124 = {"type": "function-before", "function": _121, "schema": _123}
_125 = {"by-flow": _120, "a-key": _124}
_126 = {"type": "tagged-union", "choices": _125, "discriminator": records.tunnel_key_kind}
_127 = {"type": "nullable", "schema": _126}
_128 = {"type": "default", "schema": _127, "default": None}
_129 = {"type": "model-field", "schema": _128}
_130 = {"type": "nullable", "schema": {"type": "int", "ge": 1, "le": 65535}}
_131 = {"type": "default", "schema": _130, "default": None}
_132 = {"type": "model-field", "schema": _131}
_133 = {"type": "no-info", "function": values.geneve_vni}
_134 = {"type": "function-after", "function": _133, "schema": {"type": "int"}}
_135 = {"type": "function-before", "function": _121, "schema": _134}
_136 = {"by-flow": _120, "a-key": _135}
_137 = {"type": "tagged-union", "choices": _136, "discriminator": records.tunnel_key_kind}
_138 = {"type": "nullable", "schema": _137}
_139 = {"type": "default", "schema": _138, "default": None}
_140 = {"type": "model-field", "schema": _139}
_141 = {"type": "int", "ge": 0, "le": 4294967295}
_142 = {"type": "function-before", "function": _121, "schema": _141}
_143 = {"by-flow": _120, "a-key": _142}
_144 = {"type": "tagged-union", "choices": _143, "discriminator": records.tunnel_key_kind}
_145 = {"type": "nullable", "schema": _144}
_146 = {"type": "default", "schema": _145, "default": None}
_147 = {"type": "model-field", "schema": _146}
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
                                "external_ids": _10,
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
                                                "schema": {
                                                    "type": "nullable",
                                                    "schema": {
                                                        "type": "list",
                                                        "items_schema": {
                                                            "type": "tagged-union",
                                                            "choices": {
                                                                "a-target": _7,
                                                                "a-controller": {
                                                                    "type": "definition-ref",
                                                                    "schema_ref": "Controller",
                                                                },
                                                            },
                                                            "discriminator": records.controller_kind,
                                                        },
                                                    },
                                                },
                                                "default": None,
                                            },
                                        },
                                        "address": _39,
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
                                                    "schema": {"type": "list", "items_schema": _52},
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
                                                        "items_schema": _47,
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
                                        "mtu": _57,
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
                                        "mirrors": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {
                                                    "type": "list",
                                                    "items_schema": {
                                                        "type": "model",
                                                        "cls": records.Mirror,
                                                        "schema": {
                                                            "type": "model-fields",
                                                            "fields": {
                                                                "name": _28,
                                                                "select_all": _3,
                                                                "select_src_ports": _61,
                                                                "select_dst_ports": _61,
                                                                "select_vlans": {
                                                                    "type": "model-field",
                                                                    "schema": {
                                                                        "type": "default",
                                                                        "schema": {
                                                                            "type": "nullable",
                                                                            "schema": {
                                                                                "type": "list",
                                                                                "items_schema": _63,
                                                                            },
                                                                        },
                                                                        "default": None,
                                                                    },
                                                                },
                                                                "output_port": {
                                                                    "type": "model-field",
                                                                    "schema": {
                                                                        "type": "default",
                                                                        "schema": {
                                                                            "type": "nullable",
                                                                            "schema": {
                                                                                "type": "function-after",
                                                                                "function": {
                                                                                    "type": "no-info",
                                                                                    "function": values.mirror_output,
                                                                                },
                                                                                "schema": {
                                                                                    "type": "str"
                                                                                },
                                                                            },
                                                                        },
                                                                        "default": None,
                                                                    },
                                                                },
                                                                "output_vlan": _66,
                                                            },
                                                            "model_name": "Mirror",
                                                            "computed_fields": [],
                                                        },
                                                        "custom_init": False,
                                                        "root_model": False,
                                                        "config": {
                                                            "extra_fields_behavior": "forbid",
                                                            "strict": True,
                                                            "title": "Mirror",
                                                        },
                                                        "ref": "Mirror",
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
                                        "image": _69,
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
                                                "schema": {"type": "list", "items_schema": _7},
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
                                                                "address": _39,
                                                                "gateway": _72,
                                                                "routes": {
                                                                    "type": "model-field",
                                                                    "schema": {
                                                                        "type": "default",
                                                                        "schema": {
                                                                            "type": "nullable",
                                                                            "schema": {
                                                                                "type": "list",
                                                                                "items_schema": _52,
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
                                                                            "schema": _74,
                                                                        },
                                                                        "default": None,
                                                                    },
                                                                },
                                                                "mtu": _57,
                                                                "ingress_policing_rate": _78,
                                                                "ingress_policing_burst": _78,
                                                                "vlan": _66,
                                                                "trunks": _86,
                                                                "vlan_mode": _91,
                                                                "ofport": _96,
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
                                    "fields": {"name": _97, "image": _69},
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
                                        "contents": _102,
                                        "local": _107,
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
                                        "contents": _102,
                                        "local": _107,
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
                                        "enabled": _110,
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
                                                                "contents": _102,
                                                                "local": _107,
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
            "cls": records.Controller,
            "schema": {
                "type": "model-fields",
                "fields": {
                    "target": {"type": "model-field", "schema": _7},
                    "connection_mode": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "nullable",
                                "schema": {
                                    "type": "literal",
                                    "expected": ["in-band", "out-of-band"],
                                },
                            },
                            "default": None,
                        },
                    },
                    "inactivity_probe": _113,
                },
                "model_name": "Controller",
                "computed_fields": [],
            },
            "custom_init": False,
            "root_model": False,
            "config": {"extra_fields_behavior": "forbid", "strict": True, "title": "Controller"},
            "ref": "Controller",
        },
        {
            "type": "model",
            "cls": records.UplinkMac,
            "schema": {
                "type": "model-fields",
                "fields": {"mac": {"type": "model-field", "schema": _74}},
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
                    "vlan": _66,
                    "trunks": _86,
                    "vlan_mode": _91,
                    "mtu": _57,
                    "ingress_policing_rate": _78,
                    "ingress_policing_burst": _78,
                    "other_config": _10,
                    "external_ids": _10,
                    "ofport": _96,
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
                    "vlan": _66,
                    "trunks": _86,
                    "vlan_mode": _91,
                    "mtu": _57,
                    "ingress_policing_rate": _78,
                    "ingress_policing_burst": _78,
                    "other_config": _10,
                    "external_ids": _10,
                    "ofport": _96,
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
                    "vlan": _66,
                    "trunks": _86,
                    "vlan_mode": _91,
                    "mtu": _57,
                    "ingress_policing_rate": _78,
                    "ingress_policing_burst": _78,
                    "other_config": _10,
                    "external_ids": _10,
                    "ofport": _96,
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
                    "vlan": _66,
                    "trunks": _86,
                    "vlan_mode": _91,
                    "mtu": _57,
                    "ingress_policing_rate": _78,
                    "ingress_policing_burst": _78,
                    "other_config": _10,
                    "external_ids": _10,
                    "ofport": _96,
                    "local_ip": _72,
                    "tos": _116,
                    "ttl": _119,
                    "df_default": _110,
                    "csum": _110,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["vxlan"]},
                    },
                    "remote_ip": _48,
                    "key": _129,
                    "in_key": _129,
                    "out_key": _129,
                    "dst_port": _132,
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
                    "vlan": _66,
                    "trunks": _86,
                    "vlan_mode": _91,
                    "mtu": _57,
                    "ingress_policing_rate": _78,
                    "ingress_policing_burst": _78,
                    "other_config": _10,
                    "external_ids": _10,
                    "ofport": _96,
                    "local_ip": _72,
                    "tos": _116,
                    "ttl": _119,
                    "df_default": _110,
                    "csum": _110,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["geneve"]},
                    },
                    "remote_ip": _48,
                    "key": _140,
                    "in_key": _140,
                    "out_key": _140,
                    "dst_port": _132,
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
                    "vlan": _66,
                    "trunks": _86,
                    "vlan_mode": _91,
                    "mtu": _57,
                    "ingress_policing_rate": _78,
                    "ingress_policing_burst": _78,
                    "other_config": _10,
                    "external_ids": _10,
                    "ofport": _96,
                    "local_ip": _72,
                    "tos": _116,
                    "ttl": _119,
                    "df_default": _110,
                    "csum": _110,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["gre"]},
                    },
                    "remote_ip": _48,
                    "key": _147,
                    "in_key": _147,
                    "out_key": _147,
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
                    "vlan": _66,
                    "trunks": _86,
                    "vlan_mode": _91,
                    "mtu": _57,
                    "ingress_policing_rate": _78,
                    "ingress_policing_burst": _78,
                    "other_config": _10,
                    "external_ids": _10,
                    "ofport": _96,
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
                    "vlan": _66,
                    "trunks": _86,
                    "vlan_mode": _91,
                    "mtu": _57,
                    "ingress_policing_rate": _78,
                    "ingress_policing_burst": _78,
                    "other_config": _10,
                    "external_ids": _10,
                    "ofport": _96,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["link"]},
                    },
                    "peer_switch": _97,
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
                    "vlan": _66,
                    "trunks": _86,
                    "vlan_mode": _91,
                    "mtu": _57,
                    "ingress_policing_rate": _78,
                    "ingress_policing_burst": _78,
                    "other_config": _10,
                    "external_ids": _10,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["bond"]},
                    },
                    "interfaces": {"type": "model-field", "schema": _58},
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
                    "updelay": _113,
                    "downdelay": _113,
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
                    "lacp_fallback_ab": _110,
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
