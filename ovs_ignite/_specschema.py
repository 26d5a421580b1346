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
_11 = {"type": "list", "items_schema": _7}
_12 = {"type": "no-info", "function": values.abs_path}
_13 = {"type": "function-after", "function": _12, "schema": {"type": "str"}}
_14 = {"type": "model-field", "schema": _13}
_15 = {"type": "default", "schema": {"type": "bool"}, "default": True}
_16 = {"type": "model-field", "schema": _15}
_17 = {"type": "no-info", "function": values.int_as_text}
_18 = {"type": "function-before", "function": _17, "schema": {"type": "str"}}
_19 = {"type": "no-info", "function": values.hex_mask}
_20 = {"type": "no-info", "function": values.int_as_hex}
_21 = {"type": "function-before", "function": _20, "schema": {"type": "str"}}
_22 = {"type": "function-after", "function": _19, "schema": _21}
_23 = {"type": "nullable", "schema": _22}
_24 = {"type": "default", "schema": _23, "default": None}
_25 = {"type": "model-field", "schema": _24}
_26 = {"type": "no-info", "function": values.pci_address}
_27 = {"type": "function-after", "function": _26, "schema": {"type": "str"}}
_28 = {"type": "no-info", "function": values.if_name}
_29 = {"type": "function-after", "function": _28, "schema": {"type": "str"}}
_30 = {"type": "model-field", "schema": _29}
_31 = {"type": "no-info", "function": values.switch_name}
_32 = {"type": "function-after", "function": _31, "schema": {"type": "str"}}
_33 = {"type": "literal", "expected": ["dhcp"]}
_34 = {"type": "no-info", "function": values.cidr}
_35 = {"type": "function-after", "function": _34, "schema": {"type": "str"}}
_36 = {"type": "list", "items_schema": _35, "min_length": 1, "max_length": 32}
_37 = {"by-dhcp": _33, "cidr-list": _36, "a-cidr": _35}
_38 = {"type": "tagged-union", "choices": _37, "discriminator": records.address_kind}
_39 = {"type": "nullable", "schema": _38}
_40 = {"type": "default", "schema": _39, "default": None}
_41 = {"type": "model-field", "schema": _40}
_42 = {"type": "literal", "expected": ["default"]}
_43 = {"type": "no-info", "function": values.network}
_44 = {"type": "function-after", "function": _43, "schema": {"type": "str"}}
_45 = {"to-default": _42, "a-cidr": _44}
_46 = {"type": "tagged-union", "choices": _45, "discriminator": records.route_to_kind}
_47 = {"type": "model-field", "schema": _46}
_48 = {"type": "no-info", "function": values.ip_address}
_49 = {"type": "function-after", "function": _48, "schema": {"type": "str"}}
_50 = {"type": "model-field", "schema": _49}
_51 = {"to": _47, "via": _50}
_52 = {"type": "model-fields", "fields": _51, "model_name": "Route", "computed_fields": []}
_53 = {"extra_fields_behavior": "forbid", "strict": True, "title": "Route"}
_54 = {
    "type": "model",
    "cls": records.Route,
    "schema": _52,
    "custom_init": False,
    "root_model": False,
    "config": _53,
    "ref": "Route",
}
_55 = {"type": "no-info", "function": values.mtu}
_56 = {"type": "function-after", "function": _55, "schema": {"type": "int"}}
_57 = {"type": "nullable", "schema": _56}
_58 = {"type": "default", "schema": _57, "default": None}
_59 = {"type": "model-field", "schema": _58}
_60 = {"type": "list", "items_schema": _29}
_61 = {"type": "nullable", "schema": _60}
_62 = {"type": "default", "schema": _61, "default": None}
_63 = {"type": "model-field", "schema": _62}
_64 = {"type": "no-info", "function": values.vlan_id}
_65 = {"type": "function-after", "function": _64, "schema": {"type": "int"}}
_66 = {"type": "nullable", "schema": _65}
_67 = {"type": "default", "schema": _66, "default": None}
_68 = {"type": "model-field", "schema": _67}
_69 = {"type": "nullable", "schema": _1}
_70 = {"type": "default", "schema": _69, "default": None}
_71 = {"type": "model-field", "schema": _70}
_72 = {"type": "nullable", "schema": _49}
_73 = {"type": "default", "schema": _72, "default": None}
_74 = {"type": "model-field", "schema": _73}
_75 = {"type": "no-info", "function": values.mac_address}
_76 = {"type": "function-after", "function": _75, "schema": {"type": "str"}}
_77 = {"type": "int", "ge": 1, "le": 1000000000}
_78 = {"type": "nullable", "schema": _77}
_79 = {"type": "default", "schema": _78, "default": None}
_80 = {"type": "model-field", "schema": _79}
_81 = {"type": "literal", "expected": ["linux-htb"]}
_82 = {"type": "default", "schema": _81, "default": "linux-htb"}
_83 = {"type": "model-field", "schema": _82}
_84 = {"type": "int", "ge": 1, "le": 34000000000}
_85 = {"type": "model-field", "schema": _84}
_86 = {"type": "model-field", "schema": {"type": "int", "ge": 0, "le": 61439}}
_87 = {"type": "nullable", "schema": _84}
_88 = {"type": "default", "schema": _87, "default": None}
_89 = {"type": "model-field", "schema": _88}
_90 = {"type": "int", "ge": 1, "le": 100000000}
_91 = {"type": "nullable", "schema": _90}
_92 = {"type": "default", "schema": _91, "default": None}
_93 = {"type": "model-field", "schema": _92}
_94 = {"type": "nullable", "schema": {"type": "int", "ge": 0, "le": 7}}
_95 = {"type": "default", "schema": _94, "default": None}
_96 = {"type": "model-field", "schema": _95}
_97 = {"id": _86, "min_rate": _89, "max_rate": _89, "burst": _93, "priority": _96}
_98 = {"type": "model-fields", "fields": _97, "model_name": "Queue", "computed_fields": []}
_99 = {"extra_fields_behavior": "forbid", "strict": True, "title": "Queue"}
_100 = {
    "type": "model",
    "cls": records.Queue,
    "schema": _98,
    "custom_init": False,
    "root_model": False,
    "config": _99,
    "ref": "Queue",
}
_101 = {"type": "list", "items_schema": _100, "max_length": 64}
_102 = {"type": "default", "schema": _101, "default": []}
_103 = {"type": "model-field", "schema": _102}
_104 = {"type": _83, "max_rate": _85, "queues": _103}
_105 = {"type": "model-fields", "fields": _104, "model_name": "Qos", "computed_fields": []}
_106 = {"extra_fields_behavior": "forbid", "strict": True, "title": "Qos"}
_107 = {
    "type": "model",
    "cls": records.Qos,
    "schema": _105,
    "custom_init": False,
    "root_model": False,
    "config": _106,
    "ref": "Qos",
}
_108 = {"type": "nullable", "schema": _107}
_109 = {"type": "default", "schema": _108, "default": None}
_110 = {"type": "model-field", "schema": _109}
_111 = {"type": "no-info", "function": values.vlan_range}
_112 = {"type": "function-after", "function": _111, "schema": {"type": "str"}}
_113 = {"a-vlan": _65, "a-range": _112}
_114 = {"type": "tagged-union", "choices": _113, "discriminator": records.trunk_kind}
_115 = {"type": "list", "items_schema": _114}
_116 = {"type": "nullable", "schema": _115}
_117 = {"type": "default", "schema": _116, "default": None}
_118 = {"type": "model-field", "schema": _117}
_119 = ["access", "trunk", "native-tagged", "native-untagged"]
_120 = {"type": "literal", "expected": _119}
_121 = {"type": "nullable", "schema": _120}
_122 = {"type": "default", "schema": _121, "default": None}
_123 = {"type": "model-field", "schema": _122}
_124 = {"type": "no-info", "function": values.ofport}
_125 = {"type": "function-after", "function": _124, "schema": {"type": "int"}}
_126 = {"type": "nullable", "schema": _125}
_127 = {"type": "default", "schema": _126, "default": None}
_128 = {"type": "model-field", "schema": _127}
_129 = {"type": "model-field", "schema": _32}
_130 = {"type": "no-info", "function": values.text_block}
_131 = {"type": "function-after", "function": _130, "schema": {"type": "str"}}
_132 = {"type": "nullable", "schema": _131}
_133 = {"type": "default", "schema": _132, "default": None}
_134 = {"type": "model-field", "schema": _133}
_135 = {"type": "no-info", "function": values.local_path}
_136 = {"type": "function-after", "function": _135, "schema": {"type": "str"}}
_137 = {"type": "nullable", "schema": _136}
_138 = {"type": "default", "schema": _137, "default": None}
_139 = {"type": "model-field", "schema": _138}
_140 = {"type": "nullable", "schema": {"type": "bool"}}
_141 = {"type": "default", "schema": _140, "default": None}
_142 = {"type": "model-field", "schema": _141}
_143 = {"type": "nullable", "schema": {"type": "int", "ge": 0, "le": 3600000}}
_144 = {"type": "default", "schema": _143, "default": None}
_145 = {"type": "model-field", "schema": _144}
_146 = {"type": "nullable", "schema": {"type": "int", "ge": 0, "le": 255}}
_147 = {"type": "default", "schema": _146, "default": None}
_148 = {"type": "model-field", "schema": _147}
_149 = {"type": "nullable", "schema": {"type": "int", "ge": 1, "le": 255}}
_150 = {"type": "default", "schema": _149, "default": None}
_151 = {"type": "model-field", "schema": _150}
_152 = {"type": "literal", "expected": ["flow"]}
_153 = {"type": "no-info", "function": values.tunnel_key_word}
_154 = {"type": "no-info", "function": values.vxlan_vni}
_155 = {"type": "function-after", "function": _154, "schema": {"type": "int"}}
_156 = {"type": "function-before", "function": _153, "schema": _155}
_157 = {"by-flow": _152, "a-key": _156}
_158 = {"type": "tagged-union", "choices": _157, "discriminator": records.tunnel_key_kind}
_159 = {"type": "nullable", "schema": _158}
_160 = {"type": "default", "schema": _159, "default": None}
_161 = {"type": "model-field", "schema": _160}
_162 = {"type": "nullable", "schema": {"type": "int", "ge": 1, "le": 65535}}
_163 = {"type": "default", "schema": _162, "default": None}
_164 = {"type": "model-field", "schema": _163}
_165 = {"type": "no-info", "function": values.geneve_vni}
_166 = {"type": "function-after", "function": _165, "schema": {"type": "int"}}
_167 = {"type": "function-before", "function": _153, "schema": _166}
_168 = {"by-flow": _152, "a-key": _167}
_169 = {"type": "tagged-union", "choices": _168, "discriminator": records.tunnel_key_kind}
_170 = {"type": "nullable", "schema": _169}
_171 = {"type": "default", "schema": _170, "default": None}
_172 = {"type": "model-field", "schema": _171}
_173 = {"type": "int", "ge": 0, "le": 4294967295}
_174 = {"type": "function-before", "function": _153, "schema": _173}
_175 = {"by-flow": _152, "a-key": _174}
_176 = {"type": "tagged-union", "choices": _175, "discriminator": records.tunnel_key_kind}
_177 = {"type": "nullable", "schema": _176}
_178 = {"type": "default", "schema": _177, "default": None}
_179 = {"type": "model-field", "schema": _178}
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
                                "managers": {
                                    "type": "model-field",
                                    "schema": {
                                        "type": "default",
                                        "schema": {"type": "nullable", "schema": _11},
                                        "default": None,
                                    },
                                },
                                "allow_insecure_manager": _3,
                                "ssl": {
                                    "type": "model-field",
                                    "schema": {
                                        "type": "default",
                                        "schema": {
                                            "type": "nullable",
                                            "schema": {
                                                "type": "model",
                                                "cls": records.Ssl,
                                                "schema": {
                                                    "type": "model-fields",
                                                    "fields": {
                                                        "private_key": _14,
                                                        "certificate": _14,
                                                        "ca_cert": _14,
                                                    },
                                                    "model_name": "Ssl",
                                                    "computed_fields": [],
                                                },
                                                "custom_init": False,
                                                "root_model": False,
                                                "config": {
                                                    "extra_fields_behavior": "forbid",
                                                    "strict": True,
                                                    "title": "Ssl",
                                                },
                                                "ref": "Ssl",
                                            },
                                        },
                                        "default": None,
                                    },
                                },
                                "schema_path": {
                                    "type": "model-field",
                                    "schema": {
                                        "type": "default",
                                        "schema": _13,
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
                                "init": _16,
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
                                                        "schema": _18,
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
                                                        "schema": _18,
                                                    },
                                                },
                                                "default": None,
                                            },
                                        },
                                        "lcore_mask": _25,
                                        "pmd_cpu_mask": _25,
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
                                                                    "schema": _27,
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
                                        "name": _30,
                                        "switch": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {"type": "nullable", "schema": _32},
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
                                        "address": _41,
                                        "uplink": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {
                                                    "type": "nullable",
                                                    "schema": {
                                                        "type": "tagged-union",
                                                        "choices": {
                                                            "by-name": _29,
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
                                                    "schema": {"type": "list", "items_schema": _54},
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
                                                        "items_schema": _49,
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
                                        "mtu": _59,
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
                                                                "name": _30,
                                                                "select_all": _3,
                                                                "select_src_ports": _63,
                                                                "select_dst_ports": _63,
                                                                "select_vlans": {
                                                                    "type": "model-field",
                                                                    "schema": {
                                                                        "type": "default",
                                                                        "schema": {
                                                                            "type": "nullable",
                                                                            "schema": {
                                                                                "type": "list",
                                                                                "items_schema": _65,
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
                                                                "output_vlan": _68,
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
                                        "image": _71,
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
                                                "schema": _11,
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
                                                                "bridge": _30,
                                                                "name": {
                                                                    "type": "model-field",
                                                                    "schema": {
                                                                        "type": "default",
                                                                        "schema": {
                                                                            "type": "nullable",
                                                                            "schema": _29,
                                                                        },
                                                                        "default": None,
                                                                    },
                                                                },
                                                                "address": _41,
                                                                "gateway": _74,
                                                                "routes": {
                                                                    "type": "model-field",
                                                                    "schema": {
                                                                        "type": "default",
                                                                        "schema": {
                                                                            "type": "nullable",
                                                                            "schema": {
                                                                                "type": "list",
                                                                                "items_schema": _54,
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
                                                                            "schema": _76,
                                                                        },
                                                                        "default": None,
                                                                    },
                                                                },
                                                                "mtu": _59,
                                                                "ingress_policing_rate": _80,
                                                                "ingress_policing_burst": _80,
                                                                "qos": _110,
                                                                "vlan": _68,
                                                                "trunks": _118,
                                                                "vlan_mode": _123,
                                                                "ofport": _128,
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
                                        "init": _16,
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
                                    "fields": {"name": _129, "image": _71},
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
                                        "contents": _134,
                                        "local": _139,
                                        "path": _14,
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
                                        "contents": _134,
                                        "local": _139,
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
                                        "enabled": _142,
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
                                                                "contents": _134,
                                                                "local": _139,
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
                    "inactivity_probe": _145,
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
                "fields": {"mac": {"type": "model-field", "schema": _76}},
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
                    "name": _30,
                    "vlan": _68,
                    "trunks": _118,
                    "vlan_mode": _123,
                    "mtu": _59,
                    "ingress_policing_rate": _80,
                    "ingress_policing_burst": _80,
                    "qos": _110,
                    "other_config": _10,
                    "external_ids": _10,
                    "ofport": _128,
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
                    "name": _30,
                    "vlan": _68,
                    "trunks": _118,
                    "vlan_mode": _123,
                    "mtu": _59,
                    "ingress_policing_rate": _80,
                    "ingress_policing_burst": _80,
                    "qos": _110,
                    "other_config": _10,
                    "external_ids": _10,
                    "ofport": _128,
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
                    "name": _30,
                    "vlan": _68,
                    "trunks": _118,
                    "vlan_mode": _123,
                    "mtu": _59,
                    "ingress_policing_rate": _80,
                    "ingress_policing_burst": _80,
                    "qos": _110,
                    "other_config": _10,
                    "external_ids": _10,
                    "ofport": _128,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["dpdk"]},
                    },
                    "pci": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {"type": "nullable", "schema": _27},
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
                    "name": _30,
                    "vlan": _68,
                    "trunks": _118,
                    "vlan_mode": _123,
                    "mtu": _59,
                    "ingress_policing_rate": _80,
                    "ingress_policing_burst": _80,
                    "qos": _110,
                    "other_config": _10,
                    "external_ids": _10,
                    "ofport": _128,
                    "local_ip": _74,
                    "tos": _148,
                    "ttl": _151,
                    "df_default": _142,
                    "csum": _142,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["vxlan"]},
                    },
                    "remote_ip": _50,
                    "key": _161,
                    "in_key": _161,
                    "out_key": _161,
                    "dst_port": _164,
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
                    "name": _30,
                    "vlan": _68,
                    "trunks": _118,
                    "vlan_mode": _123,
                    "mtu": _59,
                    "ingress_policing_rate": _80,
                    "ingress_policing_burst": _80,
                    "qos": _110,
                    "other_config": _10,
                    "external_ids": _10,
                    "ofport": _128,
                    "local_ip": _74,
                    "tos": _148,
                    "ttl": _151,
                    "df_default": _142,
                    "csum": _142,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["geneve"]},
                    },
                    "remote_ip": _50,
                    "key": _172,
                    "in_key": _172,
                    "out_key": _172,
                    "dst_port": _164,
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
                    "name": _30,
                    "vlan": _68,
                    "trunks": _118,
                    "vlan_mode": _123,
                    "mtu": _59,
                    "ingress_policing_rate": _80,
                    "ingress_policing_burst": _80,
                    "qos": _110,
                    "other_config": _10,
                    "external_ids": _10,
                    "ofport": _128,
                    "local_ip": _74,
                    "tos": _148,
                    "ttl": _151,
                    "df_default": _142,
                    "csum": _142,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["gre"]},
                    },
                    "remote_ip": _50,
                    "key": _179,
                    "in_key": _179,
                    "out_key": _179,
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
                    "name": _30,
                    "vlan": _68,
                    "trunks": _118,
                    "vlan_mode": _123,
                    "mtu": _59,
                    "ingress_policing_rate": _80,
                    "ingress_policing_burst": _80,
                    "qos": _110,
                    "other_config": _10,
                    "external_ids": _10,
                    "ofport": _128,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["patch"]},
                    },
                    "peer": _30,
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
                    "name": _30,
                    "vlan": _68,
                    "trunks": _118,
                    "vlan_mode": _123,
                    "mtu": _59,
                    "ingress_policing_rate": _80,
                    "ingress_policing_burst": _80,
                    "qos": _110,
                    "other_config": _10,
                    "external_ids": _10,
                    "ofport": _128,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["link"]},
                    },
                    "peer_switch": _129,
                    "peer": _30,
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
                    "name": _30,
                    "vlan": _68,
                    "trunks": _118,
                    "vlan_mode": _123,
                    "mtu": _59,
                    "ingress_policing_rate": _80,
                    "ingress_policing_burst": _80,
                    "qos": _110,
                    "other_config": _10,
                    "external_ids": _10,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["bond"]},
                    },
                    "interfaces": {"type": "model-field", "schema": _60},
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
                    "updelay": _145,
                    "downdelay": _145,
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
                    "lacp_fallback_ab": _142,
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
