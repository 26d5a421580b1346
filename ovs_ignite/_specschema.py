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
_17 = {"type": "definition-ref", "schema_ref": "Hugepages"}
_18 = {"type": "no-info", "function": values.int_as_text}
_19 = {"type": "function-before", "function": _18, "schema": {"type": "str"}}
_20 = {"type": "no-info", "function": values.socket_mem}
_21 = {"type": "function-after", "function": _20, "schema": _19}
_22 = {"type": "nullable", "schema": _21}
_23 = {"type": "default", "schema": _22, "default": None}
_24 = {"type": "model-field", "schema": _23}
_25 = {"type": "no-info", "function": values.hex_mask}
_26 = {"type": "no-info", "function": values.int_as_hex}
_27 = {"type": "function-before", "function": _26, "schema": {"type": "str"}}
_28 = {"type": "function-after", "function": _25, "schema": _27}
_29 = {"type": "nullable", "schema": _28}
_30 = {"type": "default", "schema": _29, "default": None}
_31 = {"type": "model-field", "schema": _30}
_32 = {"type": "nullable", "schema": {"type": "int", "ge": 0, "le": 100}}
_33 = {"type": "default", "schema": _32, "default": None}
_34 = {"type": "model-field", "schema": _33}
_35 = {"type": "int", "ge": 0, "le": 4294967295}
_36 = {"type": "nullable", "schema": {"type": "bool"}}
_37 = {"type": "default", "schema": _36, "default": None}
_38 = {"type": "model-field", "schema": _37}
_39 = {"type": "no-info", "function": values.pci_address}
_40 = {"type": "function-after", "function": _39, "schema": {"type": "str"}}
_41 = {"type": "no-info", "function": values.if_name}
_42 = {"type": "function-after", "function": _41, "schema": {"type": "str"}}
_43 = {"type": "model-field", "schema": _42}
_44 = {"type": "no-info", "function": values.switch_name}
_45 = {"type": "function-after", "function": _44, "schema": {"type": "str"}}
_46 = {"type": "literal", "expected": ["dhcp"]}
_47 = {"type": "no-info", "function": values.cidr}
_48 = {"type": "function-after", "function": _47, "schema": {"type": "str"}}
_49 = {"type": "list", "items_schema": _48, "min_length": 1, "max_length": 32}
_50 = {"by-dhcp": _46, "cidr-list": _49, "a-cidr": _48}
_51 = {"type": "tagged-union", "choices": _50, "discriminator": records.address_kind}
_52 = {"type": "nullable", "schema": _51}
_53 = {"type": "default", "schema": _52, "default": None}
_54 = {"type": "model-field", "schema": _53}
_55 = {"type": "literal", "expected": ["default"]}
_56 = {"type": "no-info", "function": values.network}
_57 = {"type": "function-after", "function": _56, "schema": {"type": "str"}}
_58 = {"to-default": _55, "a-cidr": _57}
_59 = {"type": "tagged-union", "choices": _58, "discriminator": records.route_to_kind}
_60 = {"type": "model-field", "schema": _59}
_61 = {"type": "no-info", "function": values.ip_address}
_62 = {"type": "function-after", "function": _61, "schema": {"type": "str"}}
_63 = {"type": "model-field", "schema": _62}
_64 = {"to": _60, "via": _63}
_65 = {"type": "model-fields", "fields": _64, "model_name": "Route", "computed_fields": []}
_66 = {"extra_fields_behavior": "forbid", "strict": True, "title": "Route"}
_67 = {
    "type": "model",
    "cls": records.Route,
    "schema": _65,
    "custom_init": False,
    "root_model": False,
    "config": _66,
    "ref": "Route",
}
_68 = {"type": "no-info", "function": values.mtu}
_69 = {"type": "function-after", "function": _68, "schema": {"type": "int"}}
_70 = {"type": "nullable", "schema": _69}
_71 = {"type": "default", "schema": _70, "default": None}
_72 = {"type": "model-field", "schema": _71}
_73 = {"type": "list", "items_schema": _42}
_74 = {"type": "nullable", "schema": _73}
_75 = {"type": "default", "schema": _74, "default": None}
_76 = {"type": "model-field", "schema": _75}
_77 = {"type": "no-info", "function": values.vlan_id}
_78 = {"type": "function-after", "function": _77, "schema": {"type": "int"}}
_79 = {"type": "nullable", "schema": _78}
_80 = {"type": "default", "schema": _79, "default": None}
_81 = {"type": "model-field", "schema": _80}
_82 = {"type": "no-info", "function": values.container_name}
_83 = {"type": "function-after", "function": _82, "schema": {"type": "str"}}
_84 = {"type": "nullable", "schema": _1}
_85 = {"type": "default", "schema": _84, "default": None}
_86 = {"type": "model-field", "schema": _85}
_87 = {"type": "nullable", "schema": _62}
_88 = {"type": "default", "schema": _87, "default": None}
_89 = {"type": "model-field", "schema": _88}
_90 = {"type": "no-info", "function": values.mac_address}
_91 = {"type": "function-after", "function": _90, "schema": {"type": "str"}}
_92 = {"type": "int", "ge": 1, "le": 1000000000}
_93 = {"type": "nullable", "schema": _92}
_94 = {"type": "default", "schema": _93, "default": None}
_95 = {"type": "model-field", "schema": _94}
_96 = {"type": "literal", "expected": ["linux-htb"]}
_97 = {"type": "default", "schema": _96, "default": "linux-htb"}
_98 = {"type": "model-field", "schema": _97}
_99 = {"type": "int", "ge": 1, "le": 34000000000}
_100 = {"type": "model-field", "schema": _99}
_101 = {"type": "model-field", "schema": {"type": "int", "ge": 0, "le": 61439}}
_102 = {"type": "nullable", "schema": _99}
_103 = {"type": "default", "schema": _102, "default": None}
_104 = {"type": "model-field", "schema": _103}
_105 = {"type": "int", "ge": 1, "le": 100000000}
_106 = {"type": "nullable", "schema": _105}
_107 = {"type": "default", "schema": _106, "default": None}
_108 = {"type": "model-field", "schema": _107}
_109 = {"type": "nullable", "schema": {"type": "int", "ge": 0, "le": 7}}
_110 = {"type": "default", "schema": _109, "default": None}
_111 = {"type": "model-field", "schema": _110}
_112 = {"id": _101, "min_rate": _104, "max_rate": _104, "burst": _108, "priority": _111}
_113 = {"type": "model-fields", "fields": _112, "model_name": "Queue", "computed_fields": []}
_114 = {"extra_fields_behavior": "forbid", "strict": True, "title": "Queue"}
_115 = {
    "type": "model",
    "cls": records.Queue,
    "schema": _113,
    "custom_init": False,
    "root_model": False,
    "config": _114,
    "ref": "Queue",
}
_116 = {"type": "list", "items_schema": _115, "max_length": 64}
_117 = {"type": "default", "schema": _116, "default": []}
_118 = {"type": "model-field", "schema": _117}
_119 = {"type": _98, "max_rate": _100, "queues": _118}
_120 = {"type": "model-fields", "fields": _119, "model_name": "Qos", "computed_fields": []}
_121 = {"extra_fields_behavior": "forbid", "strict": True, "title": "Qos"}
_122 = {
    "type": "model",
    "cls": records.Qos,
    "schema": _120,
    "custom_init": False,
    "root_model": False,
    "config": _121,
    "ref": "Qos",
}
_123 = {"type": "nullable", "schema": _122}
_124 = {"type": "default", "schema": _123, "default": None}
_125 = {"type": "model-field", "schema": _124}
_126 = {"type": "no-info", "function": values.vlan_range}
_127 = {"type": "function-after", "function": _126, "schema": {"type": "str"}}
_128 = {"a-vlan": _78, "a-range": _127}
_129 = {"type": "tagged-union", "choices": _128, "discriminator": records.trunk_kind}
_130 = {"type": "list", "items_schema": _129}
_131 = {"type": "nullable", "schema": _130}
_132 = {"type": "default", "schema": _131, "default": None}
_133 = {"type": "model-field", "schema": _132}
_134 = ["access", "trunk", "native-tagged", "native-untagged"]
_135 = {"type": "literal", "expected": _134}
_136 = {"type": "nullable", "schema": _135}
_137 = {"type": "default", "schema": _136, "default": None}
_138 = {"type": "model-field", "schema": _137}
_139 = {"type": "no-info", "function": values.ofport}
_140 = {"type": "function-after", "function": _139, "schema": {"type": "int"}}
_141 = {"type": "nullable", "schema": _140}
_142 = {"type": "default", "schema": _141, "default": None}
_143 = {"type": "model-field", "schema": _142}
_144 = {"type": "model-field", "schema": _45}
_145 = {"type": "no-info", "function": values.text_block}
_146 = {"type": "function-after", "function": _145, "schema": {"type": "str"}}
_147 = {"type": "nullable", "schema": _146}
_148 = {"type": "default", "schema": _147, "default": None}
_149 = {"type": "model-field", "schema": _148}
_150 = {"type": "no-info", "function": values.local_path}
_151 = {"type": "function-after", "function": _150, "schema": {"type": "str"}}
_152 = {"type": "nullable", "schema": _151}
_153 = {"type": "default", "schema": _152, "default": None}
_154 = {"type": "model-field", "schema": _153}
_155 = {"type": "nullable", "schema": {"type": "int", "ge": 0, "le": 3600000}}
_156 = {"type": "default", "schema": _155, "default": None}
_157 = {"type": "model-field", "schema": _156}
_158 = {"type": "nullable", "schema": _40}
_159 = {"type": "default", "schema": _158, "default": None}
_160 = {"type": "model-field", "schema": _159}
_161 = {"type": "no-info", "function": values.devargs}
_162 = {"type": "function-after", "function": _161, "schema": {"type": "str"}}
_163 = {"type": "nullable", "schema": _162}
_164 = {"type": "default", "schema": _163, "default": None}
_165 = {"type": "model-field", "schema": _164}
_166 = {"type": "nullable", "schema": {"type": "int", "ge": 1, "le": 1024}}
_167 = {"type": "default", "schema": _166, "default": None}
_168 = {"type": "model-field", "schema": _167}
_169 = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096]
_170 = {"type": "literal", "expected": _169}
_171 = {"type": "nullable", "schema": _170}
_172 = {"type": "default", "schema": _171, "default": None}
_173 = {"type": "model-field", "schema": _172}
_174 = {"type": "no-info", "function": values.rxq_affinity}
_175 = {"type": "function-after", "function": _174, "schema": {"type": "str"}}
_176 = {"type": "nullable", "schema": _175}
_177 = {"type": "default", "schema": _176, "default": None}
_178 = {"type": "model-field", "schema": _177}
_179 = {"type": "nullable", "schema": {"type": "int", "ge": 0, "le": 255}}
_180 = {"type": "default", "schema": _179, "default": None}
_181 = {"type": "model-field", "schema": _180}
_182 = {"type": "nullable", "schema": {"type": "int", "ge": 1, "le": 255}}
_183 = {"type": "default", "schema": _182, "default": None}
_184 = {"type": "model-field", "schema": _183}
_185 = {"type": "literal", "expected": ["flow"]}
_186 = {"type": "no-info", "function": values.tunnel_key_word}
_187 = {"type": "no-info", "function": values.vxlan_vni}
_188 = {"type": "function-after", "function": _187, "schema": {"type": "int"}}
_189 = {"type": "function-before", "function": _186, "schema": _188}
_190 = {"by-flow": _185, "a-key": _189}
_191 = {"type": "tagged-union", "choices": _190, "discriminator": records.tunnel_key_kind}
_192 = {"type": "nullable", "schema": _191}
_193 = {"type": "default", "schema": _192, "default": None}
_194 = {"type": "model-field", "schema": _193}
_195 = {"type": "nullable", "schema": {"type": "int", "ge": 1, "le": 65535}}
_196 = {"type": "default", "schema": _195, "default": None}
_197 = {"type": "model-field", "schema": _196}
_198 = {"type": "no-info", "function": values.geneve_vni}
_199 = {"type": "function-after", "function": _198, "schema": {"type": "int"}}
_200 = {"type": "function-before", "function": _186, "schema": _199}
_201 = {"by-flow": _185, "a-key": _200}
_202 = {"type": "tagged-union", "choices": _201, "discriminator": records.tunnel_key_kind}
_203 = {"type": "nullable", "schema": _202}
_204 = {"type": "default", "schema": _203, "default": None}
_205 = {"type": "model-field", "schema": _204}
_206 = {"type": "function-before", "function": _186, "schema": _35}
_207 = {"by-flow": _185, "a-key": _206}
_208 = {"type": "tagged-union", "choices": _207, "discriminator": records.tunnel_key_kind}
_209 = {"type": "nullable", "schema": _208}
_210 = {"type": "default", "schema": _209, "default": None}
_211 = {"type": "model-field", "schema": _210}
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
                                                "type": "tagged-union",
                                                "choices": {
                                                    "one-size": _17,
                                                    "page-sizes": {
                                                        "type": "list",
                                                        "items_schema": _17,
                                                        "min_length": 1,
                                                        "max_length": 2,
                                                    },
                                                },
                                                "discriminator": records.hugepages_kind,
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
                                                        "schema": _19,
                                                    },
                                                },
                                                "default": None,
                                            },
                                        },
                                        "socket_mem": _24,
                                        "socket_limit": _24,
                                        "lcore_mask": _31,
                                        "pmd_cpu_mask": _31,
                                        "pmd_auto_lb": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {
                                                    "type": "nullable",
                                                    "schema": {
                                                        "type": "model",
                                                        "cls": records.PmdAutoLb,
                                                        "schema": {
                                                            "type": "model-fields",
                                                            "fields": {
                                                                "load_threshold": _34,
                                                                "improvement_threshold": _34,
                                                                "rebal_interval": {
                                                                    "type": "model-field",
                                                                    "schema": {
                                                                        "type": "default",
                                                                        "schema": {
                                                                            "type": "nullable",
                                                                            "schema": {
                                                                                "type": "int",
                                                                                "ge": 0,
                                                                                "le": 20000,
                                                                            },
                                                                        },
                                                                        "default": None,
                                                                    },
                                                                },
                                                            },
                                                            "model_name": "PmdAutoLb",
                                                            "computed_fields": [],
                                                        },
                                                        "custom_init": False,
                                                        "root_model": False,
                                                        "config": {
                                                            "extra_fields_behavior": "forbid",
                                                            "strict": True,
                                                            "title": "PmdAutoLb",
                                                        },
                                                        "ref": "PmdAutoLb",
                                                    },
                                                },
                                                "default": None,
                                            },
                                        },
                                        "emc_insert_inv_prob": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {"type": "nullable", "schema": _35},
                                                "default": None,
                                            },
                                        },
                                        "smc_enable": _38,
                                        "vhost_postcopy": _38,
                                        "userspace_tso": _38,
                                        "hw_offload": _38,
                                        "max_idle": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {
                                                    "type": "nullable",
                                                    "schema": {
                                                        "type": "int",
                                                        "ge": 500,
                                                        "le": 3600000,
                                                    },
                                                },
                                                "default": None,
                                            },
                                        },
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
                                                                    "schema": _40,
                                                                },
                                                                "driver": {
                                                                    "type": "model-field",
                                                                    "schema": {
                                                                        "type": "default",
                                                                        "schema": {
                                                                            "type": "literal",
                                                                            "expected": [
                                                                                "vfio-pci",
                                                                                "kernel",
                                                                            ],
                                                                        },
                                                                        "default": "vfio-pci",
                                                                    },
                                                                },
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
                                        "name": _43,
                                        "switch": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {"type": "nullable", "schema": _45},
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
                                        "address": _54,
                                        "uplink": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "default",
                                                "schema": {
                                                    "type": "nullable",
                                                    "schema": {
                                                        "type": "tagged-union",
                                                        "choices": {
                                                            "by-name": _42,
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
                                                    "schema": {"type": "list", "items_schema": _67},
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
                                                        "items_schema": _62,
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
                                        "mtu": _72,
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
                                                                "name": _43,
                                                                "select_all": _3,
                                                                "select_src_ports": _76,
                                                                "select_dst_ports": _76,
                                                                "select_vlans": {
                                                                    "type": "model-field",
                                                                    "schema": {
                                                                        "type": "default",
                                                                        "schema": {
                                                                            "type": "nullable",
                                                                            "schema": {
                                                                                "type": "list",
                                                                                "items_schema": _78,
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
                                                                "output_vlan": _81,
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
                                        "name": {"type": "model-field", "schema": _83},
                                        "image": _86,
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
                                                                "bridge": _43,
                                                                "type": {
                                                                    "type": "model-field",
                                                                    "schema": {
                                                                        "type": "default",
                                                                        "schema": {
                                                                            "type": "literal",
                                                                            "expected": [
                                                                                "veth",
                                                                                "vhost-user",
                                                                            ],
                                                                        },
                                                                        "default": "veth",
                                                                    },
                                                                },
                                                                "name": {
                                                                    "type": "model-field",
                                                                    "schema": {
                                                                        "type": "default",
                                                                        "schema": {
                                                                            "type": "nullable",
                                                                            "schema": _42,
                                                                        },
                                                                        "default": None,
                                                                    },
                                                                },
                                                                "address": _54,
                                                                "gateway": _89,
                                                                "routes": {
                                                                    "type": "model-field",
                                                                    "schema": {
                                                                        "type": "default",
                                                                        "schema": {
                                                                            "type": "nullable",
                                                                            "schema": {
                                                                                "type": "list",
                                                                                "items_schema": _67,
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
                                                                            "schema": _91,
                                                                        },
                                                                        "default": None,
                                                                    },
                                                                },
                                                                "mtu": _72,
                                                                "ingress_policing_rate": _95,
                                                                "ingress_policing_burst": _95,
                                                                "qos": _125,
                                                                "vlan": _81,
                                                                "trunks": _133,
                                                                "vlan_mode": _138,
                                                                "ofport": _143,
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
                                    "fields": {"name": _144, "image": _86},
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
                                        "contents": _149,
                                        "local": _154,
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
                                        "contents": _149,
                                        "local": _154,
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
                                        "enabled": _38,
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
                                                                "contents": _149,
                                                                "local": _154,
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
                "expect": {
                    "type": "model-field",
                    "schema": {
                        "type": "default",
                        "schema": {
                            "type": "list",
                            "items_schema": {
                                "type": "model",
                                "cls": records.Expect,
                                "schema": {
                                    "type": "model-fields",
                                    "fields": {
                                        "source": {
                                            "type": "model-field",
                                            "schema": _83,
                                            "validation_alias": "from",
                                        },
                                        "to": {
                                            "type": "model-field",
                                            "schema": {
                                                "type": "function-after",
                                                "function": {
                                                    "type": "no-info",
                                                    "function": values.expect_target,
                                                },
                                                "schema": {"type": "str"},
                                            },
                                        },
                                        "reach": _16,
                                        "mtu": _72,
                                    },
                                    "model_name": "Expect",
                                    "computed_fields": [],
                                },
                                "custom_init": False,
                                "root_model": False,
                                "config": {
                                    "extra_fields_behavior": "forbid",
                                    "strict": True,
                                    "title": "Expect",
                                },
                                "ref": "Expect",
                            },
                            "max_length": 256,
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
            "cls": records.Hugepages,
            "schema": {
                "type": "model-fields",
                "fields": {
                    "size": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["2M", "1G"]},
                    },
                    "count": {
                        "type": "model-field",
                        "schema": {"type": "int", "ge": 1, "le": 1000000},
                    },
                },
                "model_name": "Hugepages",
                "computed_fields": [],
            },
            "custom_init": False,
            "root_model": False,
            "config": {"extra_fields_behavior": "forbid", "strict": True, "title": "Hugepages"},
            "ref": "Hugepages",
        },
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
                    "inactivity_probe": _157,
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
                "fields": {"mac": {"type": "model-field", "schema": _91}},
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
                    "name": _43,
                    "vlan": _81,
                    "trunks": _133,
                    "vlan_mode": _138,
                    "mtu": _72,
                    "ingress_policing_rate": _95,
                    "ingress_policing_burst": _95,
                    "qos": _125,
                    "other_config": _10,
                    "external_ids": _10,
                    "ofport": _143,
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
                    "name": _43,
                    "vlan": _81,
                    "trunks": _133,
                    "vlan_mode": _138,
                    "mtu": _72,
                    "ingress_policing_rate": _95,
                    "ingress_policing_burst": _95,
                    "qos": _125,
                    "other_config": _10,
                    "external_ids": _10,
                    "ofport": _143,
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
                    "name": _43,
                    "vlan": _81,
                    "trunks": _133,
                    "vlan_mode": _138,
                    "mtu": _72,
                    "ingress_policing_rate": _95,
                    "ingress_policing_burst": _95,
                    "qos": _125,
                    "other_config": _10,
                    "external_ids": _10,
                    "ofport": _143,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["dpdk"]},
                    },
                    "pci": _160,
                    "devargs": _165,
                    "n_rxq": _168,
                    "n_rxq_desc": _173,
                    "n_txq_desc": _173,
                    "pmd_rxq_affinity": _178,
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
                    "name": _43,
                    "vlan": _81,
                    "trunks": _133,
                    "vlan_mode": _138,
                    "mtu": _72,
                    "ingress_policing_rate": _95,
                    "ingress_policing_burst": _95,
                    "qos": _125,
                    "other_config": _10,
                    "external_ids": _10,
                    "ofport": _143,
                    "local_ip": _89,
                    "tos": _181,
                    "ttl": _184,
                    "df_default": _38,
                    "csum": _38,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["vxlan"]},
                    },
                    "remote_ip": _63,
                    "key": _194,
                    "in_key": _194,
                    "out_key": _194,
                    "dst_port": _197,
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
                    "name": _43,
                    "vlan": _81,
                    "trunks": _133,
                    "vlan_mode": _138,
                    "mtu": _72,
                    "ingress_policing_rate": _95,
                    "ingress_policing_burst": _95,
                    "qos": _125,
                    "other_config": _10,
                    "external_ids": _10,
                    "ofport": _143,
                    "local_ip": _89,
                    "tos": _181,
                    "ttl": _184,
                    "df_default": _38,
                    "csum": _38,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["geneve"]},
                    },
                    "remote_ip": _63,
                    "key": _205,
                    "in_key": _205,
                    "out_key": _205,
                    "dst_port": _197,
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
                    "name": _43,
                    "vlan": _81,
                    "trunks": _133,
                    "vlan_mode": _138,
                    "mtu": _72,
                    "ingress_policing_rate": _95,
                    "ingress_policing_burst": _95,
                    "qos": _125,
                    "other_config": _10,
                    "external_ids": _10,
                    "ofport": _143,
                    "local_ip": _89,
                    "tos": _181,
                    "ttl": _184,
                    "df_default": _38,
                    "csum": _38,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["gre"]},
                    },
                    "remote_ip": _63,
                    "key": _211,
                    "in_key": _211,
                    "out_key": _211,
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
                    "name": _43,
                    "vlan": _81,
                    "trunks": _133,
                    "vlan_mode": _138,
                    "mtu": _72,
                    "ingress_policing_rate": _95,
                    "ingress_policing_burst": _95,
                    "qos": _125,
                    "other_config": _10,
                    "external_ids": _10,
                    "ofport": _143,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["patch"]},
                    },
                    "peer": _43,
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
                    "name": _43,
                    "vlan": _81,
                    "trunks": _133,
                    "vlan_mode": _138,
                    "mtu": _72,
                    "ingress_policing_rate": _95,
                    "ingress_policing_burst": _95,
                    "qos": _125,
                    "other_config": _10,
                    "external_ids": _10,
                    "ofport": _143,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["link"]},
                    },
                    "peer_switch": _144,
                    "peer": _43,
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
                    "name": _43,
                    "vlan": _81,
                    "trunks": _133,
                    "vlan_mode": _138,
                    "mtu": _72,
                    "ingress_policing_rate": _95,
                    "ingress_policing_burst": _95,
                    "qos": _125,
                    "other_config": _10,
                    "external_ids": _10,
                    "type": {
                        "type": "model-field",
                        "schema": {"type": "literal", "expected": ["bond"]},
                    },
                    "interfaces": {
                        "type": "model-field",
                        "schema": {"type": "default", "schema": _73, "default": []},
                    },
                    "members": {
                        "type": "model-field",
                        "schema": {
                            "type": "default",
                            "schema": {
                                "type": "list",
                                "items_schema": {
                                    "type": "model",
                                    "cls": records.DpdkMember,
                                    "schema": {
                                        "type": "model-fields",
                                        "fields": {
                                            "name": _43,
                                            "pci": _160,
                                            "devargs": _165,
                                            "n_rxq": _168,
                                            "n_rxq_desc": _173,
                                            "n_txq_desc": _173,
                                            "pmd_rxq_affinity": _178,
                                        },
                                        "model_name": "DpdkMember",
                                        "computed_fields": [],
                                    },
                                    "custom_init": False,
                                    "root_model": False,
                                    "config": {
                                        "extra_fields_behavior": "forbid",
                                        "strict": True,
                                        "title": "DpdkMember",
                                    },
                                    "ref": "DpdkMember",
                                },
                                "max_length": 64,
                            },
                            "default": [],
                        },
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
                    "updelay": _157,
                    "downdelay": _157,
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
                    "lacp_fallback_ab": _38,
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
