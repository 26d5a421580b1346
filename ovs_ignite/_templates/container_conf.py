# Compiled from templates/container.conf.j2: do not edit.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'container.conf.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_attached = resolve('attached')
    l_0_uplink_units = resolve('uplink_units')
    l_0_runtime = resolve('runtime')
    l_0_script = resolve('script')
    l_0_state_files = resolve('state_files')
    l_0_run = resolve('run')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['sdcommand']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'sdcommand' found.")
    pass
    template = environment.get_template('header.j2', 'container.conf.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '[Unit]\nDescription=Container %N (ovs-ignite)\n'
    if (undefined(name='attached') if l_0_attached is missing else l_0_attached):
        pass
        yield 'Wants=ovs-attach@%N.service\nBefore=ovs-attach@%N.service\nPropagatesStopTo=ovs-attach@%N.service\n'
    if (undefined(name='uplink_units') if l_0_uplink_units is missing else l_0_uplink_units):
        pass
        yield 'After='
        yield str(t_1(context.eval_ctx, (undefined(name='uplink_units') if l_0_uplink_units is missing else l_0_uplink_units), ' '))
        yield '\n'
    template = environment.get_template('docker-engine.j2', 'container.conf.j2')
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
    yield ' rm %N\n'
    if (undefined(name='state_files') if l_0_state_files is missing else l_0_state_files):
        pass
        yield 'ExecStartPre=-/usr/bin/rm -f '
        yield str(t_1(context.eval_ctx, (undefined(name='state_files') if l_0_state_files is missing else l_0_state_files), ' '))
        yield '\n'
    yield 'ExecStart='
    yield str((undefined(name='script') if l_0_script is missing else l_0_script))
    yield ' run-container %N '
    yield str(t_2((undefined(name='run') if l_0_run is missing else l_0_run), '%N'))
    yield '\n'
    if ((undefined(name='runtime') if l_0_runtime is missing else l_0_runtime) == 'docker'):
        pass
        yield 'ExecStartPost='
        yield str((undefined(name='script') if l_0_script is missing else l_0_script))
        yield ' running %N\n'
    yield 'ExecStop='
    yield str((undefined(name='script') if l_0_script is missing else l_0_script))
    yield ' stop %N 10\nExecStopPost=-'
    yield str((undefined(name='script') if l_0_script is missing else l_0_script))
    yield ' rm %N\n'
    if (undefined(name='state_files') if l_0_state_files is missing else l_0_state_files):
        pass
        yield 'ExecStopPost=-/usr/bin/rm -f '
        yield str(t_1(context.eval_ctx, (undefined(name='state_files') if l_0_state_files is missing else l_0_state_files), ' '))
        yield '\n'
    yield 'SuccessExitStatus=143\nRestart=always\nRestartSec=2\nTimeoutStartSec=900\n'

blocks = {}
debug_info = '1=29&8=36&15=39&17=42&19=44&22=51&29=58&30=60&31=63&35=66&36=70&38=73&40=76&41=78&42=80&43=83'