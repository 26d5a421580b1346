# Compiled from templates/ovsdb-server.service.j2: do not edit.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'ovsdb-server.service.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_suffix = resolve('suffix')
    l_0_runtime = resolve('runtime')
    l_0_script = resolve('script')
    l_0_state_files = resolve('state_files')
    l_0_image = resolve('image')
    l_0_ovs_script = resolve('ovs_script')
    l_0_switch_arg = resolve('switch_arg')
    l_0_ovsdb_run = resolve('ovsdb_run')
    try:
        t_1 = environment.filters['sd']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'sd' found.")
    try:
        t_2 = environment.filters['sdargs']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'sdargs' found.")
    try:
        t_3 = environment.filters['sdcommand']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'sdcommand' found.")
    pass
    template = environment.get_template('header.j2', 'ovsdb-server.service.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '[Unit]\nDescription=Open vSwitch database server (container)\nAfter=systemd-tmpfiles-setup.service network-pre.target\nBefore=ovs-vswitchd'
    yield str((undefined(name='suffix') if l_0_suffix is missing else l_0_suffix))
    yield '.service\n'
    template = environment.get_template('instance.j2', 'ovsdb-server.service.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    template = environment.get_template('docker-engine.j2', 'ovsdb-server.service.j2')
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
    yield ' rm ovsdb-server'
    yield str((undefined(name='suffix') if l_0_suffix is missing else l_0_suffix))
    yield '\n'
    if (undefined(name='state_files') if l_0_state_files is missing else l_0_state_files):
        pass
        yield 'ExecStartPre=-/usr/bin/rm -f '
        yield str(t_2((undefined(name='state_files') if l_0_state_files is missing else l_0_state_files)))
        yield '\n'
    yield 'ExecStartPre='
    yield str((undefined(name='script') if l_0_script is missing else l_0_script))
    yield ' image '
    yield str(t_1((undefined(name='image') if l_0_image is missing else l_0_image)))
    yield '\nExecStartPre='
    yield str((undefined(name='ovs_script') if l_0_ovs_script is missing else l_0_ovs_script))
    yield ' ovsdb-prepare'
    yield str((undefined(name='switch_arg') if l_0_switch_arg is missing else l_0_switch_arg))
    yield '\nExecStart='
    yield str(t_3((undefined(name='ovsdb_run') if l_0_ovsdb_run is missing else l_0_ovsdb_run)))
    yield '\nExecStartPost='
    yield str((undefined(name='ovs_script') if l_0_ovs_script is missing else l_0_ovs_script))
    yield ' ovsdb-ready'
    yield str((undefined(name='switch_arg') if l_0_switch_arg is missing else l_0_switch_arg))
    yield '\nExecStop='
    yield str((undefined(name='script') if l_0_script is missing else l_0_script))
    yield ' stop ovsdb-server'
    yield str((undefined(name='suffix') if l_0_suffix is missing else l_0_suffix))
    yield ' 30\nExecStopPost=-'
    yield str((undefined(name='script') if l_0_script is missing else l_0_script))
    yield ' rm ovsdb-server'
    yield str((undefined(name='suffix') if l_0_suffix is missing else l_0_suffix))
    yield '\n'
    if (undefined(name='state_files') if l_0_state_files is missing else l_0_state_files):
        pass
        yield 'ExecStopPost=-/usr/bin/rm -f '
        yield str(t_2((undefined(name='state_files') if l_0_state_files is missing else l_0_state_files)))
        yield '\n'
    yield 'SuccessExitStatus=143\nRestart=always\nRestartSec=2\nTimeoutStartSec=900\n\n[Install]\nWantedBy=multi-user.target\n'

blocks = {}
debug_info = '1=37&5=44&6=46&7=52&10=59&17=66&18=70&19=73&21=76&22=80&23=84&24=86&25=90&26=94&27=98&28=101'