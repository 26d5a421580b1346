# Compiled from templates/ovs-vswitchd.service.j2: do not edit.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'ovs-vswitchd.service.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_suffix = resolve('suffix')
    l_0_bridges_unit = resolve('bridges_unit')
    l_0_dpdk_bind = resolve('dpdk_bind')
    l_0_uplink_units = resolve('uplink_units')
    l_0_auto_update = resolve('auto_update')
    l_0_peer_netns = resolve('peer_netns')
    l_0_runtime = resolve('runtime')
    l_0_script = resolve('script')
    l_0_state_files = resolve('state_files')
    l_0_image = resolve('image')
    l_0_ovs_script = resolve('ovs_script')
    l_0_switch_arg = resolve('switch_arg')
    l_0_vswitchd_run = resolve('vswitchd_run')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['sd']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'sd' found.")
    try:
        t_3 = environment.filters['sdargs']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'sdargs' found.")
    try:
        t_4 = environment.filters['sdcommand']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'sdcommand' found.")
    pass
    template = environment.get_template('header.j2', 'ovs-vswitchd.service.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '[Unit]\nDescription=Open vSwitch switch daemon (container)\nWants=ovsdb-server'
    yield str((undefined(name='suffix') if l_0_suffix is missing else l_0_suffix))
    yield '.service '
    yield str((undefined(name='bridges_unit') if l_0_bridges_unit is missing else l_0_bridges_unit))
    if (undefined(name='dpdk_bind') if l_0_dpdk_bind is missing else l_0_dpdk_bind):
        pass
        yield ' ovs-ignite-dpdk-bind.service'
    yield '\n'
    if (undefined(name='uplink_units') if l_0_uplink_units is missing else l_0_uplink_units):
        pass
        yield 'Wants='
        yield str(t_1(context.eval_ctx, (undefined(name='uplink_units') if l_0_uplink_units is missing else l_0_uplink_units), ' '))
        yield '\n'
    yield '\nAfter=ovsdb-server'
    yield str((undefined(name='suffix') if l_0_suffix is missing else l_0_suffix))
    yield '.service systemd-modules-load.service'
    if (undefined(name='dpdk_bind') if l_0_dpdk_bind is missing else l_0_dpdk_bind):
        pass
        yield ' ovs-ignite-dpdk-bind.service'
    yield '\n'
    if (undefined(name='auto_update') if l_0_auto_update is missing else l_0_auto_update):
        pass
        yield 'PartOf=ovsdb-server'
        yield str((undefined(name='suffix') if l_0_suffix is missing else l_0_suffix))
        yield '.service\n'
    template = environment.get_template('instance.j2', 'ovs-vswitchd.service.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    if (undefined(name='peer_netns') if l_0_peer_netns is missing else l_0_peer_netns):
        pass
        yield 'Wants='
        yield str(t_1(context.eval_ctx, (undefined(name='peer_netns') if l_0_peer_netns is missing else l_0_peer_netns), ' '))
        yield '\nAfter='
        yield str(t_1(context.eval_ctx, (undefined(name='peer_netns') if l_0_peer_netns is missing else l_0_peer_netns), ' '))
        yield '\n'
    template = environment.get_template('docker-engine.j2', 'ovs-vswitchd.service.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\n[Service]\n'
    if ((undefined(name='runtime') if l_0_runtime is missing else l_0_runtime) == 'podman'):
        pass
        yield 'Type=notify\nNotifyAccess=all\nEnvironment=PODMAN_SYSTEMD_UNIT=%n\n'
    else:
        pass
        yield 'Type=simple\n'
    yield 'ExecStartPre=-'
    yield str((undefined(name='script') if l_0_script is missing else l_0_script))
    yield ' rm ovs-vswitchd'
    yield str((undefined(name='suffix') if l_0_suffix is missing else l_0_suffix))
    yield '\n'
    if (undefined(name='state_files') if l_0_state_files is missing else l_0_state_files):
        pass
        yield 'ExecStartPre=-/usr/bin/rm -f '
        yield str(t_3((undefined(name='state_files') if l_0_state_files is missing else l_0_state_files)))
        yield '\n'
    yield 'ExecStartPre='
    yield str((undefined(name='script') if l_0_script is missing else l_0_script))
    yield ' image '
    yield str(t_2((undefined(name='image') if l_0_image is missing else l_0_image)))
    yield '\nExecStartPre='
    yield str((undefined(name='ovs_script') if l_0_ovs_script is missing else l_0_ovs_script))
    yield ' configure'
    yield str((undefined(name='switch_arg') if l_0_switch_arg is missing else l_0_switch_arg))
    yield '\n'
    if (undefined(name='uplink_units') if l_0_uplink_units is missing else l_0_uplink_units):
        pass
        yield 'ExecStartPre='
        yield str((undefined(name='ovs_script') if l_0_ovs_script is missing else l_0_ovs_script))
        yield ' uplink-sweep\n'
    yield 'ExecStart='
    yield str(t_4((undefined(name='vswitchd_run') if l_0_vswitchd_run is missing else l_0_vswitchd_run)))
    yield '\nExecStartPost='
    yield str((undefined(name='ovs_script') if l_0_ovs_script is missing else l_0_ovs_script))
    yield ' vswitchd-ready ${INVOCATION_ID}'
    yield str((undefined(name='switch_arg') if l_0_switch_arg is missing else l_0_switch_arg))
    yield '\nExecStop='
    yield str((undefined(name='script') if l_0_script is missing else l_0_script))
    yield ' stop ovs-vswitchd'
    yield str((undefined(name='suffix') if l_0_suffix is missing else l_0_suffix))
    yield ' 30\nExecStopPost=-'
    yield str((undefined(name='script') if l_0_script is missing else l_0_script))
    yield ' rm ovs-vswitchd'
    yield str((undefined(name='suffix') if l_0_suffix is missing else l_0_suffix))
    yield '\n'
    if (undefined(name='state_files') if l_0_state_files is missing else l_0_state_files):
        pass
        yield 'ExecStopPost=-/usr/bin/rm -f '
        yield str(t_3((undefined(name='state_files') if l_0_state_files is missing else l_0_state_files)))
        yield '\n'
    yield 'SuccessExitStatus=143\nRestart=always\nRestartSec=2\nTimeoutStartSec=900\n\n[Install]\nWantedBy=multi-user.target\n'

blocks = {}
debug_info = '1=48&6=55&8=62&10=65&13=68&15=74&18=77&20=79&21=85&23=88&24=90&26=92&29=99&36=106&37=110&38=113&40=116&41=120&42=124&44=127&46=130&47=132&48=136&49=140&50=144&51=147'